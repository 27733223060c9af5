import Foundation

/// Prints HTML to PDF with headless Chromium (`--print-to-pdf`); fonts used by the page (Nanum Gothic
/// for Korean) are embedded by Chromium.
public struct PDFPrinter: Sendable {
    /// Chromium executable; the default is the first of `chromium`, `chromium-browser`,
    /// `chromium-headless-shell`, `google-chrome` found on PATH.
    public var executable: String?

    /// Creates a printer.
    public init(executable: String? = nil) { self.executable = executable ?? Self.findChromium() }

    /// The first Chromium executable on PATH.
    static func findChromium() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["chromium", "chromium-browser", "chromium-headless-shell", "google-chrome"] {
            for directory in path.split(separator: ":")
            where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") {
                return "\(directory)/\(name)"
            }
        }
        return nil
    }

    /// The PDF of `html` (a self-contained page).
    public func pdf(html: String) throws(ReportError) -> Data {
        guard let executable else { throw .pdfFailed("chromium not found on PATH") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "liveinsight-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html"), output = folder.appendingPathComponent("report.pdf")
        let process = Process()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(html.utf8).write(to: page)
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                "--user-data-dir=\(folder.path)/profile", "--no-pdf-header-footer",
                "--run-all-compositor-stages-before-draw",
                "--virtual-time-budget=2000", "--print-to-pdf=\(output.path)", page.absoluteString,
            ]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
        } catch { throw .pdfFailed("cannot run \(executable) (\(error))") }
        process.waitUntilExit()
        guard let data = FileManager.default.contents(atPath: output.path), data.starts(with: Data("%PDF".utf8)) else {
            throw .pdfFailed("\(executable) exited with status \(process.terminationStatus) and wrote no PDF")
        }
        return data
    }
}
