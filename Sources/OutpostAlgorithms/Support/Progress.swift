import Synchronization

/// Tells how far a long computation has got: `done` of `total` units (sources, for the
/// all-pairs measures). It is called from worker threads, about a hundred times a run at most
/// and once with `done == total`, so it must be thread-safe and quick; calls from two workers
/// may arrive out of order.
public typealias ProgressHandler = @Sendable (_ done: Int, _ total: Int) -> Void

/// Counts finished units across workers and calls the handler each time the count crosses
/// another hundredth of the total. One atomic increment per unit or batch of units (per source, not per edge).
final class ProgressCounter: Sendable {
    private let done = Atomic<Int>(0)
    private let total: Int
    private let step: Int
    private let handler: ProgressHandler

    /// Nil when there is no handler, so callers skip the counting entirely.
    static func make(total: Int, _ handler: ProgressHandler?) -> ProgressCounter? {
        handler.map { ProgressCounter(total: total, handler: $0) }
    }

    private init(total: Int, handler: @escaping ProgressHandler) {
        self.total = total
        self.step = max(1, total / 100)
        self.handler = handler
    }

    /// Counts `units` more done (one by default; a batch of sources at once).
    func advance(by units: Int = 1) {
        let now = done.add(units, ordering: .relaxed).newValue
        if now / step != (now - units) / step || now == total { handler(now, total) }
    }
}
