// Throughput of `liveinsight worker` processes over the PostgreSQL job queue (issue #20):
//
//   swift run ScaleOutBenchmark [binary] [jobs] [model] [seconds] [out.json]
//   (defaults: .build/debug/liveinsight, 60, Training/fixtures/tiny-model.safetensors, 0.5,
//    Benchmarks/scaleout-results.json)
//
// The same batch (`jobs` recordings of `seconds`, cut from the committed 2 s clip with one sample nudged each, so
// every one is a new broadcast) is processed by 1, 2 and 3 workers, each time in a fresh workspace and a fresh
// private PostgreSQL server (Tests/Support/PrivatePostgres), with the catalog first in the workspace's SQLite file
// and then in the queue's PostgreSQL database (`--catalog`); the reference is the 1-worker SQLite run in the same
// process. It reports wall time per batch, jobs per second, the speed-up over that reference, the database's
// transactions and rows written per job (pg_stat_database, submissions excluded), the catalog's bytes per job in
// PostgreSQL, and the workers' CPU seconds per job. Last, it times storing one long show's purchases and product views
// in a catalog on each engine (EventImport.swift).
import AudioIO
import Checkpoints
import Foundation
import JobQueue
import PostgresNIO
import PostgresSupport
import PrivatePostgres

let arguments = CommandLine.arguments
let binary = arguments.count > 1 ? arguments[1] : ".build/debug/liveinsight"
let jobCount = arguments.count > 2 ? Int(arguments[2]) ?? 60 : 60
let model = arguments.count > 3 ? arguments[3] : "Training/fixtures/tiny-model.safetensors"
let seconds = arguments.count > 4 ? Double(arguments[4]) ?? 0.5 : 0.5
let output = arguments.count > 5 ? arguments[5] : "Benchmarks/scaleout-results.json"

/// One configuration's figures.
struct Measurement: Codable {
    var workers: Int
    /// Where the catalog was: `sqlite` (the workspace's file) or `postgresql` (the queue's database).
    var catalog: String
    var wallSeconds: Double
    var jobsPerSecond: Double
    var speedUpOverOneWorker: Double
    var transactionsPerJob: Double
    /// Rows inserted, updated or deleted in PostgreSQL per job (the queue's, and the catalog's when it is there).
    var rowsWrittenPerJob: Double
    /// Bytes the catalog's tables and indexes in PostgreSQL grew by per job (0 with the SQLite catalog).
    var catalogBytesPerJob: Double
    /// CPU seconds the workers used per job (user + system): against wall time, how much of a job is waiting.
    var workerCPUSecondsPerJob: Double
    /// CPU seconds the PostgreSQL server used per job (its postmaster and the backends it reaped).
    var serverCPUSecondsPerJob: Double
}

/// A batch that did not go through as it should.
struct BenchmarkFailure: Error {
    var reason: String
}

/// The load average now (1 minute), to say how busy the machine was.
func loadAverage() -> Double {
    var loads = [Double](repeating: 0, count: 3)
    return getloadavg(&loads, 3) > 0 ? loads[0] : -1
}

/// Writes the batch's recordings into `folder`.
func writeRecordings(into folder: String) throws -> [String] {
    let clip = try AudioDecoder.decodeAll(path: "Training/fixtures/clip-ko-2s.wav")
    let length = Int(seconds * Double(AudioDecoder.modelSampleRate))
    return try (0..<jobCount).map { index in
        var samples = (0..<length).map { clip[$0 % clip.count] }
        samples[index % length] += 1.0 / 16_384  // a few 16-bit steps: another recording, the same sound
        let path = folder + "/show-\(index).wav"
        let writer = try AudioFileWriter(path: path, sampleRate: AudioDecoder.modelSampleRate, container: .wav)
        try writer.write(samples)
        try writer.close()
        return path
    }
}

/// CPU seconds (user + system) used so far by this process's children that have been waited for.
func childrenCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// CPU seconds (user + system) of `server`'s postmaster and of the backends it has reaped, from /proc.
func serverCPUSeconds(_ server: PrivatePostgres) throws -> Double {
    let pid = try String(contentsOfFile: server.folder + "/data/postmaster.pid", encoding: .utf8).prefix { $0 != "\n" }
    let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
    // Fields after the command's closing parenthesis: utime, stime, cutime and cstime are the 12th to 15th.
    let fields = stat[stat.index(after: stat.lastIndex(of: ")")!)...].split(separator: " ")
    let ticks = fields[11...14].compactMap { Double($0) }.reduce(0, +)
    return ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
}

/// What the server's database has done so far: transactions committed, rows written, and the bytes of the
/// catalog's tables (every table but the queue's).
func activity(_ server: PrivatePostgres) async throws -> (commits: Int, rowsWritten: Int, catalogBytes: Int) {
    try await Task.sleep(for: .seconds(1.5))  // backends flush their statistics when idle or gone
    let counts = try await query(
        server,
        "SELECT xact_commit, tup_inserted + tup_updated + tup_deleted FROM pg_stat_database "
            + "WHERE datname = current_database()")
    let bytes = try await tableBytes(server, where: "relname NOT IN ('queue_jobs', 'liveinsight_schema')")
    return (counts.0, counts.1, bytes)
}

/// The bytes of the tables (with their indexes) on `server` whose row in `pg_stat_user_tables` meets `condition`.
func tableBytes(_ server: PrivatePostgres, where condition: String) async throws -> Int {
    try await query(
        server,
        "SELECT coalesce(sum(pg_total_relation_size(relid)), 0)::bigint, 0 FROM pg_stat_user_tables WHERE "
            + condition
    ).0
}

/// The two integers of the one row that `sql` returns on `server`.
func query(_ server: PrivatePostgres, _ sql: String) async throws -> (Int, Int) {
    let client = PostgresClient(configuration: try PostgresAddress(url: server.url).clientConfiguration)
    return try await withThrowingTaskGroup(of: Void.self, returning: (Int, Int).self) { group in
        group.addTask { await client.run() }
        defer { group.cancelAll() }
        var found = (0, 0)
        for try await row in try await client.query(PostgresQuery(unsafeSQL: sql)).decode((Int, Int).self) {
            found = row
        }
        return found
    }
}

/// Submits the batch and runs `workers` worker processes until the queue is idle, with the catalog in the queue's
/// database when `sharedCatalog`, else in the workspace's SQLite file.
func measure(workers: Int, sharedCatalog: Bool, recordings: [String], scratch: String) async throws -> Measurement {
    let server = try PrivatePostgres()
    defer { server.stop() }
    let workspace = Workspace(root: scratch + "/ws-\(workers)-\(sharedCatalog ? "postgresql" : "sqlite")")
    try workspace.create()
    try await JobQueue.open(try PostgresAddress(url: server.url)) { queue in
        for path in recordings {
            let hash = try FileDigest(path: path).sha256
            let recording = try workspace.submit(path, recordingHash: hash)
            _ = try await queue.submit(JobSubmission(contentHash: hash, recording: recording))
        }
    }
    if sharedCatalog {  // the empty tables first, so that the bytes per job are what the jobs added
        let migrate = Process()
        migrate.executableURL = URL(fileURLWithPath: binary)
        migrate.arguments = ["catalog", "migrate", "--workspace", workspace.root, "--catalog", server.url]
        migrate.standardOutput = FileHandle.nullDevice
        try migrate.run()
        migrate.waitUntilExit()
    }
    let before = try await activity(server)
    let cpuBefore = childrenCPUSeconds()
    let serverCPUBefore = try serverCPUSeconds(server)
    let start = ContinuousClock.now
    let processes = try (0..<workers).map { _ in
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments =
            [
                "worker", "--queue", server.url, "--workspace", workspace.root, "--model", model,
                "--threads", "1", "--until-idle", "--poll", "0.5",
            ] + (sharedCatalog ? ["--catalog", server.url] : [])
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
    for process in processes { process.waitUntilExit() }
    let elapsed = ContinuousClock.now - start
    let cpu = childrenCPUSeconds() - cpuBefore
    guard processes.allSatisfy({ $0.terminationStatus == 0 }) else { throw BenchmarkFailure(reason: "a worker failed") }
    let jobs = try await JobQueue.open(try PostgresAddress(url: server.url)) { try await $0.jobs() }
    guard jobs.allSatisfy({ $0.state == .done }) else { throw BenchmarkFailure(reason: "not every job was done") }
    let after = try await activity(server)
    let serverCPU = try serverCPUSeconds(server) - serverCPUBefore
    let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let perJob = { (count: Int) in Double(count) / Double(jobCount) }
    return Measurement(
        workers: workers, catalog: sharedCatalog ? "postgresql" : "sqlite", wallSeconds: wall,
        jobsPerSecond: Double(jobCount) / wall, speedUpOverOneWorker: 1,
        transactionsPerJob: perJob(after.commits - before.commits),
        rowsWrittenPerJob: perJob(after.rowsWritten - before.rowsWritten),
        catalogBytesPerJob: sharedCatalog ? perJob(after.catalogBytes - before.catalogBytes) : 0,
        workerCPUSecondsPerJob: cpu / Double(jobCount), serverCPUSecondsPerJob: serverCPU / Double(jobCount))
}

let scratch = NSTemporaryDirectory() + "liveinsight-scaleout-\(UUID().uuidString)"
try FileManager.default.createDirectory(atPath: scratch + "/recordings", withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: scratch) }
let recordings = try writeRecordings(into: scratch + "/recordings")
let loadBefore = loadAverage()
var results: [Measurement] = []
for sharedCatalog in [false, true] {
    for workers in 1...3 {
        var measured = try await measure(
            workers: workers, sharedCatalog: sharedCatalog, recordings: recordings, scratch: scratch)
        measured.speedUpOverOneWorker = (results.first?.wallSeconds ?? measured.wallSeconds) / measured.wallSeconds
        results.append(measured)
        print(
            String(
                format: "%d worker(s), catalog in %@: %.1f s, %.2f jobs/s, %.2fx over 1 worker (SQLite), "
                    + "%.1f transactions/job, %.1f rows/job, %.0f catalog bytes/job, "
                    + "CPU s/job %.3f (workers) %.3f (server)",
                workers,
                measured.catalog, measured.wallSeconds, measured.jobsPerSecond, measured.speedUpOverOneWorker,
                measured.transactionsPerJob, measured.rowsWrittenPerJob, measured.catalogBytesPerJob,
                measured.workerCPUSecondsPerJob, measured.serverCPUSecondsPerJob))
    }
}
// One 2-hour show's events at the demo broadcast's rates (127 purchases and 300 product views in 7.7 minutes).
let eventImport = try await measureEventImport(purchases: 2_000, views: 4_700, scratch: scratch)
print(
    String(
        format: "one show's events (%d purchases, %d views): SQLite %.2f s, PostgreSQL %.2f s, %.0f bytes a row",
        eventImport.purchases, eventImport.productViews, eventImport.sqliteSeconds, eventImport.postgresqlSeconds,
        eventImport.postgresqlBytesPerEventRow))
struct Report: Codable {
    var binary: String, model: String, jobs: Int, secondsPerRecording: Double, cores: Int
    var loadAverageBefore: Double, loadAverageAfter: Double, date: String
    var results: [Measurement]
    var eventImport: EventImportMeasurement
}
let report = Report(
    binary: binary, model: model, jobs: jobCount, secondsPerRecording: seconds,
    cores: ProcessInfo.processInfo.activeProcessorCount, loadAverageBefore: loadBefore,
    loadAverageAfter: loadAverage(), date: ISO8601DateFormatter().string(from: Date()),
    results: results, eventImport: eventImport)
let encoder = JSONEncoder()
encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
try (encoder.encode(report) + Data("\n".utf8)).write(to: URL(fileURLWithPath: output))
print("written \(output)")
