import ArgumentParser
import Catalog
import Checkpoints
import Foundation
import Pipeline

extension LiveInsight {
    /// `liveinsight status`: the workspace's broadcasts and their stages.
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the workspace's broadcasts and the state of each stage.",
            discussion: """
                Stage states: pending (never started), running, interrupted (started, but the process \
                died: run again to resume), done, failed. --json prints an array of broadcasts, each \
                with id, name, sourcePath, duration, folder, stages (name, status, key, seconds, \
                finished, error) and lastJob.
                """)

        @OptionGroup var workspace: WorkspaceOption

        @Flag(help: "Print JSON instead of a table.")
        var json = false

        func run() throws {
            let workspace = workspace.resolved
            guard let catalog = try self.workspace.existingCatalog(of: workspace) else {
                print(json ? "[]" : "no catalog in \(workspace.root) yet: nothing has been processed there")
                return
            }
            let statuses = try BroadcastStatus.all(
                workspace: workspace, catalog: catalog, graph: try StageGraph.standard())
            if json {
                print(try JSONOutput.encode(statuses))
                return
            }
            let jobs = try catalog.jobs()
            let queued = jobs.filter { $0.status == .queued }.count,
                running = jobs.filter { $0.status == .running }.count
            print(Self.table(statuses))
            print("\(statuses.count) broadcasts in \(workspace.root); jobs: \(queued) queued, \(running) running")
        }

        /// One row per broadcast: id, name, duration, each stage's state, the last job.
        static func table(_ statuses: [BroadcastStatus]) -> String {
            let stageNames = statuses.first?.stages.map(\.name) ?? []
            let header = ["ID", "NAME", "DURATION"] + stageNames.map { $0.uppercased() } + ["JOB"]
            let rows = statuses.map { status in
                [status.id, status.name, status.duration.map { String(format: "%.1f s", $0) } ?? "-"]
                    + status.stages.map(\.status.rawValue)
                    + [
                        status.lastJob.map { job in
                            job.outcome.map { "\(job.status.rawValue) (\($0))" } ?? job.status.rawValue
                        } ?? "-"
                    ]
            }
            let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
            return ([header] + rows).map { row in
                zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
            }.joined(separator: "\n")
        }
    }
}
