import Foundation
import Testing

@testable import Features

/// The streaming .npy writer.
struct NpyMatrixWriterTests {
    private func temporaryPath(_ name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("npy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name).path
    }

    /// The header records the final shape and the data follows it at a 64-byte-aligned offset.
    @Test func writesShapeAndData() throws {
        let path = try temporaryPath("m.npy")
        let writer = try NpyMatrixWriter(path: path, columns: 3)
        try writer.append([1, 2, 3])
        try writer.append([4, 5, 6, 7, 8, 9])
        #expect(try writer.finish() == 3)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(data.prefix(6) == Data([0x93]) + Data("NUMPY".utf8))
        let headerLength = Int(data[8]) | Int(data[9]) << 8
        #expect((10 + headerLength) % 64 == 0)
        let header = String(decoding: data[10..<(10 + headerLength)], as: UTF8.self)
        #expect(header.contains("'shape': (3, 3)"))
        let values = data[(10 + headerLength)...].withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
        #expect(values == [1, 2, 3, 4, 5, 6, 7, 8, 9])
    }

    /// A writer dropped before `finish()` leaves no file behind, not even a temporary one.
    @Test func abandonedWriterLeavesNothing() throws {
        let path = try temporaryPath("partial.npy")
        do {
            let writer = try NpyMatrixWriter(path: path, columns: 2)
            try writer.append([1, 2])
        }
        let folder = (path as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }
}
