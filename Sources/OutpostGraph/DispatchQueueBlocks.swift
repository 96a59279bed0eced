import Dispatch

/// The package's one parallel loop over blocks of work, for the algorithms and the readers.
package enum DispatchQueueBlocks {
    /// Runs `body(block)` for blocks `0..<count` in parallel.
    package static func run(_ count: Int, _ body: @Sendable @escaping (Int) -> Void) {
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }
}
