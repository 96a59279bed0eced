import OutpostGraph

/// The shortest paths from one source to every node it reaches: distances, the parent of
/// each node on one shortest path, and the order in which a search settled the nodes.
///
/// Made by ``GraphIndex/shortestPathTree(from:weighted:reversed:)``; the path searches, ego
/// graphs and the weighted betweenness, closeness and harmonic measures run the same search
/// (breadth-first on hops, Dijkstra (1959) on weights), so they agree on every distance.
public struct ShortestPathTree: Sendable, Codable, Equatable {
    /// The node the paths start from.
    public var source: Int
    /// Whether distances sum edge weights (else they count hops).
    public var weighted: Bool
    /// The distance of every node from ``source``; `.infinity` for nodes not reached.
    public var distances: [Double]
    /// The node before each node on the first shortest path found to it, neighbours taken in
    /// ascending index order; -1 for ``source`` and for nodes not reached.
    public var parents: [Int]
    /// The nodes reached, in the order the search settled them: by non-decreasing distance,
    /// ``source`` first.
    public var order: [Int]

    /// The distance to `node`, nil when it is not reached.
    public func distance(to node: Int) -> Double? { distances[node] < .infinity ? distances[node] : nil }

    /// The nodes of one shortest path from ``source`` to `target` (both included), nil when
    /// `target` is not reached.
    /// - Complexity: O(length of the path).
    public func path(to target: Int) -> [Int]? {
        guard distances[target] < .infinity else { return nil }
        var nodes = [target]
        var v = target
        while v != source { v = parents[v]; nodes.append(v) }
        return nodes.reversed()
    }
}

extension GraphIndex {
    /// Shortest paths from `source` to every node: breadth-first search on hops, or
    /// Dijkstra's algorithm on edge weights.
    ///
    /// Distances equal NetworkX's `single_source_shortest_path_length` (or
    /// `single_source_dijkstra_path_length` on weights). Directed graphs follow edge direction;
    /// with `reversed`, edges are followed backwards, giving the distances *to* `source`.
    ///
    /// - Parameters:
    ///   - source: node index where the paths start.
    ///   - weighted: use edge weights as lengths (finite, ≥ 0); otherwise count hops.
    ///   - reversed: follow in-edges instead of out-edges (the same for undirected graphs).
    /// - Returns: distances, parents and the settling order.
    /// - Throws: ``AlgorithmError`` when `weighted` and an edge weight is negative, NaN or infinite.
    /// - Complexity: O(*V* + *E*) unweighted, O((*V* + *E*) log *V*) weighted; O(*V*) space.
    public func shortestPathTree(from source: Int, weighted: Bool = false, reversed: Bool = false) throws -> ShortestPathTree {
        if weighted { try checkWeightsFiniteAndNonNegative(for: "the shortest-path tree") }
        var search = ShortestPathSearch(nodeCount: nodeCount)
        search.run(self, from: source, weighted: weighted, reversed: reversed)
        return search.tree(source: source, weighted: weighted)
    }
}

/// What a ``ShortestPathSearch`` may not do, and when it may stop.
struct SearchLimits {
    /// Nodes the search never enters, except ``target``; nil: none.
    var blocked: [Bool]?
    /// Edges `u → v` not to use, as keys `u << 32 | v`.
    var removedEdges: Set<Int64> = []
    /// Stop once this node's distance is final.
    var target: Int?
    /// Nodes farther than this are not reached.
    var radius = Double.infinity
    /// Keep, for every node, every predecessor on a shortest path (not only the first).
    var allPredecessors = false
}

/// The one single-source search every shortest-path computation runs: breadth-first on hops,
/// Dijkstra on weights (ties in the heap broken by insertion order, as NetworkX's heapq).
///
/// Its buffers are sized once for a graph and reset after each run at the cost of the nodes
/// the run touched, so a worker can run one search per source without allocating.
struct ShortestPathSearch {
    /// Distance from the last run's source; `.infinity` when not reached.
    private(set) var distance: [Double]
    /// The first predecessor found on a shortest path; -1 for the source and unreached nodes.
    private(set) var parent: [Int32]
    /// With ``SearchLimits/allPredecessors``: every predecessor on a shortest path.
    private(set) var predecessors: [[Int32]]
    /// `order[0..<settledCount]`: the nodes settled, in order. Breadth-first runs also keep the
    /// nodes found but not expanded (beyond a target) after them, up to ``reachedCount``.
    private(set) var order: [Int32]
    private(set) var settledCount = 0
    private(set) var reachedCount = 0
    /// The position in ``order`` at which each node was settled; -1 while it is not.
    private(set) var rank: [Int32]
    private var heap = DistanceHeap()
    /// Nodes whose distance a Dijkstra run set, for ``reset()``.
    private var touched: [Int32] = []

    init(nodeCount n: Int) {
        distance = Array(repeating: .infinity, count: n)
        parent = Array(repeating: -1, count: n)
        predecessors = []
        order = Array(repeating: 0, count: n)
        rank = Array(repeating: -1, count: n)
    }

    /// The settled nodes, in order.
    var settled: ArraySlice<Int32> { order[0..<settledCount] }

    /// One search from `source`, along out-edges (in-edges when `reversed`). Call ``reset()``
    /// before the next.
    mutating func run<G: IndexedGraph>(_ graph: G, from source: Int, weighted: Bool, reversed: Bool = false,
                                       limits: SearchLimits = SearchLimits()) {
        if limits.allPredecessors && predecessors.isEmpty {
            predecessors = Array(repeating: [], count: distance.count)
        }
        let target = limits.target ?? -1
        @inline(__always) func usable(_ u: Int, _ v: Int) -> Bool {
            if let blocked = limits.blocked, blocked[v] && v != target { return false }
            return limits.removedEdges.isEmpty || !limits.removedEdges.contains(Int64(u) << 32 | Int64(v))
        }
        distance[source] = 0
        if !weighted {
            order[0] = Int32(source)
            var head = 0, tail = 1
            while head < tail {
                let u = Int(order[head])
                if target >= 0 && distance[u] >= distance[target] { break }  // every shortest path to target is known
                rank[u] = Int32(head); head += 1
                let next = distance[u] + 1
                guard next <= limits.radius else { continue }
                let neighbors = reversed ? graph.inNeighbors(of: u) : graph.outNeighbors(of: u)
                for v32 in neighbors {
                    let v = Int(v32)
                    guard usable(u, v) else { continue }
                    if distance[v] == .infinity {
                        distance[v] = next
                        parent[v] = Int32(u)
                        order[tail] = v32; tail += 1
                        if v == target && !limits.allPredecessors { settledCount = head; reachedCount = tail; return }
                    }
                    if limits.allPredecessors && distance[v] == next { predecessors[v].append(Int32(u)) }
                }
            }
            settledCount = head; reachedCount = tail
            return
        }
        heap.removeAll()
        heap.push(0, Int32(source))
        touched.append(Int32(source))
        var count = 0
        while !heap.isEmpty {
            let (d, node) = heap.pop()
            let u = Int(node)
            if rank[u] >= 0 { continue }
            rank[u] = Int32(count); order[count] = node; count += 1
            if u == target { break }
            let neighbors = reversed ? graph.inNeighbors(of: u) : graph.outNeighbors(of: u)
            let weights = reversed ? graph.inWeights(of: u) : graph.outWeights(of: u)
            var w = weights.startIndex
            for v32 in neighbors {
                let v = Int(v32)
                let candidate = d + weights[w]
                w = weights.index(after: w)
                guard rank[v] < 0, candidate <= limits.radius, usable(u, v) else { continue }
                if candidate < distance[v] {
                    if distance[v] == .infinity { touched.append(v32) }
                    distance[v] = candidate
                    parent[v] = Int32(u)
                    if limits.allPredecessors { predecessors[v] = [Int32(u)] }
                    heap.push(candidate, v32)
                } else if limits.allPredecessors && candidate == distance[v] {
                    predecessors[v].append(Int32(u))
                }
            }
        }
        settledCount = count; reachedCount = count
    }

    /// Clears what the last run wrote, in time proportional to the nodes it touched.
    mutating func reset() {
        func clear(_ v: Int) {
            distance[v] = .infinity; parent[v] = -1; rank[v] = -1
            if !predecessors.isEmpty { predecessors[v] = [] }
        }
        for k in 0..<reachedCount { clear(Int(order[k])) }
        for v in touched { clear(Int(v)) }
        touched.removeAll(keepingCapacity: true)
        settledCount = 0; reachedCount = 0
    }

    /// The public value of the last run.
    func tree(source: Int, weighted: Bool) -> ShortestPathTree {
        var distances = distance
        // Nodes found but beyond a stopping point are not settled: their distance stands,
        // as it is final for breadth-first search.
        if weighted { for v in distances.indices where rank[v] < 0 { distances[v] = .infinity } }
        return ShortestPathTree(source: source, weighted: weighted, distances: distances,
                                parents: parent.map(Int.init), order: order[0..<reachedCount].map(Int.init))
    }
}
