import Dispatch

/// Leiden's fast local moving (Traag, Waltman & van Eck 2019, algorithm A.2): a queue of
/// nodes in seeded random order; each moves to the neighbouring (or an empty) community of
/// largest gain, and its neighbours outside that community rejoin the queue.
///
/// The result is defined by that sequential process, node by node. On large graphs it is
/// computed speculatively in parallel with the same result: the next *k* nodes of the queue
/// are evaluated at once by two workers against the state as it stands, then committed in
/// queue order. A node's evaluation read only its neighbours' communities and those
/// communities' totals (and its own); a commit that moves a node or changes a total marks the
/// communities involved, so a later node of the same chunk whose evaluation saw a marked
/// community (a neighbour that moved has left one it saw) is evaluated again, then and there.
/// Every committed decision is thus the one the sequential process makes at that point, on
/// any number of cores; `LocalMovingTests` checks it against the sequential path. The chunk
/// size halves while many evaluations have to be redone and doubles while few do; when even
/// the smallest chunk has most of its evaluations redone (as when communities merge fast),
/// the next ``LocalMoving/sequentialStretch`` nodes move one by one before chunks resume.
///
/// `communityArray` must be compact in `0..<count`. By default graphs below
/// ``LocalMoving/parallelThreshold`` nodes move sequentially and larger ones speculatively;
/// `mode` forces either (the tests compare them).
func leidenMoveNodes(_ graph: ModularityGraph, _ communityArray: inout [Int32], count: Int, resolution: Double,
                     random: inout SeededRandom, mode: LocalMoving.Mode = .automatic) {
    let n = graph.nodeCount
    guard n > 0 else { return }
    var queueArray = (0..<n).map(Int32.init)
    random.shuffle(&queueArray)
    let fixedChunk: Int?
    let speculative: Bool
    switch mode {
    case .automatic: speculative = n >= LocalMoving.parallelThreshold; fixedChunk = nil
    case .sequential: speculative = false; fixedChunk = nil
    case .speculative(let chunk): speculative = true; fixedChunk = chunk.map { max(1, $0) }
    }
    let workers = speculative ? 2 : 1
    let totals = RawBuffer(n, CommunityTotals()), sizes = RawBuffer(n, Int32(0))
    let inQueue = RawBuffer(n, true)
    let accumulators = (0..<workers).map { _ in RawBuffer(n, 0.0) }
    let ownTouched = RawBuffer(n, Int32(0))
    defer {
        totals.free(); sizes.free(); inQueue.free(); ownTouched.free()
        for accumulator in accumulators { accumulator.free() }
    }
    var empty = (count..<n).reversed().map(Int32.init)
    graph.withRaw { g in
    queueArray.withMutableRawBuffer { queueBuffer in
    communityArray.withMutableRawBuffer { communityBuffer in
        let mover = LocalMover(g: g, community: communityBuffer, totals: totals, sizes: sizes,
                               scale: resolution / graph.totalWeight, tolerance: 1e-12 * (1 + resolution))
        for u in 0..<n {
            let c = Int(mover.community[u])
            totals[c].outStrength += g.outStrength[u]; totals[c].inStrength += g.inStrength[u]; sizes[c] += 1
        }
        var queue = MoveQueue(base: queueBuffer, capacity: n, inQueue: inQueue)
        if speculative {
            moveSpeculatively(mover, &queue, &empty, accumulators: accumulators,
                              ownTouched: ownTouched, fixedChunk: fixedChunk)
        } else {
            while queue.count > 0 { mover.moveNext(&queue, &empty, accumulator: accumulators[0], touched: ownTouched) }
        }
    }}}
}

enum LocalMoving {
    enum Mode {
        /// Sequential below ``parallelThreshold`` nodes, speculative from there.
        case automatic
        case sequential
        /// Speculative with a fixed chunk of nodes, or the adaptive chunk for `nil`.
        case speculative(chunk: Int?)
    }

    /// Graphs with fewer nodes move sequentially: a chunk's hand-over costs more than it saves.
    static let parallelThreshold = 8192
    static let initialChunk = 256
    static let chunkRange = 32...4096
    /// Nodes moved one by one when even the smallest chunk had most of its evaluations redone.
    static let sequentialStretch = 4096
}

/// A community's total strengths during local moving (what every gain reads; the sizes,
/// which only the node's own community needs, are kept apart).
struct CommunityTotals {
    var outStrength = 0.0
    var inStrength = 0.0
}

/// Where a node goes: `best` is the neighbouring community (or its own) of largest gain;
/// `alone` says that an empty community beats it, if one is left.
struct MoveDecision {
    var best: Int32
    var alone: Bool
}

/// The circular queue of nodes to visit, with membership flags (a node is queued at most once).
struct MoveQueue {
    let base: RawBuffer<Int32>
    let capacity: Int
    let inQueue: RawBuffer<Bool>
    var head = 0
    var count: Int

    init(base: RawBuffer<Int32>, capacity: Int, inQueue: RawBuffer<Bool>) {
        self.base = base; self.capacity = capacity; self.inQueue = inQueue; count = capacity
    }

    /// The node `offset` places behind the head, without removing it.
    func peek(_ offset: Int) -> Int {
        var position = head + offset; if position >= capacity { position -= capacity }
        return Int(base[position])
    }

    mutating func pop() -> Int {
        let u = Int(base[head])
        head += 1; if head == capacity { head = 0 }
        count -= 1
        inQueue[u] = false
        return u
    }

    mutating func pushIfAbsent(_ v: Int) {
        guard !inQueue[v] else { return }
        inQueue[v] = true
        var tail = head + count; if tail >= capacity { tail -= capacity }
        base[tail] = Int32(v)
        count += 1
    }
}

/// The shared state of local moving as raw buffers: workers read it while evaluating;
/// only commits, one at a time, write it.
struct LocalMover: Sendable {
    let g: RawModularityGraph
    let community: RawBuffer<Int32>
    let totals: RawBuffer<CommunityTotals>
    let sizes: RawBuffer<Int32>
    /// γ / m: gains are in units of edge weight, ΔH = w(v, C) − γ (k⁺_v K⁻_C + k⁻_v K⁺_C) / m.
    let scale: Double
    let tolerance: Double

    /// First stage of prefetching for `u`: where its row starts, and its community.
    @inline(__always)
    func prefetchNode(_ u: Int) {
        g.prefetchRowStart(u); community.prefetch(u)
    }

    /// Both stages for the evaluation of `nodes[i]` in `nodes[..<end]`.
    @inline(__always)
    func prefetch(ahead nodes: RawBuffer<Int32>, of i: Int, end: Int) {
        g.prefetch(ahead: nodes, of: i, end: end, label: community)
    }

    /// The move the sequential process would make for `u` now. Writes the neighbouring
    /// communities it looked at to `touched` (at most the degree of `u`) and leaves
    /// `accumulator` zeroed.
    @inline(__always)
    func evaluate(_ u: Int, accumulator: RawBuffer<Double>,
                  touched: RawBuffer<Int32>) -> (decision: MoveDecision, touchedCount: Int) {
        let old = Int(community[u])
        var touchedCount = 0
        for slot in g.offsets[u]..<g.offsets[u + 1] {
            let c = Int(community[Int(g.targets[slot])])
            // A community is listed when first reached (again after zero-weight edges only: a
            // repeat changes no choice, since its first listing already holds the full weight).
            if accumulator[c] == 0 { touched[touchedCount] = Int32(c); touchedCount += 1 }
            accumulator[c] += g.weights[slot]
        }
        let ko = g.outStrength[u], ki = g.inStrength[u]
        // The own community's totals without u, as the commit will leave them.
        let oldOut = totals[old].outStrength - ko, oldIn = totals[old].inStrength - ki
        // Moving must beat staying by more than rounding noise, or two equivalent
        // communities could trade a node forever.
        let noise = tolerance * (ko + ki)
        var best = old
        var bestGain = accumulator[old] - scale * (ko * oldIn + ki * oldOut)
        var bar = bestGain + noise
        for t in 0..<touchedCount {
            let c = Int(touched[t])
            if c != old {
                let gain = accumulator[c] - scale * (ko * totals[c].inStrength + ki * totals[c].outStrength)
                if gain > bar { bestGain = gain; bar = gain; best = c }
            }
            accumulator[c] = 0
        }
        let alone = sizes[old] > 1 && bestGain < -noise
        return (MoveDecision(best: Int32(best), alone: alone), touchedCount)
    }

    /// Applies `decision` for `u` (just popped from the queue): updates the totals, moves `u`
    /// and queues its neighbours outside its new community. Returns the communities whose
    /// state changed (none when `u` stays and its community's totals keep their bits).
    @inline(__always)
    func commit(_ u: Int, _ decision: MoveDecision, _ queue: inout MoveQueue, _ empty: inout [Int32]) -> (Int, Int)? {
        let old = Int(community[u])
        let ko = g.outStrength[u], ki = g.inStrength[u]
        let before = totals[old]
        totals[old].outStrength -= ko; totals[old].inStrength -= ki; sizes[old] -= 1
        var best = Int(decision.best)
        if decision.alone, let fresh = empty.last { best = Int(fresh) }  // alone is better than anywhere
        totals[best].outStrength += ko; totals[best].inStrength += ki
        if best == old {
            sizes[best] += 1
            let after = totals[old]
            return after.outStrength == before.outStrength && after.inStrength == before.inStrength ? nil : (old, old)
        }
        if sizes[best] == 0 { empty.removeLast() }
        if sizes[old] == 0 { empty.append(Int32(old)) }
        sizes[best] += 1
        community[u] = Int32(best)
        for slot in g.offsets[u]..<g.offsets[u + 1] {
            let v = Int(g.targets[slot])
            if Int(community[v]) != best { queue.pushIfAbsent(v) }
        }
        return (old, best)
    }

    /// One step of the sequential process: the next node of the queue, evaluated and committed.
    @inline(__always)
    func moveNext(_ queue: inout MoveQueue, _ empty: inout [Int32], accumulator: RawBuffer<Double>,
                  touched: RawBuffer<Int32>) {
        // The queue is circular, so the general helper does not apply; the same two stages.
        let d = RawModularityGraph.prefetchDistance
        if queue.count > d { prefetchNode(queue.peek(d)) }
        if queue.count > d / 2 { g.prefetchRow(queue.peek(d / 2)) }
        let u = queue.pop()
        _ = commit(u, evaluate(u, accumulator: accumulator, touched: touched).decision, &queue, &empty)
    }
}

/// Raw per-chunk buffers handed to the two evaluating workers; each writes only its half.
private struct ChunkBuffers: Sendable {
    let nodes: RawBuffer<Int32>
    let decisions: RawBuffer<MoveDecision>
    let touchedStart: RawBuffer<Int>
    let touchedCount: RawBuffer<Int32>
    let touched: RawBuffer<Int32>
    let accumulators: [RawBuffer<Double>]
}

private func moveSpeculatively(_ mover: LocalMover, _ queue: inout MoveQueue, _ empty: inout [Int32],
                               accumulators: [RawBuffer<Double>],
                               ownTouched: RawBuffer<Int32>, fixedChunk: Int?) {
    let n = queue.capacity
    let maximumChunk = fixedChunk ?? LocalMoving.chunkRange.upperBound
    let nodes = RawBuffer(maximumChunk, Int32(0))
    let decisions = RawBuffer(maximumChunk, MoveDecision(best: 0, alone: false))
    let touchedStart = RawBuffer(maximumChunk, 0), touchedCount = RawBuffer(maximumChunk, Int32(0))
    // A chunk's touched lists take at most the sum of its nodes' degrees: at most all slots.
    let touched = RawBuffer(max(1, mover.g.offsets[n]), Int32(0))
    // dirty[c] == stamp: community c changed during the current chunk's commits.
    let dirty = RawBuffer(n, UInt32.max)
    defer { nodes.free(); decisions.free(); touchedStart.free(); touchedCount.free(); touched.free(); dirty.free() }
    let buffers = ChunkBuffers(nodes: nodes, decisions: decisions, touchedStart: touchedStart,
                               touchedCount: touchedCount, touched: touched, accumulators: accumulators)
    // Evaluates chunk positions lo..<hi with worker `worker`'s accumulator.
    let evaluate: @Sendable (Int, Int, Int) -> Void = { worker, lo, hi in
        for i in lo..<hi {
            mover.prefetch(ahead: buffers.nodes, of: i, end: hi)
            let result = mover.evaluate(Int(buffers.nodes[i]), accumulator: buffers.accumulators[worker],
                                        touched: buffers.touched.view(from: buffers.touchedStart[i]))
            buffers.decisions[i] = result.decision
            buffers.touchedCount[i] = Int32(result.touchedCount)
        }
    }
    // The helper takes the second half of each chunk; the caller evaluates the first.
    let helper = HelperThread { k in evaluate(1, k / 2, k) }
    defer { helper.stop() }
    var chunk = fixedChunk ?? LocalMoving.initialChunk
    var stamp: UInt32 = 0
    while queue.count > 0 {
        let k = min(chunk, queue.count)
        var slots = 0
        for i in 0..<k {
            let u = queue.peek(i)
            nodes[i] = Int32(u); touchedStart[i] = slots
            slots += mover.g.offsets[u + 1] - mover.g.offsets[u]
        }
        helper.post(k)
        evaluate(0, 0, k / 2)
        helper.wait()
        var changed = false, redone = 0
        for i in 0..<k {
            let u = queue.pop()
            var decision = decisions[i]
            if changed && sawChange(of: u, i, mover, buffers, dirty, stamp) {
                decision = mover.evaluate(u, accumulator: accumulators[0], touched: ownTouched).decision
                redone += 1
            }
            if let (a, b) = mover.commit(u, decision, &queue, &empty) {
                dirty[a] = stamp; dirty[b] = stamp
                changed = true
            }
        }
        stamp &+= 1
        if stamp == UInt32.max {  // never in practice: restart the stamps
            for c in 0..<n { dirty[c] = UInt32.max }
            stamp = 0
        }
        guard fixedChunk == nil else { continue }
        if redone * 4 > k {
            if chunk > LocalMoving.chunkRange.lowerBound {
                chunk /= 2
            } else {
                // Most of the chunk is redone anyway: move the next nodes one by one.
                for _ in 0..<min(queue.count, LocalMoving.sequentialStretch) {
                    mover.moveNext(&queue, &empty, accumulator: accumulators[0], touched: ownTouched)
                }
                chunk = LocalMoving.initialChunk
            }
        } else if redone * 16 < k {
            chunk = min(maximumChunk, chunk * 2)
        }
    }
}

/// Whether a community that node `u` (chunk position `i`) saw when evaluated has changed since.
@inline(__always)
private func sawChange(of u: Int, _ i: Int, _ mover: LocalMover, _ buffers: ChunkBuffers,
                       _ dirty: RawBuffer<UInt32>, _ stamp: UInt32) -> Bool {
    if dirty[Int(mover.community[u])] == stamp { return true }
    let list = buffers.touched.view(from: buffers.touchedStart[i], count: Int(buffers.touchedCount[i]))
    for t in 0..<Int(buffers.touchedCount[i]) where dirty[Int(list[t])] == stamp { return true }
    return false
}
