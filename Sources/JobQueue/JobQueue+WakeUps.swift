import PostgresNIO

extension JobQueue {
    /// A stream that yields whenever there may be work: on every job queued anywhere (`LISTEN` on the queue's
    /// channel, re-established after the database comes back), and every `pollSeconds` besides, for leases
    /// that run out and notifications missed while disconnected. It yields once whenever the listener has
    /// (re)connected, and coalesces wake-ups nobody took yet into one.
    public func wakeUps() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let poll = Duration.seconds(options.pollSeconds)
        let listening = Task {
            await withDiscardingTaskGroup { group in
                group.addTask {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: poll)
                        continuation.yield()
                    }
                }
                group.addTask { await self.listen(continuation) }
            }
        }
        continuation.onTermination = { _ in listening.cancel() }
        return stream
    }

    /// Listens on the queue's channel until cancelled, reconnecting after a second when the connection drops.
    private func listen(_ continuation: AsyncStream<Void>.Continuation) async {
        while !Task.isCancelled {
            do {
                try await client.withConnection { connection in
                    try await connection.listen(on: QueueSchema.channel) { notifications in
                        continuation.yield()  // (re)connected: look once for what was queued meanwhile
                        for try await _ in notifications { continuation.yield() }
                    }
                }
            } catch {
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }
}
