import Accounts
import Alerts
import Board
import Catchphrases
import Report

/// Who may reach the dashboard without signing in.
public struct AccessPolicy: Sendable, Equatable {
    /// Visitors must sign in (accounts exist, or the server listens beyond loopback).
    public var requiresSignIn: Bool
    /// Visitors who have not signed in may read every page as viewers (`serve --public-read`).
    public var anonymousRead: Bool
    /// Session cookies carry `Secure` (`serve --secure-cookies`: the dashboard is reached over HTTPS through a
    /// TLS-terminating proxy; the server itself speaks plain HTTP).
    public var secureCookies: Bool

    /// A policy from its fields.
    public init(requiresSignIn: Bool, anonymousRead: Bool = false, secureCookies: Bool = false) {
        (self.requiresSignIn, self.anonymousRead, self.secureCookies) = (requiresSignIn, anonymousRead, secureCookies)
    }

    /// The policy for a server on `host`: sign-in is required when accounts exist or the address is not loopback;
    /// nil when the address is not loopback and there are no accounts (serving the network unguarded is refused).
    public static func forServing(
        host: String, hasAccounts: Bool, anonymousRead: Bool, secureCookies: Bool
    ) -> AccessPolicy? {
        let loopback = ["127.0.0.1", "::1", "localhost"].contains(host.lowercased())
        guard loopback || hasAccounts else { return nil }
        return AccessPolicy(
            requiresSignIn: hasAccounts || !loopback, anonymousRead: anonymousRead, secureCookies: secureCookies)
    }
}

/// What the team pages (sign-in, board, catchphrases, alerts, verdicts on mentions) work with.
public struct TeamServices: Sendable {
    /// The accounts.
    public var accounts: any AccountStore
    /// The Q&A board.
    public var board: any BoardStore
    /// Suggested and curated sales lines.
    public var catchphrases: any CatchphraseStore
    /// Review alerts.
    public var alerts: any AlertStore
    /// Who may do what without signing in.
    public var access: AccessPolicy
    /// Records analysts' verdicts on mentions (nil: the mention table has no verdict buttons).
    public var verdicts: (any MentionVerdictRecorder)?
    /// Live sessions: in memory by default; over the catalog, shared with every server over it.
    public let sessions: SessionStore
    /// Failed sign-in limits.
    public let limiter: SignInLimiter
    /// Checks passwords (its cost applies only to new hashes).
    public let hasher: PasswordHasher

    /// Team services over the given stores.
    public init(
        accounts: any AccountStore, board: any BoardStore, catchphrases: any CatchphraseStore, alerts: any AlertStore,
        access: AccessPolicy, verdicts: (any MentionVerdictRecorder)? = nil, sessions: SessionStore = SessionStore(),
        limiter: SignInLimiter = SignInLimiter(), hasher: PasswordHasher = PasswordHasher()
    ) {
        (self.accounts, self.board, self.catchphrases, self.alerts) = (accounts, board, catchphrases, alerts)
        self.verdicts = verdicts
        (self.access, self.sessions, self.limiter, self.hasher) = (access, sessions, limiter, hasher)
    }
}
