import Catalog
import Checkpoints
import Foundation
import Pipeline
import Testing

/// What `liveinsight run` makes of the paths it is given: relative ones, folders, and bad user files.
struct RunInputTests {
    /// A recording given by a relative path is recorded by its absolute path, so the dashboard finds its audio
    /// from wherever it is started.
    @Test func relativeRecordingIsStoredAbsolute() throws {
        let folder = try CLIRunner.temporaryDirectory()
        let clips = folder.appendingPathComponent("clips")
        try FileManager.default.createDirectory(at: clips, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: CLIRunner.sample("price-8k.wav"), toPath: clips.appendingPathComponent("s2.wav").path)
        let workspace = folder.appendingPathComponent("ws").path
        let result = try CLIRunner.run(
            ["run", "s2.wav", "--workspace", workspace, "--model", CLIRunner.tinyModel], in: clips)
        #expect(result.status == 0, "\(result.stderr)")
        let broadcasts = try Catalog(path: workspace + "/catalog.sqlite").broadcasts()
        let expected = clips.appendingPathComponent("s2.wav").standardizedFileURL.path
        #expect(broadcasts.map(\.sourcePath) == [expected])
    }

    /// A bad event log is reported by the path the user passed, not by the broadcast's copy of it.
    @Test func errorsNameTheUsersFile() throws {
        let folder = try CLIRunner.temporaryDirectory()
        let events = folder.appendingPathComponent("my-events.csv")
        try Data("timestamp,event_type\nsoon,purchase\n".utf8).write(to: events)
        let result = try CLIRunner.run([
            "run", CLIRunner.sample("price-8k.wav"), "--events", events.path,
            "--keywords", CLIRunner.sample("demo-broadcast.keywords.csv"),
            "--workspace", folder.path + "/ws", "--model", CLIRunner.tinyModel,
        ])
        #expect(result.status != 0)
        #expect(result.stderr.contains(events.path + " line 2"), "\(result.stderr)")
        #expect(!result.stderr.contains("/inputs/"), "\(result.stderr)")
    }

    /// A folder given as the recording or as a user file is refused in one line that says it is a folder.
    @Test func foldersAreRefused() throws {
        let folder = try CLIRunner.temporaryDirectory()
        let recording = try CLIRunner.run([
            "run", folder.path, "--workspace", folder.path + "/ws", "--model", CLIRunner.tinyModel,
        ])
        #expect(recording.status != 0)
        #expect(recording.stderr.contains("\(folder.path): it is a folder, not a file"), "\(recording.stderr)")
        let events = try CLIRunner.run([
            "run", CLIRunner.sample("price-8k.wav"), "--events", folder.path,
            "--workspace", folder.path + "/ws", "--model", CLIRunner.tinyModel,
        ])
        #expect(events.status != 0)
        #expect(events.stderr.contains("it is a folder, not a file"), "\(events.stderr)")
        #expect(!events.stderr.contains("NSCocoaErrorDomain"))
    }
}
