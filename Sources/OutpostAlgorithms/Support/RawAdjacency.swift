import COutpostSupport
import OutpostGraph

/// The one place that reads and writes raw memory: a buffer of `count` elements for inner
/// loops, without reference counting or release-build bounds checks.
///
/// As swift-collections' `Heap+UnsafeHandle`: every index is `assert`ed, so debug builds
/// (and the tests) check each access and release builds pay nothing. A buffer either owns
/// memory it allocated (``init(_:_:)``; give it back with ``free()``), views an array's
/// storage for the duration of a `with…` call (``Swift/Array/withRawBuffer(_:)``,
/// ``RawAdjacency``, ``RawModularityGraph``), or views part of another buffer
/// (``view(from:count:)``). Parallel workers may share one when each writes a disjoint part
/// of it.
struct RawBuffer<Element>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<Element>
    let count: Int

    /// `count` elements set to `value`, owned: ``free()`` them.
    init(_ count: Int, _ value: Element) {
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: value, count: max(count, 1))
        self.count = count
    }

    /// As ``init(_:_:)``.
    init(repeating value: Element, count: Int) { self.init(count, value) }

    /// A view of `buffer`'s elements (never written through, never freed).
    init(viewing buffer: UnsafeBufferPointer<Element>) {
        base = UnsafeMutablePointer(mutating: buffer.baseAddress
            ?? UnsafePointer(bitPattern: MemoryLayout<Element>.alignment)!)  // empty: an aligned address never read
        count = buffer.count
    }

    /// A writable view of `buffer`'s elements (never freed).
    init(viewing buffer: UnsafeMutableBufferPointer<Element>) {
        self.init(viewing: UnsafeBufferPointer(buffer))
    }

    private init(base: UnsafeMutablePointer<Element>, count: Int) {
        self.base = base; self.count = count
    }

    @inline(__always)
    subscript(_ i: Int) -> Element {
        get { assert(i >= 0 && i < count, "index \(i) out of 0..<\(count)"); return base[i] }
        nonmutating set { assert(i >= 0 && i < count, "index \(i) out of 0..<\(count)"); base[i] = newValue }
    }

    /// Elements `start..<start + count` as a buffer of their own (the same memory: never
    /// free it). Its indices start at 0 and are checked against its own `count`.
    @inline(__always)
    func view(from start: Int, count: Int) -> RawBuffer {
        assert(start >= 0 && count >= 0 && start + count <= self.count,
               "view \(start)..<\(start + count) out of 0..<\(self.count)")
        return RawBuffer(base: base + start, count: count)
    }

    /// Elements from `start` to the end, as ``view(from:count:)``.
    @inline(__always)
    func view(from start: Int) -> RawBuffer { view(from: start, count: count - start) }

    /// Asks the processor for the cache line of element `i` (a hint: never faults).
    @inline(__always)
    func prefetch(_ i: Int) { outpost_prefetch(base + i) }

    /// The elements, copied into an array.
    var array: [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Gives back memory allocated by ``init(_:_:)``, ending its elements' lifetimes.
    func free() {
        base.deinitialize(count: max(count, 1))
        base.deallocate()
    }
}

extension RawBuffer where Element: Comparable {
    /// The largest element, or `nil` for an empty buffer.
    var maximum: Element? {
        UnsafeBufferPointer(start: base, count: count).max()
    }
}

extension Array {
    /// A read-only ``RawBuffer`` view of the elements for the duration of `body`.
    @inline(__always)
    func withRawBuffer<R>(_ body: (RawBuffer<Element>) throws -> R) rethrows -> R {
        try withUnsafeBufferPointer { try body(RawBuffer(viewing: $0)) }
    }

    /// A writable ``RawBuffer`` view of the elements for the duration of `body`.
    @inline(__always)
    mutating func withMutableRawBuffer<R>(_ body: (RawBuffer<Element>) throws -> R) rethrows -> R {
        try withUnsafeMutableBufferPointer { try body(RawBuffer(viewing: $0)) }
    }
}

/// One slot per parallel block for results that are not plain numbers; block b writes only
/// slot b, and every slot is written before it is read.
final class BlockResults<Result>: @unchecked Sendable {
    private let slots: RawBuffer<Result?>

    init(count: Int) { slots = RawBuffer(count, nil) }
    deinit { slots.free() }

    /// Writes slot `block` (once, from block `block` only).
    func set(_ block: Int, _ value: Result) { slots[block] = value }

    subscript(_ block: Int) -> Result {
        guard let result = slots[block] else { preconditionFailure("block \(block) left no result") }
        return result
    }
}

/// Edge weights for inner loops: slot `i` weighs `values[i & mask]`, where `values` holds
/// every weight (mask all ones) or, for weights that are all 1, a single 1 (mask 0), as
/// ``EdgeWeights`` stores them. The same read either way, with no branch.
struct RawWeights {
    let values: RawBuffer<Double>
    let mask: Int
    let count: Int

    /// Every weight stored in `values`.
    init(_ values: RawBuffer<Double>) { self.values = values; mask = -1; count = values.count }

    init(values: RawBuffer<Double>, mask: Int, count: Int) {
        precondition(mask == -1 ? values.count == count : mask == 0 && values.count == 1, "malformed edge weights")
        self.values = values; self.mask = mask; self.count = count
    }

    @inline(__always)
    subscript(_ i: Int) -> Double {
        assert(i >= 0 && i < count, "weight \(i) out of 0..<\(count)")
        return values[i & mask]
    }

    @inline(__always)
    func prefetch(_ i: Int) { values.prefetch(i & mask) }
}

extension EdgeWeights {
    /// A ``RawWeights`` view of the weights for the duration of `body`.
    @inline(__always)
    func withRawWeights<R>(_ body: (RawWeights) throws -> R) rethrows -> R {
        try withStorage { storage, mask in try body(RawWeights(values: RawBuffer(viewing: storage), mask: mask, count: count)) }
    }
}

/// Raw views of a ``GraphIndex``'s arrays for inner loops, valid only inside
/// ``GraphIndex/withAdjacency(_:)``.
///
/// Checked at construction: `nodeCount + 1` row starts, the last equal to the number of
/// slots, targets and weights side by side (and, in debug builds, rows that do not go
/// backwards and targets in `0..<nodeCount`). After that, a read `targets[slot]` for a
/// slot in `offsets[v]..<offsets[v + 1]` with `v < nodeCount` is in bounds, so the reads
/// need no checks of their own.
struct RawAdjacency {
    let nodeCount: Int
    let offsets: RawBuffer<Int>
    let targets: RawBuffer<Int32>
    let weights: RawWeights
    let inOffsets: RawBuffer<Int>
    let inSources: RawBuffer<Int32>
    let inWeights: RawWeights

    init(nodeCount: Int, offsets: RawBuffer<Int>, targets: RawBuffer<Int32>, weights: RawWeights,
         inOffsets: RawBuffer<Int>, inSources: RawBuffer<Int32>, inWeights: RawWeights) {
        RawAdjacency.check(nodeCount, offsets, targets, weights)
        RawAdjacency.check(nodeCount, inOffsets, inSources, inWeights)
        self.nodeCount = nodeCount
        self.offsets = offsets; self.targets = targets; self.weights = weights
        self.inOffsets = inOffsets; self.inSources = inSources; self.inWeights = inWeights
    }

    /// Rows that are their own reverse (a symmetric adjacency): the in-rows are the out-rows.
    init(symmetric nodeCount: Int, offsets: RawBuffer<Int>, targets: RawBuffer<Int32>, weights: RawWeights) {
        RawAdjacency.check(nodeCount, offsets, targets, weights)
        self.nodeCount = nodeCount
        self.offsets = offsets; self.targets = targets; self.weights = weights
        inOffsets = offsets; inSources = targets; inWeights = weights
    }

    /// Compressed sparse rows that every read inside them can trust.
    static func check(_ n: Int, _ offsets: RawBuffer<Int>, _ targets: RawBuffer<Int32>, _ weights: RawWeights) {
        precondition(offsets.count == n + 1 && offsets[0] == 0 && offsets[n] == targets.count
                     && weights.count == targets.count, "malformed adjacency rows")
        assert((0..<n).allSatisfy { offsets[$0] <= offsets[$0 + 1] }, "adjacency rows go backwards")
        assert((0..<targets.count).allSatisfy { targets[$0] >= 0 && Int(targets[$0]) < n }, "adjacency target out of range")
    }
}

/// Views of one set of compressed sparse rows (row starts, targets, weights) for the
/// duration of `body`.
func withRawRows<R>(_ offsets: [Int], _ targets: [Int32], _ weights: [Double],
                    _ body: (RawBuffer<Int>, RawBuffer<Int32>, RawWeights) throws -> R) rethrows -> R {
    try offsets.withRawBuffer { o in
        try targets.withRawBuffer { t in
            try weights.withRawBuffer { w in try body(o, t, RawWeights(w)) }
        }
    }
}

/// As ``withRawRows(_:_:_:_:)``, for weights that may be unit weights.
func withRawRows<R>(_ offsets: [Int], _ targets: [Int32], _ weights: EdgeWeights,
                    _ body: (RawBuffer<Int>, RawBuffer<Int32>, RawWeights) throws -> R) rethrows -> R {
    try offsets.withRawBuffer { o in
        try targets.withRawBuffer { t in
            try weights.withRawWeights { w in try body(o, t, w) }
        }
    }
}

extension GraphIndex {
    func withAdjacency<R>(_ body: (RawAdjacency) throws -> R) rethrows -> R {
        try withRawRows(offsets, targets, weights) { o, t, w in
            try withRawRows(inOffsets, inSources, inWeights) { io, isrc, iw in
                try body(RawAdjacency(nodeCount: nodeCount, offsets: o, targets: t, weights: w,
                                      inOffsets: io, inSources: isrc, inWeights: iw))
            }
        }
    }
}
