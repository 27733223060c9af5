import Hummingbird
import Report

/// The dashboard's request context: Hummingbird's basics, the client's address (for sign-in limits) and,
/// once the session middleware has run, who is asking.
public struct DashboardContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Who is asking; nil on a server without team features or before the session middleware.
    public var viewer: PageViewer?
    /// The visitor's session id (set by the session middleware).
    var sessionID: String?
    /// The peer's IP address ("unknown" when the transport has none, as in router tests). Behind a reverse proxy
    /// this is the proxy's address, so sign-in limits per client then apply to all clients together.
    let clientAddress: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }
}
