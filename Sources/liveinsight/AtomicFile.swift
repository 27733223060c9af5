import Foundation

/// Writes CLI outputs so a reader never sees half a file: temporary name, fsync, rename.
enum AtomicFile {
    static func write(_ data: Data, to path: String) throws {
        let temporary = path + ".partial-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary) else {
            throw CLIError("\(path): cannot create the output file")
        }
        do {
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw CLIError("\(path): cannot move the finished file into place")
        }
    }
}
