import Foundation
import OutpostGraph

/// Betweenness scores estimated from sampled shortest paths, with how they were sampled.
public struct ApproximateBetweenness: Sendable, Codable, Equatable {
    /// The estimates, on NetworkX's normalized scale (``GraphIndex/betweennessCentrality(normalized:weighted:progress:)``).
    public var scores: CentralityScores
    /// The guarantee asked for and the samples it took.
    public var sampling: BetweennessSampling
}

/// The guarantee an approximate betweenness was computed for, and the samples it took.
public struct BetweennessSampling: Sendable, Codable, Equatable {
    /// The largest error allowed, on NetworkX's normalized scale.
    public var epsilon: Double
    /// The probability allowed that some node's estimate is off by more than ``epsilon``.
    public var delta: Double
    /// The seed the pairs and paths were drawn with.
    public var seed: UInt64
    /// The constant *c* of the sample size.
    public var universalConstant: Double
    /// The upper bound on the vertex diameter (nodes on the longest shortest path) the sample
    /// size was computed with.
    public var vertexDiameterBound: Int
    /// The number of shortest paths sampled (*r*); 0 when no node can lie between two others.
    public var sampleCount: Int
}

extension GraphIndex {
    /// Betweenness centrality of every node, estimated from random shortest paths
    /// (Riondato & Kornaropoulos, "Fast approximation of betweenness centrality through
    /// sampling", Data Mining and Knowledge Discovery 30, 2016).
    ///
    /// Each of *r* samples draws an ordered pair (u, v), u ≠ v, uniformly, then one shortest
    /// path from u to v uniformly among all of them, and counts every node strictly inside
    /// that path; a pair with no path counts nothing. A path is drawn by walking back from
    /// its end, each predecessor w of a node x taken with probability σ(·,w)/σ(·,x) (σ: the
    /// number of shortest paths from the walk's start): unweighted, from the node where a
    /// search from u and one from v meet, drawn by σ(u,y)·σ(y,v), back to each end
    /// (``BidirectionalSamplingState``); weighted, from v back to u. The count of node x
    /// over *r* estimates, without bias, Σ σ(s,t|x)/σ(s,t) over ordered pairs divided by
    /// *n*(*n* − 1), which is the paper's normalization. NetworkX's normalized betweenness (the
    /// same sum over unordered pairs times 2/((*n*−1)(*n*−2)) undirected, over ordered pairs
    /// times 1/((*n*−1)(*n*−2)) directed) is that value times *n*/(*n* − 2), so the counts are
    /// returned times *n*/((*n* − 2)·*r*), on NetworkX's scale.
    ///
    /// **Guarantee**: with probability at least 1 − `delta`, every node's score is within
    /// `epsilon` of NetworkX's normalized `betweenness_centrality` (endpoints excluded). The
    /// paper's bound gives that for an error ε′ on its own scale with
    /// *r* = ⌈(*c*/ε′²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉ samples, where VD bounds the number of
    /// nodes on any shortest path; the samples are drawn for ε′ = ε·(*n* − 2)/*n*, which is ε
    /// on NetworkX's scale. VD is bounded per (weakly) connected component, the largest bound
    /// counting: undirected and unweighted, 2·ecc(x) + 1 for the component's lowest-index node x
    /// (any two nodes are within ecc(x) of x); undirected and weighted, 2·ecc(x)/w_min + 1
    /// with ecc(x) the weighted eccentricity and w_min the smallest weight (a shortest path
    /// of h edges weighs at least h·w_min and at most 2·ecc(x)); directed, or with a zero
    /// weight, the component's size. Each bound is capped by the component's size.
    ///
    /// The result depends only on the graph and `seed`: sample *i* draws from a stream of
    /// its own (``SeededRandom/init(seed:stream:)``), and the counts are whole numbers summed
    /// over fixed blocks of samples, so the number of cores does not change a bit.
    ///
    /// - Parameters:
    ///   - epsilon: the largest additive error, strictly between 0 and 1.
    ///   - delta: the probability of missing it, strictly between 0 and 1.
    ///   - seed: seeds the pairs and the paths.
    ///   - weighted: shortest paths by edge weight (Dijkstra, equal lengths by exact
    ///     floating-point equality, as ``betweennessCentrality(normalized:weighted:progress:)``);
    ///     otherwise by hops.
    ///   - universalConstant: *c* above. The bound is proven for some universal constant
    ///     whose value is known only by estimate: 0.5, the paper's, from Löffler and Phillips
    ///     (2009). NetworKit's `ApproxBetweenness` defaults to 1 (twice the samples) and notes
    ///     that 0.5 carries no proof; pass 1 for its more cautious sample size.
    ///   - progress: told how many of the *r* samples are done.
    /// - Returns: the scores and the sample size.
    /// - Throws: ``AlgorithmError/parameterOutOfRange(measure:parameter:value:allowed:)`` for `epsilon`
    ///   or `delta` outside (0, 1) or a `universalConstant` that is not positive;
    ///   ``AlgorithmError/invalidWeight(measure:source:target:weight:directed:)`` when
    ///   `weighted` and a weight is negative, NaN or infinite.
    /// - Complexity: *r* = O((log VD + ln(1/δ))/ε²) samples, independent of the graph's size,
    ///   plus one search per component for VD. Unweighted, a sample is a balanced
    ///   bidirectional breadth-first search (``BidirectionalSamplingState``): O(*V* + *E*) at
    ///   worst, on a small-world graph a small part of it. Weighted,
    ///   Dijkstra's search from u stopped once v is settled: O((*V* + *E*) log *V*) at worst.
    ///   O(*V*) space per worker.
    public func approximateBetweennessCentrality(epsilon: Double, delta: Double = 0.1, seed: UInt64 = 42,
                                                 weighted: Bool = false, universalConstant: Double = 0.5,
                                                 progress: ProgressHandler? = nil) throws -> ApproximateBetweenness {
        try approximateBetweenness(epsilon: epsilon, delta: delta, seed: seed, weighted: weighted,
                                   universalConstant: universalConstant, progress: progress, serial: false)
    }

    /// As the public call; with `serial`, the blocks of samples run one after another on the
    /// calling thread (the tests check that this changes nothing).
    func approximateBetweenness(epsilon: Double, delta: Double, seed: UInt64, weighted: Bool,
                                universalConstant: Double, progress: ProgressHandler?,
                                serial: Bool) throws -> ApproximateBetweenness {
        let measure = "approximate betweenness"
        guard epsilon > 0 && epsilon < 1 else {
            throw AlgorithmError.parameterOutOfRange(measure: measure, parameter: "epsilon", value: epsilon, allowed: "strictly between 0 and 1")
        }
        guard delta > 0 && delta < 1 else {
            throw AlgorithmError.parameterOutOfRange(measure: measure, parameter: "delta", value: delta, allowed: "strictly between 0 and 1")
        }
        guard universalConstant > 0 && universalConstant.isFinite else {
            throw AlgorithmError.parameterOutOfRange(measure: measure, parameter: "the universal constant", value: universalConstant,
                                                     allowed: "positive and finite")
        }
        if weighted { try checkWeightsFiniteAndNonNegative(for: measure) }
        let n = nodeCount
        let diameter = vertexDiameterBound(weighted: weighted)
        func result(_ scores: [Double], samples: Int) -> ApproximateBetweenness {
            ApproximateBetweenness(scores: CentralityScores(measure: "betweenness", scores: scores, ids: ids),
                                   sampling: BetweennessSampling(epsilon: epsilon, delta: delta, seed: seed,
                                                                 universalConstant: universalConstant,
                                                                 vertexDiameterBound: diameter, sampleCount: samples))
        }
        // With fewer than three nodes on every shortest path, no node is ever inside one.
        guard n > 2 && diameter > 2 else { return result(Array(repeating: 0, count: n), samples: 0) }
        let scale = Double(n) / Double(n - 2)
        let samples = Self.betweennessSampleCount(epsilon: epsilon / scale, delta: delta,
                                                  vertexDiameter: diameter, universalConstant: universalConstant)
        let graph = self
        let counter = ProgressCounter.make(total: samples, progress)
        /// The pair of sample `sample`, and its stream for the path.
        @Sendable func pair(_ sample: Int) -> (u: Int, v: Int, random: SeededRandom) {
            var random = SeededRandom(seed: seed, stream: UInt64(sample))
            let u = random.below(n)
            var v = random.below(n - 1)
            if v >= u { v += 1 }
            return (u, v, random)
        }
        var counts: [Double]
        if weighted {
            counts = Parallel.accumulateWithState(sourceCount: samples, width: n, makeState: { PathSamplingState(n: n) },
                                                  progress: counter, serial: serial) { sample, accumulator, state in
                var (u, v, random) = pair(sample)
                graph.countInteriorNodes(ofRandomShortestPathFrom: u, to: v, random: &random, state: &state, into: accumulator)
            }
        } else {
            counts = withAdjacency { adjacency in
                Parallel.accumulateWithState(sourceCount: samples, width: n, makeState: { BidirectionalSamplingState(n: n) },
                                             release: { $0.free() }, progress: counter, serial: serial) { sample, accumulator, state in
                    var (u, v, random) = pair(sample)
                    adjacency.countInteriorNodes(ofRandomShortestPathFrom: u, to: v, random: &random, state: state, into: accumulator)
                }
            }
        }
        let factor = scale / Double(samples)
        for i in 0..<n { counts[i] *= factor }
        return result(counts, samples: samples)
    }

    /// The paper's sample size ⌈(*c*/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉ for an error ε on its
    /// own scale (betweenness over *n*(*n* − 1) ordered pairs); VD ≥ 3.
    static func betweennessSampleCount(epsilon: Double, delta: Double, vertexDiameter: Int,
                                       universalConstant: Double) -> Int {
        let dimension = Double(Int.bitWidth - 1 - (vertexDiameter - 2).leadingZeroBitCount)  // ⌊log₂(VD − 2)⌋
        return Int((universalConstant / (epsilon * epsilon) * (dimension + 1 + log(1 / delta))).rounded(.up))
    }

    /// An upper bound on the number of nodes on any shortest path (the vertex diameter), as
    /// ``approximateBetweennessCentrality(epsilon:delta:seed:weighted:universalConstant:progress:)``
    /// describes: one search per (weakly) connected component.
    /// - Complexity: O(*V* + *E*) unweighted, O((*V* + *E*) log *V*) weighted.
    func vertexDiameterBound(weighted: Bool) -> Int {
        if isDirected {
            var size = [Int](repeating: 0, count: nodeCount)
            for c in componentLabels() { size[Int(c)] += 1 }
            return size.max() ?? 0
        }
        let smallestWeight = weighted ? (weights.min() ?? 1) : 1
        // One search from the lowest-index node of each component, which it then covers.
        var search = ShortestPathSearch(nodeCount: nodeCount)
        var covered = [Bool](repeating: false, count: nodeCount)
        var bound = 0
        for x in 0..<nodeCount where !covered[x] {
            search.run(self, from: x, weighted: weighted)
            let size = search.settledCount
            for k in 0..<size { covered[Int(search.order[k])] = true }
            // The last node settled is the farthest (Dijkstra and breadth-first search settle
            // by non-decreasing distance).
            let eccentricity = search.distance[Int(search.order[size - 1])]
            search.reset()
            guard size > 2, smallestWeight > 0 else { bound = max(bound, size); continue }
            // Rounding may only make the bound larger.
            let edges = (2 * eccentricity / smallestWeight * (1 + 1e-12)).rounded(.down)
            bound = max(bound, edges + 1 >= Double(size) ? size : Int(edges) + 1)
        }
        return bound
    }

    /// One weighted sample: Dijkstra's search from `u` on the shared engine, stopped once `v`
    /// is settled (every shortest path to v runs through nodes settled before it), then
    /// ``drawShortestPath(from:to:search:random:sigma:cone:into:)``.
    func countInteriorNodes(ofRandomShortestPathFrom u: Int, to v: Int, random: inout SeededRandom,
                            state: inout PathSamplingState, into accumulator: RawBuffer<Double>) {
        state.search.run(self, from: u, weighted: true, limits: SearchLimits(target: v))
        if state.search.distance[v] < .infinity {
            drawShortestPath(from: u, to: v, search: state.search, random: &random,
                             sigma: &state.sigma, cone: &state.cone, into: accumulator)
        }
        state.search.reset()
    }

    /// σ on the nodes of the shortest paths from `u` to `v` only (the "cone", found walking
    /// back from `v`), then one of those paths drawn uniformly, walking back from `v`; adds 1
    /// to the nodes strictly inside it. `sigma` is all zeros before and after.
    func drawShortestPath(from u: Int, to v: Int, search: ShortestPathSearch, random: inout SeededRandom, sigma: inout [Double], cone: inout [Int32],
                          into accumulator: RawBuffer<Double>) {
        let distance = search.distance, rank = search.rank
        // z precedes w on a shortest path: settled before it (distances are final once
        // settled, and the order keeps zero-weight edges from counting both ways, as the exact
        // pass does) at exactly the distance of the edge.
        @inline(__always) func precedes(_ z: Int, _ w: Int, _ length: Double) -> Bool {
            distance[z] + length == distance[w] && rank[z] >= 0 && rank[z] < rank[w]
        }
        // Calls `body(z)` for each predecessor z of w.
        @inline(__always) func forEachPredecessor(of w: Int, _ body: (Int) -> Bool) {
            let neighbors = inNeighbors(of: w), lengths = inWeights(of: w)
            var l = lengths.startIndex
            for z32 in neighbors {
                let z = Int(z32), length = lengths[l]
                l += 1
                if precedes(z, w, length) && !body(z) { return }
            }
        }
        // The cone, walking back from v breadth-first: sigma is -1 for a node in it not yet
        // counted, 0 outside it.
        cone.removeAll(keepingCapacity: true)
        cone.append(Int32(v))
        sigma[v] = -1
        var head = 0
        while head < cone.count {
            let w = Int(cone[head]); head += 1
            guard w != u else { continue }
            forEachPredecessor(of: w) { z in
                if sigma[z] == 0 { sigma[z] = -1; cone.append(Int32(z)) }
                return true
            }
        }
        // σ, nearest to u first: in Dijkstra's settling order.
        cone.sort { rank[Int($0)] > rank[Int($1)] }
        for k in cone.indices.reversed() {
            let w = Int(cone[k])
            if w == u { sigma[w] = 1; continue }
            var paths = 0.0
            forEachPredecessor(of: w) { z in paths += sigma[z]; return true }
            sigma[w] = paths
        }
        // The path, from v back to u: each predecessor with probability σ(z)/σ(w).
        var w = v
        while w != u {
            let pick = random.unit() * sigma[w]
            var sum = 0.0, chosen = -1
            forEachPredecessor(of: w) { z in
                chosen = z  // the last predecessor if rounding leaves `pick` above the sum
                sum += sigma[z]
                return pick >= sum
            }
            w = chosen
            if w != u { accumulator[w] += 1 }
        }
        for z in cone { sigma[Int(z)] = 0 }
    }
}

/// Per-worker buffers of the unweighted sampler: a breadth-first search from each end of the
/// pair, grown one whole layer at a time on the side whose frontier has fewer edge slots
/// (a "balanced" bidirectional search), until the two meet.
///
/// Side 0 searches from u along out-edges, side 1 from v along in-edges (the same on an
/// undirected graph). If, before a layer of side s is expanded, side s has reached distance
/// a and side o distance b without a common node, every path from u to v is longer than
/// a + b (its node at distance a from s's end would be common); a node reached by both
/// once the layer at a + 1 is done gives a path of length at most a + 1 + b. So the
/// distance is a + 1 + b, and every shortest path crosses the new layer at exactly one node
/// y, which side o reached at b: the paths through y number σ_s(y)·σ_o(y). Only whole
/// layers are expanded, so every σ read is final. On a small-world graph the two searches
/// meet a few layers out, before either reaches the big middle layers that a search from u
/// alone must cross: on the Barabási–Albert graph of a million nodes, 1,261 samples took 62 s
/// from u alone (stopping at v) and 1.4–2.3 s both ways, the search for VD included.
struct BidirectionalSamplingState: @unchecked Sendable {
    /// Distance from each side's end (-1: not reached); σ from it.
    let distance: [RawBuffer<Int32>]
    let sigma: [RawBuffer<Double>]
    /// The nodes each side reached, layer by layer.
    let order: [RawBuffer<Int32>]

    init(n: Int) {
        distance = [RawBuffer(n, -1), RawBuffer(n, -1)]
        sigma = [RawBuffer(n, 0), RawBuffer(n, 0)]
        order = [RawBuffer(n, 0), RawBuffer(n, 0)]
    }

    func free() {
        for side in 0..<2 { distance[side].free(); sigma[side].free(); order[side].free() }
    }
}

extension RawAdjacency {
    /// One unweighted sample (see ``BidirectionalSamplingState``): adds 1 to the nodes strictly
    /// inside one shortest path from `u` to `v` drawn uniformly (a node y where the searches
    /// meet, with probability σ_s(y)·σ_o(y)/σ(u, v), then each half walked back to its end,
    /// each predecessor with probability proportional to its σ); nothing when no path exists.
    func countInteriorNodes(ofRandomShortestPathFrom u: Int, to v: Int, random: inout SeededRandom,
                            state: BidirectionalSamplingState, into accumulator: RawBuffer<Double>) {
        let ends = [u, v]
        // Side 0 expands out-rows and walks back along in-rows; side 1 the other way.
        let expandOffsets = [offsets, inOffsets], expandTargets = [targets, inSources]
        var reached = [1, 1], layerStart = [0, 0], depth: [Int32] = [0, 0]
        var slots = [0, 0]
        for side in 0..<2 {
            let end = ends[side]
            state.distance[side][end] = 0
            state.sigma[side][end] = 1
            state.order[side][0] = Int32(end)
            slots[side] = expandOffsets[side][end + 1] - expandOffsets[side][end]
        }
        defer {
            for side in 0..<2 {
                for k in 0..<reached[side] {
                    let x = Int(state.order[side][k])
                    state.distance[side][x] = -1; state.sigma[side][x] = 0
                }
            }
        }
        var met = -1  // the side whose last layer found the other's nodes
        while met < 0 && layerStart[0] < reached[0] && layerStart[1] < reached[1] {
            let side = slots[0] <= slots[1] ? 0 : 1, other = 1 - side
            let distance = state.distance[side], sigma = state.sigma[side], order = state.order[side]
            let otherDistance = state.distance[other]
            let rowStart = expandOffsets[side], rowTargets = expandTargets[side]
            let next = depth[side] + 1
            let layerEnd = reached[side]
            var tail = layerEnd, nextSlots = 0
            for k in layerStart[side]..<layerEnd {
                let x = Int(order[k])
                let sx = sigma[x]
                for slot in rowStart[x]..<rowStart[x + 1] {
                    let y32 = rowTargets[slot], y = Int(y32)
                    let dy = distance[y]
                    if dy < 0 {
                        distance[y] = next
                        sigma[y] = sx
                        order[tail] = y32; tail += 1
                        nextSlots += rowStart[y + 1] - rowStart[y]
                        if otherDistance[y] >= 0 { met = side }
                    } else if dy == next {
                        sigma[y] += sx
                    }
                }
            }
            layerStart[side] = layerEnd; reached[side] = tail; depth[side] = next
            slots[side] = nextSlots
        }
        guard met >= 0 else { return }
        let side = met, other = 1 - met
        // The meeting node: among the new layer's nodes that the other side reached at its
        // depth, with probability σ_s(y)·σ_o(y)/σ(u, v).
        let order = state.order[side], otherDistance = state.distance[other]
        let sigma = state.sigma[side], otherSigma = state.sigma[other]
        let meeting = layerStart[side]..<reached[side]
        var paths = 0.0
        for k in meeting {
            let y = Int(order[k])
            if otherDistance[y] == depth[other] { paths += sigma[y] * otherSigma[y] }
        }
        let pick = random.unit() * paths
        var sum = 0.0, y = -1
        for k in meeting {
            let candidate = Int(order[k])
            guard otherDistance[candidate] == depth[other] else { continue }
            y = candidate  // the last candidate if rounding leaves `pick` above the sum
            sum += sigma[candidate] * otherSigma[candidate]
            if pick < sum { break }
        }
        if y != u && y != v { accumulator[y] += 1 }
        // Each half, from y back to its side's end, along the rows opposite to the ones it grew by.
        let walkOffsets = [inOffsets, offsets], walkTargets = [inSources, targets]
        for half in 0..<2 {
            let distance = state.distance[half], sigma = state.sigma[half]
            let rowStart = walkOffsets[half], rowTargets = walkTargets[half]
            var x = y
            while x != ends[half] {
                let previous = distance[x] - 1
                let pick = random.unit() * sigma[x]
                var sum = 0.0, chosen = -1
                for slot in rowStart[x]..<rowStart[x + 1] {
                    let z = Int(rowTargets[slot])
                    guard distance[z] == previous else { continue }
                    chosen = z
                    sum += sigma[z]
                    if pick < sum { break }
                }
                x = chosen
                if x != ends[half] { accumulator[x] += 1 }
            }
        }
    }
}

/// Per-worker buffers for weighted path sampling, reset after each sample at the cost of what it touched.
struct PathSamplingState {
    var search: ShortestPathSearch
    /// Shortest-path counts from the sample's source on its cone; 0 elsewhere.
    var sigma: [Double]
    /// The nodes on some shortest path to the sample's target.
    var cone: [Int32] = []

    init(n: Int) {
        search = ShortestPathSearch(nodeCount: n)
        sigma = Array(repeating: 0, count: n)
    }
}
