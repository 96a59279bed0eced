/// How ``GraphIndex`` combines parallel edges between the same two nodes.
public enum ParallelEdgePolicy: Sendable {
    /// Keep the last edge's weight, as NetworkX's `Graph.add_edge` does when an edge list
    /// repeats a pair.
    case keepLast
    /// Add the weights: for a dataset, the weight of a link is the number of relations on it.
    case sum
}

/// A compact, integer-indexed adjacency (compressed sparse rows) for algorithms.
///
/// Nodes are numbered `0..<nodeCount`. The out-neighbours of `v` are
/// `targets[offsets[v]..<offsets[v+1]]`, sorted ascending, with the matching `weights`.
/// An undirected edge is stored in both rows; a self-loop once, in its node's row, as
/// NetworkX's adjacency holds it. Directed graphs also carry the in-edges
/// (`inOffsets`, `inSources`, `inWeights`); for undirected graphs those are the same arrays.
///
/// Built once from a ``Graph`` in O(*V* + *E* log *d*) time. Memory is 8 bytes per node for
/// each offsets array and 4 bytes per stored edge slot (its target), plus 8 bytes per slot for
/// the weight only when some weight is not 1 (``EdgeWeights``): an unweighted undirected edge
/// takes 8 bytes (two slots), a weighted one 24; a directed edge is stored out and in, so twice
/// that. Ids and display names are the graph's own arrays (shared, not copied), and so is its
/// id → index table.
public struct GraphIndex: Sendable {
    public let isDirected: Bool
    public let nodeCount: Int
    /// Node ids by index.
    public let ids: [String]
    /// Display names by index.
    public let names: [String]
    public let offsets: [Int]
    public let targets: [Int32]
    public let weights: EdgeWeights
    public let inOffsets: [Int]
    public let inSources: [Int32]
    public let inWeights: EdgeWeights
    /// Number of distinct edges after merging parallel ones (a self-loop counts once).
    public let edgeCount: Int
    /// Number of parallel edges merged into others while building.
    public let mergedEdgeCount: Int
    private let idTable: NodeIDTable

    /// - Parameter merge: how parallel edges combine; nil takes the graph's own policy
    ///   (``Graph/parallelEdges``: summed for a dataset view, last kept for a file).
    public init(_ graph: Graph, merge: ParallelEdgePolicy? = nil) {
        let merge = merge ?? graph.parallelEdges
        let n = graph.nodeCount
        isDirected = graph.isDirected
        nodeCount = n
        ids = graph.nodeIDs
        names = graph.nodeLabels.allSatisfy { $0 == nil } ? graph.nodeIDs : (0..<n).map { graph.name(of: $0) }
        idTable = graph.nodeIDTable

        let sources = graph.edgeSources, destinations = graph.edgeTargets, w = graph.edgeWeights
        if graph.isDirected {
            let out = GraphIndex.buildRows(n: n, from: sources, to: destinations, weights: w,
                                           symmetric: false, merge: merge)
            let inRows = GraphIndex.buildRows(n: n, from: destinations, to: sources, weights: w,
                                              symmetric: false, merge: merge)
            offsets = out.offsets; targets = out.targets; weights = out.weights
            inOffsets = inRows.offsets; inSources = inRows.targets; inWeights = inRows.weights
            edgeCount = out.targets.count
            mergedEdgeCount = graph.edgeCount - out.targets.count
        } else {
            let rows = GraphIndex.buildRows(n: n, from: sources, to: destinations, weights: w,
                                            symmetric: true, merge: merge)
            offsets = rows.offsets; targets = rows.targets; weights = rows.weights
            inOffsets = offsets; inSources = targets; inWeights = weights
            var loops = 0
            rows.targets.withUnsafeBufferPointer { t in
                for v in 0..<n {
                    for slot in rows.offsets[v]..<rows.offsets[v + 1] where Int(t[slot]) == v { loops += 1 }
                }
            }
            edgeCount = (targets.count - loops) / 2 + loops
            mergedEdgeCount = graph.edgeCount - edgeCount
        }
    }

    private struct Rows {
        var offsets: [Int]
        var targets: [Int32]
        var weights: EdgeWeights
    }

    /// Counting sort of edge endpoints into rows, then sort and merge each row.
    private static func buildRows(n: Int, from: [Int32], to: [Int32], weights: EdgeWeights,
                                  symmetric: Bool, merge: ParallelEdgePolicy) -> Rows {
        if weights.isUnit { return buildUnitRows(n: n, from: from, to: to, symmetric: symmetric, merge: merge) }
        let m = from.count
        var counts = [Int](repeating: 0, count: n + 1)
        for e in 0..<m {
            counts[Int(from[e]) + 1] += 1
            if symmetric && from[e] != to[e] { counts[Int(to[e]) + 1] += 1 }
        }
        for v in 0..<n { counts[v + 1] += counts[v] }
        let total = counts[n]
        var cursor = counts
        var rowTargets = [Int32](repeating: 0, count: total)
        var rowRefs = [Int32](repeating: 0, count: total)
        for e in 0..<m {
            let u = Int(from[e]), v = Int(to[e])
            rowTargets[cursor[u]] = Int32(v); rowRefs[cursor[u]] = Int32(e); cursor[u] += 1
            if symmetric && u != v {
                rowTargets[cursor[v]] = Int32(u); rowRefs[cursor[v]] = Int32(e); cursor[v] += 1
            }
        }
        // Sort each row by (target, edge order) and merge runs of equal targets.
        var outOffsets = [Int](repeating: 0, count: n + 1)
        var outTargets = [Int32](); outTargets.reserveCapacity(total)
        var outWeights = [Double](); outWeights.reserveCapacity(total)
        var scratch: [(Int32, Int32)] = []
        for v in 0..<n {
            let lo = counts[v], hi = counts[v + 1]
            var sorted = true
            if hi - lo > 1 {
                for s in (lo + 1)..<hi where rowTargets[s] < rowTargets[s - 1]
                    || (rowTargets[s] == rowTargets[s - 1]) {
                    sorted = false; break
                }
            }
            if sorted {
                for s in lo..<hi {
                    outTargets.append(rowTargets[s])
                    outWeights.append(weights[Int(rowRefs[s])])
                }
            } else {
                scratch.removeAll(keepingCapacity: true)
                for s in lo..<hi { scratch.append((rowTargets[s], rowRefs[s])) }
                scratch.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
                var i = 0
                while i < scratch.count {
                    let target = scratch[i].0
                    var weight = weights[Int(scratch[i].1)]
                    var j = i + 1
                    while j < scratch.count && scratch[j].0 == target {
                        switch merge {
                        case .keepLast: weight = weights[Int(scratch[j].1)]
                        case .sum: weight += weights[Int(scratch[j].1)]
                        }
                        j += 1
                    }
                    outTargets.append(target); outWeights.append(weight)
                    i = j
                }
            }
            outOffsets[v + 1] = outTargets.count
        }
        return Rows(offsets: outOffsets, targets: outTargets, weights: EdgeWeights(outWeights))
    }

    /// ``buildRows(n:from:to:weights:symmetric:merge:)`` for edges that all weigh 1: no edge
    /// order to keep, so each row is sorted and its repeats dropped where it lies, and the
    /// rows are then moved down over the gaps in the same array. Merging keeps every weight 1,
    /// except that summing repeats (a dataset's parallel relations) gives a link the number of
    /// its edges: then, and only then, weights are stored.
    private static func buildUnitRows(n: Int, from: [Int32], to: [Int32], symmetric: Bool,
                                      merge: ParallelEdgePolicy) -> Rows {
        let m = from.count
        var offsets = [Int](repeating: 0, count: n + 1)
        var targets: [Int32] = []
        var counted: [Double]? = nil  // the number of edges per kept slot, once a repeat is summed
        from.withUnsafeBufferPointer { from in
            to.withUnsafeBufferPointer { to in
                offsets.withUnsafeMutableBufferPointer { counts in
                    for e in 0..<m {
                        counts[Int(from[e]) + 1] += 1
                        if symmetric && from[e] != to[e] { counts[Int(to[e]) + 1] += 1 }
                    }
                    for v in 0..<n { counts[v + 1] += counts[v] }
                    let total = counts[n]
                    var cursor = [Int](counts.prefix(n))
                    targets = [Int32](unsafeUninitializedCapacity: total) { rows, initialized in
                        cursor.withUnsafeMutableBufferPointer { cursor in
                            for e in 0..<m {
                                let u = Int(from[e]), v = Int(to[e])
                                rows[cursor[u]] = Int32(v); cursor[u] += 1
                                if symmetric && u != v { rows[cursor[v]] = Int32(u); cursor[v] += 1 }
                            }
                        }
                        initialized = total
                    }
                    // Sort each row and drop its repeats, writing the kept slots down from `kept`.
                    targets.withUnsafeMutableBufferPointer { rows in
                        var kept = 0
                        var start = 0  // the row's first slot before compaction
                        for v in 0..<n {
                            let end = counts[v + 1]
                            var row = UnsafeMutableBufferPointer(rebasing: rows[start..<end])
                            var ascending = true
                            if row.count > 1 {
                                for s in 1..<row.count where row[s] <= row[s - 1] { ascending = false; break }
                                if !ascending { row.sort() }
                            }
                            var s = 0
                            while s < row.count {
                                let target = row[s]
                                var run = 1
                                while s + run < row.count && row[s + run] == target { run += 1 }
                                if run > 1 && merge == .sum && counted == nil {
                                    counted = [Double](repeating: 1, count: kept)
                                    counted!.reserveCapacity(total)
                                }
                                rows[kept] = target
                                counted?.append(merge == .sum ? Double(run) : 1)
                                kept += 1
                                s += run
                            }
                            start = end
                            counts[v + 1] = kept
                        }
                    }
                    let kept = counts[n]
                    targets.removeLast(targets.count - kept)
                }
            }
        }
        return Rows(offsets: offsets, targets: targets, weights: counted.map { EdgeWeights($0) } ?? EdgeWeights(unit: targets.count))
    }

    public func index(of id: String) -> Int? { idTable.index(of: id, ids: ids) }

    /// Out-neighbours of `node` (all neighbours for an undirected graph), ascending.
    @inlinable
    public func neighbours(of node: Int) -> ArraySlice<Int32> { targets[offsets[node]..<offsets[node + 1]] }

    /// In-neighbours of `node` (all neighbours for an undirected graph), ascending.
    @inlinable
    public func inNeighbours(of node: Int) -> ArraySlice<Int32> { inSources[inOffsets[node]..<inOffsets[node + 1]] }

    @inlinable
    public func outDegree(of node: Int) -> Int { offsets[node + 1] - offsets[node] }

    @inlinable
    public func inDegree(of node: Int) -> Int { inOffsets[node + 1] - inOffsets[node] }

    /// Degree as NetworkX counts it: in + out for directed graphs; for undirected graphs the
    /// number of neighbours, with a self-loop counted twice.
    public func degree(of node: Int) -> Int {
        if isDirected { return outDegree(of: node) + inDegree(of: node) }
        var d = outDegree(of: node)
        for slot in offsets[node]..<offsets[node + 1] where Int(targets[slot]) == node { d += 1 }
        return d
    }

    /// The weight of the edge `u → v` (or `u — v`), nil if there is none.
    public func weight(from u: Int, to v: Int) -> Double? {
        guard let slot = slot(from: u, to: v) else { return nil }
        return weights[slot]
    }

    /// The CSR slot of edge `u → v`, found by binary search in `u`'s row.
    public func slot(from u: Int, to v: Int) -> Int? {
        var lo = offsets[u], hi = offsets[u + 1]
        let target = Int32(v)
        while lo < hi {
            let mid = (lo + hi) / 2
            if targets[mid] < target { lo = mid + 1 } else { hi = mid }
        }
        return lo < offsets[u + 1] && targets[lo] == target ? lo : nil
    }

    /// Approximate bytes held by the adjacency arrays (ids and names excluded).
    public var adjacencyBytes: Int {
        let out = offsets.count * 8 + targets.count * 4 + weights.storedBytes
        return isDirected ? out + inOffsets.count * 8 + inSources.count * 4 + inWeights.storedBytes : out
    }
}
