import COutpostSupport
import OutpostGraph

/// The one place that reads and writes raw memory: a buffer of `count` elements for inner
/// loops, without reference counting or release-build bounds checks.
///
/// As swift-collections' `Heap+UnsafeHandle`: every index is `assert`ed, so debug builds
/// (and the tests) check each access and release builds pay nothing. A buffer either owns
/// memory it allocated (``init(_:_:)``; give it back with ``free()``) or views an array's
/// storage for the duration of a `with…` call (``RawAdjacency``, ``RawModularityGraph``).
/// Parallel workers may share one when each writes a disjoint part of it.
struct RawBuffer<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
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

    @inline(__always)
    subscript(_ i: Int) -> Element {
        get { assert(i >= 0 && i < count, "index \(i) out of 0..<\(count)"); return base[i] }
        nonmutating set { assert(i >= 0 && i < count, "index \(i) out of 0..<\(count)"); base[i] = newValue }
    }

    /// Asks the processor for the cache line of element `i` (a hint: never faults).
    @inline(__always)
    func prefetch(_ i: Int) { outpost_prefetch(base + i) }

    /// The elements, copied into an array.
    var array: [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Gives back memory allocated by ``init(_:_:)``.
    func free() { base.deallocate() }
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
    let weights: RawBuffer<Double>
    let inOffsets: RawBuffer<Int>
    let inSources: RawBuffer<Int32>
    let inWeights: RawBuffer<Double>

    init(nodeCount: Int, offsets: RawBuffer<Int>, targets: RawBuffer<Int32>, weights: RawBuffer<Double>,
         inOffsets: RawBuffer<Int>, inSources: RawBuffer<Int32>, inWeights: RawBuffer<Double>) {
        RawAdjacency.check(nodeCount, offsets, targets, weights)
        RawAdjacency.check(nodeCount, inOffsets, inSources, inWeights)
        self.nodeCount = nodeCount
        self.offsets = offsets; self.targets = targets; self.weights = weights
        self.inOffsets = inOffsets; self.inSources = inSources; self.inWeights = inWeights
    }

    /// Compressed sparse rows that every read inside them can trust.
    static func check(_ n: Int, _ offsets: RawBuffer<Int>, _ targets: RawBuffer<Int32>, _ weights: RawBuffer<Double>) {
        precondition(offsets.count == n + 1 && offsets[0] == 0 && offsets[n] == targets.count
                     && weights.count == targets.count, "malformed adjacency rows")
        assert((0..<n).allSatisfy { offsets[$0] <= offsets[$0 + 1] }, "adjacency rows go backwards")
        assert((0..<targets.count).allSatisfy { targets[$0] >= 0 && Int(targets[$0]) < n }, "adjacency target out of range")
    }
}

/// Views of one set of compressed sparse rows (row starts, targets, weights) for the
/// duration of `body`.
func withRawRows<R>(_ offsets: [Int], _ targets: [Int32], _ weights: [Double],
                    _ body: (RawBuffer<Int>, RawBuffer<Int32>, RawBuffer<Double>) throws -> R) rethrows -> R {
    try offsets.withUnsafeBufferPointer { o in
        try targets.withUnsafeBufferPointer { t in
            try weights.withUnsafeBufferPointer { w in
                try body(RawBuffer(viewing: o), RawBuffer(viewing: t), RawBuffer(viewing: w))
            }
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

extension UnsafeBufferPointer {
    /// The start of the buffer; for an empty buffer without storage, an aligned address that
    /// is never read.
    var base: UnsafePointer<Element> {
        baseAddress ?? UnsafePointer(bitPattern: MemoryLayout<Element>.alignment)!
    }
}
