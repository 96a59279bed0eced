import Dispatch
import Foundation
import COutpostSupport
import Synchronization

enum Parallel {
    /// Fixed number of blocks the sources are split into. It does not depend on the number of
    /// cores, so that the summation order, and with it every floating-point result, is the same
    /// on every machine.
    static let blockCount = 8
}

/// A binary min-heap of (distance, insertion order, node), ordered as NetworkX's heapq of
/// `(distance, counter, …)` tuples: ties broken by insertion order.
struct DistanceHeap {
    private var keys: [Double] = []
    private var orders: [Int] = []
    private var nodes: [Int32] = []
    private var counter = 0

    var isEmpty: Bool { keys.isEmpty }

    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        orders.removeAll(keepingCapacity: true)
        nodes.removeAll(keepingCapacity: true)
        counter = 0
    }

    private func less(_ i: Int, _ j: Int) -> Bool {
        keys[i] != keys[j] ? keys[i] < keys[j] : orders[i] < orders[j]
    }

    private mutating func swapAt(_ i: Int, _ j: Int) {
        keys.swapAt(i, j); orders.swapAt(i, j); nodes.swapAt(i, j)
    }

    mutating func push(_ key: Double, _ node: Int32) {
        keys.append(key); orders.append(counter); nodes.append(node)
        counter += 1
        var i = keys.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            if less(i, parent) { swapAt(i, parent); i = parent } else { break }
        }
    }

    mutating func pop() -> (Double, Int32) {
        let top = (keys[0], nodes[0])
        let last = keys.count - 1
        swapAt(0, last)
        keys.removeLast(); orders.removeLast(); nodes.removeLast()
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var smallest = i
            if l < keys.count && less(l, smallest) { smallest = l }
            if r < keys.count && less(r, smallest) { smallest = r }
            if smallest == i { break }
            swapAt(i, smallest)
            i = smallest
        }
        return top
    }
}

extension Parallel {
    /// Runs `body(source, accumulator, state)` for every source in `0..<sourceCount`, splitting
    /// the sources into ``blockCount`` contiguous blocks that run in parallel, each with its own
    /// accumulator of `width` doubles and its own scratch state made by `makeState` (no locks or
    /// atomics in the inner loop). Returns the sum of the block accumulators, added in block order.
    /// `progress` advances once per source. With `serial`, the blocks run one after another on
    /// the calling thread, for tests that check the result does not depend on the threads.
    static func accumulateWithState<State>(sourceCount: Int, width: Int, makeState: @Sendable @escaping () -> State,
                                           release: @Sendable @escaping (State) -> Void = { _ in },
                                           progress: ProgressCounter? = nil, serial: Bool = false,
                                           _ body: @Sendable @escaping (_ source: Int, _ accumulator: RawBuffer<Double>, _ state: inout State) -> Void) -> [Double] {
        let blocks = max(1, min(blockCount, sourceCount))
        let buffer = RawBuffer<Double>(repeating: 0, count: blocks * width)
        defer { buffer.free() }
        let runBlock: @Sendable (Int) -> Void = { block in
            let lo = sourceCount * block / blocks, hi = sourceCount * (block + 1) / blocks
            let accumulator = buffer.view(from: block * width, count: width)
            var state = makeState()
            for source in lo..<hi {
                body(source, accumulator, &state)
                progress?.advance()
            }
            release(state)
        }
        if serial {
            for block in 0..<blocks { runBlock(block) }
        } else {
            DispatchQueue.concurrentPerform(iterations: blocks, execute: runBlock)
        }
        var total = [Double](repeating: 0, count: width)
        for block in 0..<blocks {
            let accumulator = buffer.view(from: block * width, count: width)
            for i in 0..<width { total[i] += accumulator[i] }
        }
        return total
    }
}

/// A second thread that runs one job at a time for its owner. A chunk of work of a few
/// microseconds costs no dispatch this way: the owner posts a job and later waits for it.
/// Each side first polls an atomic counter with a spin-wait hint between polls for up to
/// about 100 µs, which covers most commit phases, then sleeps on a semaphore, so that nobody
/// spins for long when the machine is busy with other work. (sched_yield between polls was
/// tried: under load it hands the processor to other programs for a whole time slice, and
/// the tests then took 25 times as long.) Every post signals one semaphore and every job's
/// end the other, exactly once, so a side that saw the counter move while polling still
/// takes its signal and the counts stay balanced.
///
/// The job's input is one integer; the job reads the rest from memory the owner wrote before
/// posting (the post releases, the helper's read acquires, and the same on the way back).
final class HelperThread: @unchecked Sendable {
    private let posted = Atomic<Int>(0)
    private let finished = Atomic<Int>(0)
    private let argument = Atomic<Int>(0)
    private let jobReady = DispatchSemaphore(value: 0)
    private let jobDone = DispatchSemaphore(value: 0)
    private var epoch = 0
    private static let stopped = -1

    /// Polls `done` until it holds or about 100 µs have passed.
    private static func poll(until done: () -> Bool) {
        var spins = 0
        var deadline: ContinuousClock.Instant?
        while !done() {
            spins += 1
            if spins % 256 == 0 {
                let now = ContinuousClock.now
                if let deadline { if now >= deadline { return } } else { deadline = now + .microseconds(100) }
            }
            outpost_spin_pause()
        }
    }

    init(_ job: @escaping @Sendable (Int) -> Void) {
        let thread = Thread { [self] in
            var seen = 0
            while true {
                HelperThread.poll { posted.load(ordering: .relaxed) != seen }
                jobReady.wait()
                let value = posted.load(ordering: .acquiring)
                if value == HelperThread.stopped { return }
                seen = value
                job(argument.load(ordering: .relaxed))
                finished.store(value, ordering: .releasing)
                jobDone.signal()
            }
        }
        thread.start()
    }

    /// Starts the job with `value`; every post must be followed by ``wait()``.
    func post(_ value: Int) {
        epoch += 1
        argument.store(value, ordering: .relaxed)
        posted.store(epoch, ordering: .releasing)
        jobReady.signal()
    }

    /// Returns once the posted job has finished.
    func wait() {
        let epoch = self.epoch
        HelperThread.poll { finished.load(ordering: .relaxed) == epoch }
        jobDone.wait()
        _ = finished.load(ordering: .acquiring)
    }

    /// Ends the thread (after the last ``wait()``).
    func stop() {
        posted.store(HelperThread.stopped, ordering: .releasing)
        jobReady.signal()
    }
}
