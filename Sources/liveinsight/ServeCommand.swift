import ArgumentParser
import Catalog
import Checkpoints
import Foundation
import Pipeline
import Report
import Server

extension LiveInsight {
    /// `liveinsight serve --workspace DIR`: the dashboard over a workspace's broadcasts.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the dashboard (broadcast list, dashboards, transcripts, exports) over HTTP.",
            discussion: """
                The workspace holds catalog.sqlite and broadcasts/<id>/; broadcasts are listed from the \
                catalog when it has one.
                """)

        @OptionGroup var workspace: WorkspaceOption

        @Argument(help: ArgumentHelp("Deprecated: the workspace folder; use --workspace.", visibility: .hidden))
        var folder: String?

        @Option(help: "Address to bind; loopback by default, so the dashboard is not exposed to the network.")
        var host = "127.0.0.1"

        @Option(help: "Port to listen on, 1–65535 (0 picks a free one).")
        var port = 8080

        /// Refuses a port outside 0…65535 before anything starts (the socket layer would silently wrap it).
        func validate() throws {
            guard (0...65535).contains(port) else {
                throw ValidationError("--port \(port) is not a port: give 1–65535, or 0 to pick a free one")
            }
        }

        func run() async throws {
            let workspace = try workspace.resolved(deprecatedArgument: folder, command: "serve")
            let customers = FileManager.default.fileExists(atPath: workspace.catalogPath)
                ? CatalogCustomerSource(catalog: try Catalog(path: workspace.catalogPath), workspace: workspace) : nil
            let server = DashboardServer(store: try WorkspaceStore.open(root: workspace.root), customers: customers)
            let (host, port) = (host, port)
            do {
                try await server.run(host: host, port: port) {
                    FileHandle.standardError.write(Data("LiveInsight dashboard: http://\(host):\($0)/\n".utf8))
                }
            } catch {
                throw CLIError("serve: cannot serve on \(host):\(port): \(error)")
            }
        }
    }
}
