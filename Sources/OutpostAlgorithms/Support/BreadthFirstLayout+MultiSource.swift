/// A set of the sources of one multi-source search, one bit per source: bit i stands for the
/// batch's i-th source. The search is written once over this protocol; the word it runs with
/// is chosen where it is called.
protocol SourceSet: Equatable {
    /// How many sources a set can hold.
    static var capacity: Int { get }
    static var empty: Self { get }
    /// The batch's first `count` sources (0 ≤ `count` ≤ ``capacity``).
    static func first(_ count: Int) -> Self
    static func & (lhs: Self, rhs: Self) -> Self
    static func | (lhs: Self, rhs: Self) -> Self
    static prefix func ~ (set: Self) -> Self
    /// How many sources the set holds.
    var count: Int { get }
}

extension UInt64: SourceSet {
    static var capacity: Int { 64 }
    static var empty: UInt64 { 0 }
    @inline(__always)
    static func first(_ count: Int) -> UInt64 { count >= 64 ? ~0 : (1 << UInt64(count)) &- 1 }
    @inline(__always)
    var count: Int { nonzeroBitCount }
}

/// Per-worker scratch of ``BreadthFirstLayout/addHopSums(from:state:into:)``, indexed by new
/// number, allocated once per worker (see ``free()``) and left clean by every batch.
struct MultiSourceState<Sources: SourceSet>: @unchecked Sendable {
    /// The sources that have reached each node, and those whose search is at the node in the
    /// current layer; `next`: those arriving in the layer being built.
    let seen: RawBuffer<Sources>, visit: RawBuffer<Sources>, next: RawBuffer<Sources>
    /// The nodes with a nonempty `visit` (the frontier), the nodes found for the next layer,
    /// the nodes that some source of the batch has not reached yet (for bottom-up layers; a
    /// superset until filtered) and every node reached, to clear `seen` afterwards.
    let frontier: RawBuffer<Int32>, nextFrontier: RawBuffer<Int32>
    let unvisited: RawBuffer<Int32>, touched: RawBuffer<Int32>

    init(nodeCount n: Int) {
        seen = RawBuffer(n, .empty); visit = RawBuffer(n, .empty); next = RawBuffer(n, .empty)
        frontier = RawBuffer(n, 0); nextFrontier = RawBuffer(n, 0)
        unvisited = RawBuffer(n, 0); touched = RawBuffer(n, 0)
    }

    func free() {
        seen.free(); visit.free(); next.free()
        frontier.free(); nextFrontier.free(); unvisited.free(); touched.free()
    }
}

extension BreadthFirstLayout {
    /// The sources `0..<nodeCount` in batches for ``addHopSums(from:state:into:)``: runs of
    /// consecutive new numbers, at most `capacity` long, each inside one component. Sources
    /// numbered next to each other are close in the graph, so their searches meet the same
    /// nodes in the same layers and share the reads.
    func sourceBatches(capacity: Int) -> [Range<Int>] {
        var batches: [Range<Int>] = []
        for c in 0..<(componentStart.count - 1) {
            var start = componentStart[c]
            while start < componentStart[c + 1] {
                let end = min(start + capacity, componentStart[c + 1])
                batches.append(start..<end)
                start = end
            }
        }
        return batches
    }

    /// For every node w and every source s in `batch` with a path s → w (s = w included), adds
    /// 1 to `sums[3w]`, the hop distance d(s, w) to `sums[3w + 1]` and, for s ≠ w, 1/d(s, w)
    /// to `sums[3w + 2]`: one multi-source breadth-first search along out-edges (Then et al.,
    /// "The More the Merrier: Efficient Multi-Source Graph Traversal", VLDB 2014).
    ///
    /// Every node holds the set of the batch's sources that have reached it (`seen`) and of
    /// those whose search is at it in the current layer (`visit`), one bit per source, so one
    /// read of an edge serves every source whose frontier holds its tail. The new arrivals at
    /// a node in layer d are `next & ~seen`; their count, times d, is what the node's sums
    /// receive (the sums are per reached node, so one popcount per node and layer serves the
    /// whole batch).
    ///
    /// A layer is built top-down (each frontier node adds its `visit` to its out-neighbours)
    /// or bottom-up (each node that some source has not reached yet gathers the `visit` of its
    /// in-neighbours, and stops once every source has reached it) — direction-optimising as
    /// Beamer, Asanović and Patterson (2012), with one switch per layer for the whole batch:
    /// bottom-up once the frontier's out-slots outnumber the unfinished nodes' in-slots
    /// divided by ``bottomUpFactor``.
    ///
    /// `batch` must lie inside one component (see ``sourceBatches(capacity:)``) and hold at
    /// most `Sources.capacity` sources; `sums` has `3 · nodeCount` entries.
    ///
    /// - Complexity: per layer, the out-slots of the frontier (top-down) or at most the
    ///   in-slots of the unfinished nodes (bottom-up), each read costing one word operation
    ///   for the whole batch; O(*E*) per layer and O(*V*) memory per worker.
    func addHopSums<Sources: SourceSet>(from batch: Range<Int>, state: MultiSourceState<Sources>,
                                        into sums: RawBuffer<Double>) {
        let seen = state.seen, visit = state.visit, next = state.next
        var frontier = state.frontier, nextFrontier = state.nextFrontier
        let unvisited = state.unvisited, touched = state.touched
        let component = componentRange(of: batch.lowerBound)
        precondition(batch.count <= Sources.capacity && batch.upperBound <= component.upperBound,
                     "a batch is a run of at most \(Sources.capacity) sources inside one component")
        let all = Sources.first(batch.count)
        offsets.withRawBuffer { offsets in
        targets.withRawBuffer { targets in
        inOffsets.withRawBuffer { inOffsets in
        inSources.withRawBuffer { inSources in
            // In-slots of the nodes that some source has not reached yet: what a bottom-up
            // layer reads at most.
            var unfinishedSlots = inOffsets[component.upperBound] - inOffsets[component.lowerBound]
            var frontierSlots = 0
            var frontierCount = 0
            for (i, s) in batch.enumerated() {
                let own = Sources.first(i + 1) & ~Sources.first(i)
                seen[s] = own; visit[s] = own
                frontier[i] = Int32(s); touched[i] = Int32(s)
                sums[3 * s] += 1
                frontierSlots += offsets[s + 1] - offsets[s]
                if own == all { unfinishedSlots -= inOffsets[s + 1] - inOffsets[s] }
            }
            frontierCount = batch.count
            var touchedCount = batch.count
            var unvisitedCount = -1  // no list yet
            var depth = 0
            while frontierCount > 0 {
                depth += 1
                var nextCount = 0
                if frontierSlots * Self.bottomUpFactor > unfinishedSlots {
                    if unvisitedCount < 0 {
                        unvisitedCount = 0
                        for w in component where seen[w] != all {
                            unvisited[unvisitedCount] = Int32(w); unvisitedCount += 1
                        }
                    }
                    var kept = 0
                    for index in 0..<unvisitedCount {
                        let w = Int(unvisited[index])
                        let reached = seen[w]
                        guard reached != all else { continue }  // finished top-down meanwhile
                        var arriving = Sources.empty
                        var slot = inOffsets[w]
                        let end = inOffsets[w + 1]
                        while slot < end {
                            arriving = arriving | visit[Int(inSources[slot])]
                            slot += 1
                            if arriving | reached == all { break }
                        }
                        let new = arriving & ~reached
                        if new != .empty {
                            next[w] = new
                            nextFrontier[nextCount] = Int32(w); nextCount += 1
                        }
                        if reached | new != all { unvisited[kept] = Int32(w); kept += 1 }
                    }
                    unvisitedCount = kept
                } else {
                    for index in 0..<frontierCount {
                        let v = Int(frontier[index])
                        let arriving = visit[v]
                        var slot = offsets[v]
                        let end = offsets[v + 1]
                        while slot < end {
                            let w = Int(targets[slot]); slot += 1
                            let new = arriving & ~seen[w]
                            if new != .empty {
                                let pending = next[w]
                                if pending == .empty { nextFrontier[nextCount] = Int32(w); nextCount += 1 }
                                next[w] = pending | new
                            }
                        }
                    }
                }
                // The new layer replaces the frontier; its nodes' sums get their arrivals.
                for index in 0..<frontierCount { visit[Int(frontier[index])] = .empty }
                frontierSlots = 0
                let distance = Double(depth), reciprocal = 1 / Double(depth)
                for index in 0..<nextCount {
                    let w = Int(nextFrontier[index])
                    let new = next[w]
                    next[w] = .empty
                    visit[w] = new
                    let before = seen[w]
                    if before == .empty { touched[touchedCount] = Int32(w); touchedCount += 1 }
                    let after = before | new
                    seen[w] = after
                    if after == all { unfinishedSlots -= inOffsets[w + 1] - inOffsets[w] }
                    frontierSlots += offsets[w + 1] - offsets[w]
                    let arrivals = Double(new.count)
                    sums[3 * w] += arrivals
                    sums[3 * w + 1] += arrivals * distance
                    sums[3 * w + 2] += arrivals * reciprocal
                }
                swap(&frontier, &nextFrontier)
                frontierCount = nextCount
            }
            for index in 0..<touchedCount { seen[Int(touched[index])] = .empty }
        }
        }
        }
        }
    }

    /// Bottom-up once the frontier's out-slots times this outnumber the in-slots of the nodes
    /// not reached by every source yet.
    static var bottomUpFactor: Int { 4 }
}

extension UInt64 {
    /// The word of the batch's first `count` sources that holds sources `offset..<offset + 64`.
    @inline(__always)
    static func first(_ count: Int, from offset: Int) -> UInt64 { first(Swift.min(Swift.max(count - offset, 0), 64)) }
}

extension SIMD4: SourceSet where Scalar == UInt64 {
    static var capacity: Int { 256 }
    static var empty: Self { Self(0, 0, 0, 0) }
    @inline(__always)
    static func first(_ count: Int) -> Self {
        Self(UInt64.first(count, from: 0), UInt64.first(count, from: 64), UInt64.first(count, from: 128), UInt64.first(count, from: 192))
    }
    @inline(__always)
    var count: Int { self[0].nonzeroBitCount + self[1].nonzeroBitCount + self[2].nonzeroBitCount + self[3].nonzeroBitCount }
}
