import Foundation
import Testing

@testable import Catalog
@testable import Checkpoints
@testable import Pipeline

/// The watched folder's file handling: names, companions, settling, moving.
struct InboxTests {
    /// Recordings are told apart from companions, reasons and uploads in progress.
    @Test func recordingNames() {
        for name in ["show.wav", "show.mp3", "notes.txt", "a.b.flac"] {
            #expect(InboxItem.isRecordingName(name), "\(name)")
        }
        for name in [
            ".hidden.wav", "show.events.csv", "show.reviews.csv", "show.keywords.csv", "show.ref.txt", "show.meta.json",
            "show.wav.part", "show.wav.reason.txt", "show.wav.partial-12-34", "x.crdownload",
        ] {
            #expect(!InboxItem.isRecordingName(name), "\(name)")
        }
    }

    /// A recording picks up the companions that share its stem.
    @Test func companionsArePaired() throws {
        let folder = try Fixtures.scratchFolder()
        for name in ["show.wav", "show.events.csv", "show.ref.txt", "show.meta.json", "other.reviews.csv"] {
            try Fixtures.write(Data("x".utf8), to: folder + "/" + name)
        }
        let item = InboxItem(recording: folder + "/show.wav")
        #expect(
            item.companions == [
                .events: folder + "/show.events.csv", .reference: folder + "/show.ref.txt",
                .metadata: folder + "/show.meta.json",
            ])
        #expect(item.files.count == 4)
    }

    /// Captions pair as platforms name them (`show.srt`, `show.vtt`), a cue sheet as `show.script.txt`, and
    /// neither is taken for a recording.
    @Test func captionsAndCueSheetsArePaired() throws {
        let folder = try Fixtures.scratchFolder()
        for name in ["show.wav", "show.srt", "show.script.txt", "talk.flac", "talk.vtt"] {
            try Fixtures.write(Data("x".utf8), to: folder + "/" + name)
        }
        #expect(
            InboxItem(recording: folder + "/show.wav").companions
                == [.transcript: folder + "/show.srt", .script: folder + "/show.script.txt"])
        #expect(InboxItem(recording: folder + "/talk.flac").companions == [.transcript: folder + "/talk.vtt"])
        for name in ["show.srt", "talk.vtt", "show.transcript.txt", "show.script.txt"] {
            #expect(!InboxItem.isRecordingName(name), "\(name)")
        }
        #expect(InboxMover.renamed("show.srt", attempt: 2) == "show~2.srt")
    }

    /// A file is ready after it has stayed unchanged for the settle time, until it is reported.
    @Test func filesSettleBeforeTheyAreTaken() throws {
        let folder = try Fixtures.scratchFolder()
        let path = folder + "/show.wav"
        try Fixtures.write(Data(count: 10), to: path)
        var scanner = InboxScanner(folder: folder, settle: 1)
        let start = Date()
        #expect(scanner.readyRecordings(now: start).isEmpty)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(count: 10))  // still growing
        try handle.close()
        #expect(scanner.readyRecordings(now: start.addingTimeInterval(1.5)).isEmpty)
        let ready = scanner.readyRecordings(now: start.addingTimeInterval(3))
        #expect(ready.map(\.recording) == [path])
        scanner.markReported(ready)
        #expect(scanner.readyRecordings(now: start.addingTimeInterval(4)).isEmpty, "reported once")
        #expect(scanner.recordingsPresent == 1)
    }

    /// Moving never overwrites: a taken name gets a counter, companions follow, the inbox is emptied.
    @Test func movesNeverOverwrite() throws {
        let inbox = try Fixtures.scratchFolder(), processed = try Fixtures.scratchFolder()
        try Fixtures.write(Data("first".utf8), to: processed + "/show.wav")
        try Fixtures.write(Data("second".utf8), to: inbox + "/show.wav")
        try Fixtures.write(Data("e".utf8), to: inbox + "/show.events.csv")
        let moved = try InboxMover.move(InboxItem(recording: inbox + "/show.wav"), to: processed)
        #expect(moved == processed + "/show~2.wav")
        #expect(try String(contentsOfFile: processed + "/show.wav", encoding: .utf8) == "first")
        #expect(try String(contentsOfFile: moved, encoding: .utf8) == "second")
        #expect(FileManager.default.fileExists(atPath: processed + "/show~2.events.csv"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: inbox).isEmpty)
    }

    /// Two movers of one item (feeders sharing an inbox): a name that already holds the very same file was
    /// linked by the other and counts as moved, so both end with the same paths and no `~2` copy; once the
    /// recording has left the inbox, there is nothing to move.
    @Test func concurrentMovesOfOneItemMakeOneCopy() throws {
        let inbox = try Fixtures.scratchFolder(), submitted = try Fixtures.scratchFolder()
        try Fixtures.write(Data("audio".utf8), to: inbox + "/show.wav")
        try Fixtures.write(Data("e".utf8), to: inbox + "/show.events.csv")
        #expect(link(inbox + "/show.wav", submitted + "/show.wav") == 0, "the other mover's first link")
        let item = InboxItem(recording: inbox + "/show.wav")
        #expect(try InboxMover.moveUnlessGone(item, to: submitted) == submitted + "/show.wav")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: submitted).sorted() == ["show.events.csv", "show.wav"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: inbox).isEmpty)
        #expect(try InboxMover.moveUnlessGone(item, to: submitted) == nil, "moved already")
        #expect(throws: PipelineError.self) { try InboxMover.move(item, to: submitted) }
    }

    /// A rejected file gets its reason beside it, on one line.
    @Test func rejectionWritesReason() throws {
        let inbox = try Fixtures.scratchFolder(), rejected = try Fixtures.scratchFolder()
        try Fixtures.write(Data("text".utf8), to: inbox + "/bad.wav")
        try InboxMover.reject(InboxItem(recording: inbox + "/bad.wav"), to: rejected, reason: "bad.wav:\nnot audio")
        #expect(try String(contentsOfFile: rejected + "/bad.wav.reason.txt", encoding: .utf8) == "bad.wav: not audio\n")
    }

    /// Symbolic links are never followed: a linked recording is not taken but listed for refusal, and a
    /// linked companion (here to /etc/passwd) is not paired.
    @Test func symbolicLinksAreNotFollowed() throws {
        let inbox = try Fixtures.scratchFolder(), outside = try Fixtures.scratchFolder()
        try Fixtures.write(Data(count: 10), to: outside + "/secret.wav")
        try FileManager.default.createSymbolicLink(
            atPath: inbox + "/linked.wav", withDestinationPath: outside + "/secret.wav")
        try Fixtures.write(Data(count: 10), to: inbox + "/show.wav")
        try FileManager.default.createSymbolicLink(
            atPath: inbox + "/show.events.csv", withDestinationPath: "/etc/passwd")
        var scanner = InboxScanner(folder: inbox, settle: 1)
        let start = Date()
        _ = scanner.readyRecordings(now: start)
        let ready = scanner.readyRecordings(now: start.addingTimeInterval(2))
        #expect(ready.map(\.recording) == [inbox + "/show.wav"])
        #expect(ready.first?.companions.isEmpty == true)
        #expect(scanner.links == [inbox + "/linked.wav", inbox + "/show.events.csv"])
    }

    /// Recordings in subfolders of the inbox are taken, with the companions beside them.
    @Test func subfoldersAreScanned() throws {
        let inbox = try Fixtures.scratchFolder()
        try FileManager.default.createDirectory(atPath: inbox + "/sub/deeper", withIntermediateDirectories: true)
        try Fixtures.write(Data(count: 10), to: inbox + "/sub/deeper/show.wav")
        try Fixtures.write(Data("e".utf8), to: inbox + "/sub/deeper/show.events.csv")
        var scanner = InboxScanner(folder: inbox, settle: 1)
        let start = Date()
        _ = scanner.readyRecordings(now: start)
        let ready = scanner.readyRecordings(now: start.addingTimeInterval(2))
        #expect(ready.map(\.recording) == [inbox + "/sub/deeper/show.wav"])
        #expect(ready.first?.companions == [.events: inbox + "/sub/deeper/show.events.csv"])
    }

    /// A writer that pauses longer than the settle time keeps its file out of the queue while it holds it
    /// open for writing; once closed, the file is taken.
    @Test func filesOpenForWritingWait() throws {
        let inbox = try Fixtures.scratchFolder()
        let path = inbox + "/show.wav"
        try Fixtures.write(Data(count: 10), to: path)
        let writer = try #require(FileHandle(forWritingAtPath: path))
        var scanner = InboxScanner(folder: inbox, settle: 1)
        let start = Date()
        _ = scanner.readyRecordings(now: start)
        #expect(scanner.readyRecordings(now: start.addingTimeInterval(5)).isEmpty, "still open for writing")
        try writer.close()
        #expect(scanner.readyRecordings(now: start.addingTimeInterval(6)).map(\.recording) == [path])
    }

    /// The watcher moves a symbolic link to rejected/ with its reason and never touches what it points to.
    @Test func watcherRefusesLinks() throws {
        let runner = try Fixtures.runner()
        let outside = try Fixtures.scratchFolder()
        try Fixtures.write(Data("keep".utf8), to: outside + "/secret.wav")
        try FileManager.default.createSymbolicLink(
            atPath: runner.workspace.inbox + "/linked.wav", withDestinationPath: outside + "/secret.wav")
        var options = WatchOptions()
        (options.polling, options.exitWhenIdle, options.settle) = (true, true, 0.1)
        try WatchDaemon(runner: runner, options: options, log: { _ in }).run()
        let rejected = runner.workspace.rejected
        #expect(
            try FileManager.default.destinationOfSymbolicLink(atPath: rejected + "/linked.wav") == outside
                + "/secret.wav")
        #expect(
            try String(contentsOfFile: rejected + "/linked.wav.reason.txt", encoding: .utf8).contains("a symbolic link")
        )
        #expect(try String(contentsOfFile: outside + "/secret.wav", encoding: .utf8) == "keep")
        #expect(try runner.catalog.stageRuns().isEmpty)
    }
}
