import ArgumentParser
import Foundation
import Pipeline
import Report

extension ReportFormat: ExpressibleByArgument {}

extension LiveInsight {
    /// `liveinsight report <broadcast> --format xlsx|pdf|html`: one broadcast's report file, no server needed.
    struct ReportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Write a broadcast's report as XLSX, PDF (headless Chromium) or a self-contained HTML file.")

        @Argument(help: "A broadcast folder (<workspace>/broadcasts/<id>) or a broadcast id in --workspace.")
        var broadcast: String

        @Option(help: "Workspace folder, for a broadcast given by id.")
        var workspace = ProcessInfo.processInfo.environment["LIVEINSIGHT_WORKSPACE"] ?? "liveinsight-workspace"

        @Option(help: "xlsx, pdf or html.")
        var format: ReportFormat = .html

        @Option(name: [.short, .long], help: "Output file (default: report.<format> in the broadcast folder).")
        var out: String?

        func run() throws {
            var isFolder: ObjCBool = false
            let (root, id): (String, String)
            if broadcast.contains("/"), FileManager.default.fileExists(atPath: broadcast, isDirectory: &isFolder), isFolder.boolValue {
                let folder = URL(fileURLWithPath: broadcast).standardizedFileURL
                (root, id) = (folder.deletingLastPathComponent().deletingLastPathComponent().path, folder.lastPathComponent)
            } else {
                (root, id) = (workspace, broadcast)
            }
            let data = try format.render(try WorkspaceStore(root: root).broadcast(id: id))
            let path = out ?? "\(root)/broadcasts/\(id)/report.\(format.rawValue)"
            try AtomicFile.write(data, to: path)
            print(path)
        }
    }
}
