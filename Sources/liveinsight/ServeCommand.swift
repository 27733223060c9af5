import Accounts
import ArgumentParser
import Catalog
import Checkpoints
import Foundation
import ModelLookup
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
        /// The model the workspace's broadcasts were transcribed with: verdicts on mentions rerun the mentions
        /// stage, which spells keywords in its units.
        @OptionGroup var model: ModelOptions

        @Argument(help: ArgumentHelp("Deprecated: the workspace folder; use --workspace.", visibility: .hidden))
        var folder: String?

        @Option(help: "Address to bind; loopback by default, so the dashboard is not exposed to the network.")
        var host = "127.0.0.1"

        @Option(help: "Port to listen on, 1–65535 (0 picks a free one).")
        var port = 8080

        @Flag(help: "Let visitors who have not signed in read every page (as viewers) when accounts exist.")
        var publicRead = false

        @Flag(
            help: """
                Mark the session cookie Secure: the dashboard is reached over HTTPS through a TLS-terminating proxy.
                """)
        var secureCookies = false

        /// Refuses a port outside 0…65535 before anything starts (the socket layer would silently wrap it).
        func validate() throws {
            guard (0...65535).contains(port) else {
                throw ValidationError("--port \(port) is not a port: give 1–65535, or 0 to pick a free one")
            }
        }

        func run() async throws {
            let workspace = try workspace.resolved(deprecatedArgument: folder, command: "serve")
            let catalog = try self.workspace.existingCatalog(of: workspace)
            let store = try WorkspaceStore.open(root: workspace.root, catalog: catalog)
            let customers = catalog.map { CatalogCustomerSource(catalog: $0, workspace: workspace) }
            let server = DashboardServer(
                store: store, customers: customers, team: try team(catalog, workspace: workspace))
            let (host, port) = (host, port)
            do {
                try await server.run(host: host, port: port) {
                    FileHandle.standardError.write(Data("LiveInsight dashboard: http://\(host):\($0)/\n".utf8))
                }
            } catch {
                throw CLIError("serve: cannot serve on \(host):\(port): \(error)")
            }
        }

        /// The team pages over the catalog; refuses to serve beyond loopback without accounts.
        private func team(_ catalog: Catalog?, workspace: Workspace) throws -> TeamServices? {
            let hasAccounts = try catalog.map { try !$0.accounts().isEmpty } ?? false
            guard
                let access = AccessPolicy.forServing(
                    host: host, hasAccounts: hasAccounts, anonymousRead: publicRead,
                    secureCookies: secureCookies)
            else {
                throw CLIError(
                    "serve: --host \(host) exposes the dashboard to the network, which needs accounts: "
                        + "add one with `liveinsight users add --workspace \(workspace.root) NAME --role admin`, "
                        + "or keep the default 127.0.0.1")
            }
            return try catalog.map {
                TeamServices(
                    accounts: $0, board: $0, catchphrases: $0, alerts: $0, access: access,
                    verdicts: try verdictRecorder(workspace), sessions: SessionStore(storage: $0))
            }
        }

        /// Records analysts' verdicts on mentions through a runner over the workspace; nil, and said so, when no
        /// model is found (the dashboard then has no verdict buttons).
        private func verdictRecorder(_ workspace: Workspace) throws -> PipelineVerdictRecorder? {
            do {
                let runner = try model.runner(
                    workspace: workspace, catalog: try self.workspace.catalogLocation(of: workspace),
                    settings: PipelineSettings(), progress: nil, log: nil)
                return PipelineVerdictRecorder(runner: runner)
            } catch let error as ModelNotFound {
                printToStandardError("serve: no verdicts on mentions (\(error))")
                return nil
            }
        }
    }
}
