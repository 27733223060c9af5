import Foundation

/// Results that several threads produce out of order, taken one by one in the order of their indices.
/// `PosteriorsStream` runs the model on several utterances at once and hands them on in recording order.
final class OrderedResults<Result>: @unchecked Sendable {
    private let condition = NSCondition()
    private var results: [Int: Result] = [:]
    private var producersLeft: Int

    /// Results will come from `producers` threads, each of which calls `producerFinished` when it stops.
    init(producers: Int) {
        producersLeft = producers
    }

    /// Stores the result for `index`.
    func put(_ result: Result, at index: Int) {
        condition.lock()
        results[index] = result
        condition.broadcast()
        condition.unlock()
    }

    /// One producing thread will put no more results.
    func producerFinished() {
        condition.lock()
        producersLeft -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for the result for `index`; `nil` when every producer has finished without putting it.
    func take(_ index: Int) -> Result? {
        condition.lock()
        defer { condition.unlock() }
        while results[index] == nil && producersLeft > 0 { condition.wait() }
        return results.removeValue(forKey: index)
    }
}
