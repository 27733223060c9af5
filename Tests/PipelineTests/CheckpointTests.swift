import Foundation
import Testing

@testable import Catalog
@testable import Checkpoints
@testable import Pipeline

/// Atomic writes and the manifest.
struct CheckpointTests {
    /// A set of files appears whole or not at all: one name the file system refuses leaves none of them.
    @Test func writeAllIsAllOrNothing() throws {
        let folder = try Fixtures.scratchFolder()
        let tooLong = String(repeating: "x", count: 300)
        #expect(throws: PipelineError.self) {
            try AtomicFile.writeAll(
                [("a.svg", Data("a".utf8)), ("b.svg", Data("b".utf8)), (tooLong, Data("c".utf8))], into: folder)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [])
        try AtomicFile.writeAll([("a.svg", Data("a".utf8)), ("b.svg", Data("b".utf8))], into: folder)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["a.svg", "b.svg"])
        #expect(try String(contentsOfFile: folder + "/b.svg", encoding: .utf8) == "b")
    }

    /// An atomic write leaves the target complete and no temporary file behind.
    @Test func atomicWriteLeavesNoTemporary() throws {
        let folder = try Fixtures.scratchFolder()
        try AtomicFile.write(Data("one".utf8), to: folder + "/a.txt")
        try AtomicFile.write(Data("two".utf8), to: folder + "/a.txt")
        #expect(try String(contentsOfFile: folder + "/a.txt", encoding: .utf8) == "two")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["a.txt"])
    }

    /// An abandoned writer leaves the previous file untouched; leftovers of killed writers are cleared.
    @Test func abandonKeepsTheOldFile() throws {
        let folder = try Fixtures.scratchFolder()
        try AtomicFile.write(Data("old".utf8), to: folder + "/a.txt")
        let writer = try AtomicFileWriter(path: folder + "/a.txt")
        try writer.write(Data("half".utf8))
        writer.abandon()
        #expect(try String(contentsOfFile: folder + "/a.txt", encoding: .utf8) == "old")
        try Fixtures.write(Data([1]), to: folder + "/b.bin" + AtomicFile.temporaryMarker + "99-1")
        AtomicFile.removeLeftovers(in: folder)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["a.txt"])
    }

    /// A manifest survives a save and load unchanged.
    @Test func manifestRoundTrip() throws {
        let folder = try Fixtures.scratchFolder()
        var manifest = Manifest(broadcast: "0123456789abcdef", name: "show.wav", toolVersion: "test")
        manifest.stages["decode"] = .init(
            key: "k", version: "1", modelDigest: nil, status: .done,
            started: Date(timeIntervalSince1970: 1_700_000_000),
            finished: Date(timeIntervalSince1970: 1_700_000_001), seconds: 1,
            outputs: ["recording.json": FileDigest(bytes: 3, sha256: "ab")])
        try manifest.save(folder: folder)
        #expect(try Manifest.load(folder: folder) == manifest)
    }

    /// A damaged manifest is reported as such, naming the file.
    @Test func damagedManifestIsReported() throws {
        let folder = try Fixtures.scratchFolder()
        try Data("{\"broadcast\":".utf8).write(to: URL(fileURLWithPath: folder + "/manifest.json"))
        #expect {
            try Manifest.load(folder: folder)
        } throws: { error in
            (error as? PipelineError)?.description.contains("manifest.json: damaged checkpoint") == true
        }
    }

    /// A file's digest is its size and SHA-256.
    @Test func fileDigest() throws {
        let folder = try Fixtures.scratchFolder()
        try Data("abc".utf8).write(to: URL(fileURLWithPath: folder + "/abc"))
        let digest = try FileDigest(path: folder + "/abc")
        #expect(
            digest == FileDigest(bytes: 3, sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"))
    }
}
