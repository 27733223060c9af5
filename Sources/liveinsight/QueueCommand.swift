import ArgumentParser
import Foundation
import JobQueue

extension LiveInsight {
    /// `liveinsight queue status|retry`: what the shared job queue holds, and bringing dead jobs back.
    struct Queue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the shared job queue (PostgreSQL) and retry dead-lettered jobs.",
            subcommands: [Status.self, Retry.self], defaultSubcommand: Status.self)

        /// `liveinsight queue status`: jobs per state, and each dead job with its reason.
        struct Status: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Count the jobs in each state and list the dead-lettered ones with their reasons.")

            @OptionGroup var queue: QueueOption

            @Flag(help: "Print the counts and the dead jobs as JSON.")
            var json = false

            /// What `--json` prints.
            struct Report: Encodable {
                var counts: [String: Int]
                var dead: [QueuedJob]
            }

            func run() async throws {
                let (counts, dead) = try await JobQueue.open(try queue.address()) { queue in
                    (try await queue.counts(), try await queue.jobs(in: .dead))
                }
                if json {
                    let named = Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) })
                    return print(try JSONOutput.encode(Report(counts: named, dead: dead)))
                }
                print(JobState.allCases.map { "\($0.rawValue) \(counts[$0] ?? 0)" }.joined(separator: ", "))
                for job in dead {
                    print("dead job \(job.id) \(job.recording) after \(job.attempts) attempts: \(job.lastError ?? "?")")
                }
            }
        }

        /// `liveinsight queue retry ID…`: dead jobs queued again with fresh attempts.
        struct Retry: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Queue dead-lettered jobs again (after fixing what made them fail), with fresh attempts.")

            @Argument(help: "The ids of dead jobs, as `queue status` lists them.")
            var jobs: [Int64]

            @OptionGroup var queue: QueueOption

            func run() async throws {
                let notDead = try await JobQueue.open(try queue.address()) { queue in
                    var notDead: [Int64] = []
                    for id in jobs where try await !queue.retry(id) { notDead.append(id) }
                    return notDead
                }
                for id in jobs where !notDead.contains(id) { print("job \(id) queued again") }
                guard notDead.isEmpty else {
                    throw ValidationError(
                        "not dead-lettered, left as they were: "
                            + notDead.map(String.init).joined(separator: ", "))
                }
            }
        }
    }
}
