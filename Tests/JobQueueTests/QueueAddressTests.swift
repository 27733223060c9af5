import JobQueue
import Testing

/// Reading queue addresses the way libpq writes them, and what opening one that answers nothing does.
struct QueueAddressTests {
    /// A TCP address keeps host, port, user and database, and hides the password in messages.
    @Test func tcpAddress() throws {
        let address = try QueueAddress(url: "postgresql://worker:s%40cret@db.example:6543/shows?sslmode=disable")
        #expect(address.configuration.host == "db.example" && address.configuration.port == 6543)
        #expect(address.configuration.username == "worker" && address.configuration.password == "s@cret")
        #expect(address.configuration.database == "shows")
        #expect(address.description == "postgresql://worker:***@db.example:6543/shows?sslmode=disable")
    }

    /// `?host=/folder` names a unix socket folder, as with libpq.
    @Test func unixSocketAddress() throws {
        let address = try QueueAddress(url: "postgres://me@/queue?host=/tmp/pg")
        #expect(address.configuration.unixSocketPath == "/tmp/pg/.s.PGSQL.5432")
        #expect(address.configuration.database == "queue")
    }

    /// Addresses it cannot use are refused with the reason.
    @Test func refusals() {
        #expect(throws: JobQueueError.invalidAddress("mysql://a@b/c", reason: "not a postgresql:// URL")) {
            try QueueAddress(url: "mysql://a@b/c")
        }
        #expect(throws: JobQueueError.invalidAddress("postgresql://db/x", reason: "no user name")) {
            try QueueAddress(url: "postgresql://db/x")
        }
        #expect(
            throws: JobQueueError.invalidAddress(
                "postgresql://u@h/d?sslmode=maybe",
                reason: "sslmode 'maybe' is not disable, prefer or require")
        ) {
            try QueueAddress(url: "postgresql://u@h/d?sslmode=maybe")
        }
    }

    /// Opening a queue where no server listens fails within the connect timeout, naming the address.
    @Test func anUnreachableQueueFailsWithinTheTimeout() async throws {
        var options = QueueOptions()
        options.connectSeconds = 1
        let address = try QueueAddress(url: "postgresql://nobody@127.0.0.1:1/queue?sslmode=disable")
        await #expect(throws: JobQueueError.unreachable(address: address.description, seconds: 1)) {
            try await JobQueue.open(address, options: options) { _ in }
        }
    }
}
