import ArgumentParser
import Catalog
import Checkpoints
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

        @OptionGroup var workspace: WorkspaceOption

        @Option(help: "xlsx, pdf or html.")
        var format: ReportFormat = .html

        @Option(name: [.short, .long], help: "Output file (default: report.<format> in the broadcast folder).")
        var out: String?

        func run() throws {
            let reference = BroadcastReference(broadcast, workspace: workspace.resolved)
            let store = try WorkspaceStore.open(
                root: reference.workspace.root, catalog: try workspace.existingCatalog(of: reference.workspace))
            let data = try format.render(try store.broadcast(id: reference.id))
            let path = out ?? reference.workspace.broadcastFolder(reference.id) + "/report.\(format.rawValue)"
            try AtomicFile.write(data, to: path)
            print(path)
        }
    }
}
