import Foundation
import TextDecoding

/// Rows of an order file (CSV or TSV): the separator is a tab when the header holds one, else a comma.
/// Records come from `TextDecoding.DelimitedRecords` (CSV fields may be quoted; TSV has no quoting, a quote
/// is data), after `TextDecoder` (UTF-8 with or without a byte-order mark, UTF-16, CP949); blank lines are
/// skipped. A `.gz` file is decompressed with `gzip -dc` first.
struct DelimitedText {
    typealias Row = DelimitedRecords.Record

    let header: [String]
    let rows: [Row]

    init(path: String) throws(CommerceError) {
        let data: Data
        if path.hasSuffix(".gz") {
            data = try Self.gunzip(path)
        } else {
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw .unreadable(
                    path: path,
                    detail: FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file")
            }
            data = contents
        }
        do { self.init(text: try TextDecoder.decode(data).text) } catch {
            throw .unreadable(path: path, detail: error.description)
        }
    }

    init(text: String) {
        let tabs = text.unicodeScalars.prefix { $0 != "\n" }.contains("\t")
        var rows = DelimitedRecords.parse(text, separator: tabs ? "\t" : ",", quoting: !tabs)
        let header = rows.isEmpty ? [] : rows.removeFirst().fields.map { $0.trimmingCharacters(in: .whitespaces) }
        (self.header, self.rows) = (header, rows)
    }

    /// The index of the first header column whose name, lower-cased without spaces, `_` or `-`, is one of `names`.
    func column(_ names: [String]) -> Int? {
        let folded = header.map { $0.lowercased().filter { $0.isLetter || $0.isNumber } }
        for name in names { if let index = folded.firstIndex(of: name) { return index } }
        return nil
    }

    private static func gunzip(_ path: String) throws(CommerceError) -> Data {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw .unreadable(path: path, detail: "no such file")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            throw .unreadable(path: path, detail: "cannot run gzip to decompress it (\(error))")
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw .unreadable(path: path, detail: "gzip could not decompress it (a truncated or corrupt .gz)")
        }
        return data
    }
}
