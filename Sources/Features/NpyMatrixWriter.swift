import Foundation

/// Streams a float32 matrix of `columns` columns to a NumPy `.npy` file, row block by row block.
///
/// The row count is unknown until the end, so a fixed-size header is written first and rewritten on
/// `finish()`. The data goes to a temporary file that is fsynced and renamed into place only then:
/// a failure part-way leaves nothing at `path`.
public final class NpyMatrixWriter {
    /// Errors writing the file; each names the path.
    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): \(reason)" }
    }

    private static let headerLength = 128
    private let path: String
    private let temporaryPath: String
    private let columns: Int
    private var handle: FileHandle?
    private var rows = 0

    /// Creates the temporary file next to `path`.
    public init(path: String, columns: Int) throws {
        self.path = path
        self.columns = columns
        temporaryPath = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileManager.default.createFile(atPath: temporaryPath, contents: Self.header(rows: 0, columns: columns)),
            let handle = FileHandle(forWritingAtPath: temporaryPath)
        else {
            throw WriteError(path: path, reason: "cannot create the output file")
        }
        try handle.seekToEnd()
        self.handle = handle
    }

    deinit {
        if handle != nil { try? handle?.close(); unlink(temporaryPath) }
    }

    /// Appends whole rows (row-major; `values.count` must be a multiple of `columns`).
    public func append(_ values: [Float]) throws {
        guard let handle else { throw WriteError(path: path, reason: "append after finish") }
        precondition(values.count % columns == 0, "partial row")
        try handle.write(contentsOf: values.withUnsafeBytes { Data($0) })
        rows += values.count / columns
    }

    /// Writes the final header, syncs and moves the file into place. Returns the number of rows.
    @discardableResult
    public func finish() throws -> Int {
        guard let handle else { return rows }
        try handle.seek(toOffset: 0)
        try handle.write(contentsOf: Self.header(rows: rows, columns: columns))
        try handle.synchronize()
        try handle.close()
        self.handle = nil
        guard rename(temporaryPath, path) == 0 else {
            unlink(temporaryPath)
            throw WriteError(path: path, reason: "cannot move the finished file into place (errno \(errno))")
        }
        return rows
    }

    /// NPY v1.0 header for a little-endian float32 C-order matrix, padded to `headerLength` bytes.
    static func header(rows: Int, columns: Int) -> Data {
        var dictionary = "{'descr': '<f4', 'fortran_order': False, 'shape': (\(rows), \(columns)), }"
        let preamble = 10  // magic (6) + version (2) + header length (2)
        dictionary += String(repeating: " ", count: headerLength - preamble - dictionary.utf8.count - 1) + "\n"
        var data = Data([0x93]) + Data("NUMPY".utf8) + Data([1, 0])
        let length = UInt16(dictionary.utf8.count)
        data.append(contentsOf: [UInt8(length & 0xff), UInt8(length >> 8)])
        data.append(Data(dictionary.utf8))
        return data
    }
}
