import OutpostGraph

/// A ``GraphIndex`` read as undirected: u and v are neighbours when either edge u → v or
/// v → u exists, as NetworkX's `G.to_undirected(as_view=True)` has them.
///
/// For an undirected index the view shares its arrays (no copy). For a directed one it holds
/// one merged row per node, built once: out- and in-neighbours joined, ascending, each
/// neighbour once (a self-loop once). A pair joined both ways takes the smaller of the two
/// weights (the length a search along either edge would use) or, with `combining: .sum`,
/// their sum (what modularity counts between the two).
///
/// Every algorithm that reads a directed graph as undirected (biconnected components, label
/// propagation, ego graphs with `undirected`, bipartite projection) goes through this view.
/// - Complexity: O(*V* + *E*) time and space to build for a directed index; O(1) otherwise.
public struct UndirectedView: IndexedGraph {
    public let nodeCount: Int
    /// Row starts (`nodeCount + 1` entries) of ``targets`` and ``weights``.
    public let offsets: [Int]
    public let targets: [Int32]
    public let weights: EdgeWeights
    public var isDirected: Bool { false }

    /// How the weights of u → v and v → u combine into the one of u — v.
    public enum Combination: Sendable {
        case minimum, sum
    }

    /// - Parameters:
    ///   - combining: how a pair joined both ways weighs.
    ///   - weighted: read edge weights; otherwise every edge weighs 1.
    public init(_ index: GraphIndex, combining: Combination = .minimum, weighted: Bool = true) {
        nodeCount = index.nodeCount
        guard index.isDirected else {
            offsets = index.offsets; targets = index.targets
            weights = weighted ? index.weights : EdgeWeights(unit: index.targets.count)
            return
        }
        var rowStart = [Int](repeating: 0, count: index.nodeCount + 1)
        var rowTargets: [Int32] = [], rowWeights = EdgeWeights()
        rowTargets.reserveCapacity(index.targets.count * 2); rowWeights.reserveCapacity(index.targets.count * 2)
        for u in 0..<index.nodeCount {
            var i = index.offsets[u], j = index.inOffsets[u]
            let iEnd = index.offsets[u + 1], jEnd = index.inOffsets[u + 1]
            while i < iEnd || j < jEnd {
                let a = i < iEnd ? index.targets[i] : Int32.max
                let b = j < jEnd ? index.inSources[j] : Int32.max
                let v = min(a, b)
                let out: Double? = a == v ? (weighted ? index.weights[i] : 1) : nil
                let back: Double? = b == v ? (weighted ? index.inWeights[j] : 1) : nil
                let w: Double
                if let out, let back { w = combining == .sum ? out + back : min(out, back) } else { w = out ?? back! }
                if a == v { i += 1 }
                if b == v { j += 1 }
                rowTargets.append(v); rowWeights.append(w)
            }
            rowStart[u + 1] = rowTargets.count
        }
        offsets = rowStart; targets = rowTargets; weights = rowWeights
    }

    @inlinable
    public func outNeighbors(of node: Int) -> ArraySlice<Int32> { targets[offsets[node]..<offsets[node + 1]] }

    @inlinable
    public func outWeights(of node: Int) -> Slice<EdgeWeights> { weights[offsets[node]..<offsets[node + 1]] }

    @inlinable
    public func inNeighbors(of node: Int) -> ArraySlice<Int32> { outNeighbors(of: node) }

    @inlinable
    public func inWeights(of node: Int) -> Slice<EdgeWeights> { outWeights(of: node) }

    /// The number of neighbours, a self-loop counted twice (NetworkX's undirected degree).
    public func degree(of node: Int) -> Int {
        var d = offsets[node + 1] - offsets[node]
        for v in outNeighbors(of: node) where Int(v) == node { d += 1 }
        return d
    }

    public func weight(from u: Int, to v: Int) -> Double? {
        let row = outNeighbors(of: u)
        var lo = row.startIndex, hi = row.endIndex
        while lo < hi {
            let mid = (lo + hi) / 2
            if row[mid] < Int32(v) { lo = mid + 1 } else { hi = mid }
        }
        return lo < row.endIndex && row[lo] == Int32(v) ? weights[lo] : nil
    }
}
