import ArgumentParser
import Dispatch
import Foundation
import Pipeline
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

        @Flag(help: "Let visitors who have not signed in read every page (as viewers) when accounts exist.")
        var publicRead = false

        @Flag(help: """
            Mark the session cookie Secure: the dashboard is reached over HTTPS through a TLS-terminating proxy.
            """)
        var secureCookies = false

        /// Refuses a port outside 0…65535 before anything starts (the socket layer would silently wrap it).
        func validate() throws {
            guard (0...65535).contains(port) else {
                throw ValidationError("--port \(port) is not a port: give 1–65535, or 0 to pick a free one")
            }
        }

        func run() throws {
            let catalogPath = Workspace(root: workspace).catalogPath
            let store = try CatalogBroadcastStore.open(root: workspace)
            let catalog = FileManager.default.fileExists(atPath: catalogPath) ? try Catalog(path: catalogPath) : nil
            let customers = catalog.map { CatalogCustomerSource(catalog: $0, workspace: Workspace(root: workspace)) }
            let server = DashboardServer(store: store, customers: customers, team: try team(catalog))
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

        /// The team pages over the catalog; refuses to serve beyond loopback without accounts.
        private func team(_ catalog: Catalog?) throws -> TeamServices? {
            let hasAccounts = try catalog.map { try !$0.accounts().isEmpty } ?? false
            guard let access = AccessPolicy.forServing(host: host, hasAccounts: hasAccounts, anonymousRead: publicRead,
                                                       secureCookies: secureCookies) else {
                throw CLIError("serve: --host \(host) exposes the dashboard to the network, which needs accounts: "
                    + "add one with `liveinsight users add --workspace \(workspace) NAME --role admin`, "
                    + "or keep the default 127.0.0.1")
            }
            return catalog.map { TeamServices(accounts: $0, board: $0, catchphrases: $0, alerts: $0, access: access) }
        }
    }
}
