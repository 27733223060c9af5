import Foundation

/// Hands items from a producing thread to consuming threads, holding at most `capacity` at a time.
/// `PosteriorsStream` uses it so that the front end (decode, pauses, log-mel) of the next utterances runs
/// while the acoustic model works on earlier ones, with memory still bounded by a few utterances.
final class FrontEndHandOff<Item>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Item] = []
    private var closed = false
    private var cancelled = false
    private let capacity: Int

    init(capacity: Int) {
        precondition(capacity > 0, "a hand-off holds at least one item")
        self.capacity = capacity
    }

    /// Waits while the hand-off is full. Returns `false` when the consumer has cancelled: stop producing.
    func put(_ item: Item) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// The producer has no more items.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits while the hand-off is empty and open; `nil` once it is closed and drained, or cancelled.
    func take() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !closed && !cancelled { condition.wait() }
        guard !items.isEmpty else { return nil }
        condition.broadcast()
        return items.removeFirst()
    }

    /// The consumer stops early: a producer waiting in `put` returns `false`.
    func cancel() {
        condition.lock()
        cancelled = true
        items.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
