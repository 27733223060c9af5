import Foundation
import Testing
@testable import Pipeline

/// The watched folder's file handling: names, companions, settling, moving.
struct InboxTests {
    /// Recordings are told apart from companions, reasons and uploads in progress.
    @Test func recordingNames() {
        for name in ["show.wav", "show.mp3", "notes.txt", "a.b.flac"] { #expect(InboxItem.isRecordingName(name), "\(name)") }
        for name in [".hidden.wav", "show.events.csv", "show.reviews.csv", "show.keywords.csv", "show.ref.txt", "show.meta.json",
                     "show.wav.part", "show.wav.reason.txt", "show.wav.partial-12-34", "x.crdownload"] {
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
        #expect(item.companions == [.events: folder + "/show.events.csv", .reference: folder + "/show.ref.txt",
                                    .metadata: folder + "/show.meta.json"])
        #expect(item.files.count == 4)
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
        try handle.write(contentsOf: Data(count: 10))   // still growing
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

    /// A rejected file gets its reason beside it, on one line.
    @Test func rejectionWritesReason() throws {
        let inbox = try Fixtures.scratchFolder(), rejected = try Fixtures.scratchFolder()
        try Fixtures.write(Data("text".utf8), to: inbox + "/bad.wav")
        try InboxMover.reject(InboxItem(recording: inbox + "/bad.wav"), to: rejected, reason: "bad.wav:\nnot audio")
        #expect(try String(contentsOfFile: rejected + "/bad.wav.reason.txt", encoding: .utf8) == "bad.wav: not audio\n")
    }
}
