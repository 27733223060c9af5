import JobQueue
import PostgresSupport
import Testing

/// Reading database addresses the way libpq writes them, and what opening one that answers nothing does.
struct PostgresAddressTests {
    /// A TCP address keeps host, port, user and database, and hides the password in messages.
    @Test func tcpAddress() throws {
        let address = try PostgresAddress(url: "postgresql://worker:s%40cret@db.example:6543/shows?sslmode=disable")
        #expect(address.clientConfiguration.host == "db.example" && address.clientConfiguration.port == 6543)
        #expect(address.clientConfiguration.username == "worker" && address.clientConfiguration.password == "s@cret")
        #expect(address.clientConfiguration.database == "shows")
        #expect(address.description == "postgresql://worker:***@db.example:6543/shows?sslmode=disable")
        #expect(address.connectionConfiguration.host == "db.example" && address.connectionConfiguration.port == 6543)
    }

    /// `?host=/folder` names a unix socket folder, as with libpq.
    @Test func unixSocketAddress() throws {
        let address = try PostgresAddress(url: "postgres://me@/queue?host=/tmp/pg")
        #expect(address.clientConfiguration.unixSocketPath == "/tmp/pg/.s.PGSQL.5432")
        #expect(address.connectionConfiguration.unixSocketPath == "/tmp/pg/.s.PGSQL.5432")
        #expect(address.clientConfiguration.database == "queue")
    }

    /// Addresses it cannot use are refused with the reason.
    @Test func refusals() {
        #expect(throws: PostgresAddressError(url: "mysql://a@b/c", reason: "not a postgresql:// URL")) {
            try PostgresAddress(url: "mysql://a@b/c")
        }
        #expect(throws: PostgresAddressError(url: "postgresql://db/x", reason: "no user name")) {
            try PostgresAddress(url: "postgresql://db/x")
        }
        #expect(
            throws: PostgresAddressError(
                url:
                    "postgresql://u@h/d?sslmode=maybe",
                reason: "sslmode 'maybe' is not disable, prefer or require")
        ) {
            try PostgresAddress(url: "postgresql://u@h/d?sslmode=maybe")
        }
    }

    /// Opening a queue where no server listens fails within the connect timeout, naming the address.
    @Test func anUnreachableQueueFailsWithinTheTimeout() async throws {
        var options = QueueOptions()
        options.connectSeconds = 1
        let address = try PostgresAddress(url: "postgresql://nobody@127.0.0.1:1/queue?sslmode=disable")
        await #expect(throws: JobQueueError.unreachable(address: address.description, seconds: 1)) {
            try await JobQueue.open(address, options: options) { _ in }
        }
    }
}
