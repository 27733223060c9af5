import ArgumentParser
import Catalog
import Checkpoints
import Dispatch
import Foundation
import Pipeline
import Report
import Server
import Synchronization

extension LiveInsight {
    /// `liveinsight serve <workspace>`: the dashboard over a workspace's broadcasts.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the dashboard (broadcast list, dashboards, transcripts, exports) over HTTP.")

        @Argument(help: "Workspace folder (holds catalog.sqlite and broadcasts/<id>/; listed from the catalog when it has one).")
        var workspace: String

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

        func run() throws {
            let catalogPath = Workspace(root: workspace).catalogPath
            let customers = FileManager.default.fileExists(atPath: catalogPath) ? CatalogCustomerSource(catalog: try Catalog(path: catalogPath), workspace: Workspace(root: workspace)) : nil
            let server = DashboardServer(store: try WorkspaceStore.open(root: workspace), customers: customers)
            let failure = Mutex<String?>(nil)
            let finished = DispatchSemaphore(value: 0)
            let (host, port) = (host, port)
            Task {
                do {
                    try await server.run(host: host, port: port) {
                        FileHandle.standardError.write(Data("LiveInsight dashboard: http://\(host):\($0)/\n".utf8))
                    }
                } catch { failure.withLock { $0 = "cannot serve on \(host):\(port): \(error)" } }
                finished.signal()
            }
            finished.wait()
            if let message = failure.withLock({ $0 }) { throw CLIError("serve: \(message)") }
        }
    }
}
