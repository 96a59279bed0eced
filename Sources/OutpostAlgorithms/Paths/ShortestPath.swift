import OutpostGraph

extension GraphIndex {
    /// One shortest path from `source` to `target`: breadth-first search on hops, or
    /// Dijkstra's algorithm (1959) on edge weights.
    ///
    /// Its length (or cost) equals NetworkX's `shortest_path_length(G, s, t, weight=…)`; when
    /// several paths are equally short, the one returned is the first found with neighbours
    /// visited in ascending index order (NetworkX's bidirectional search may return another
    /// of them — ``allShortestPaths(from:to:weighted:avoiding:limit:)`` gives them all).
    /// Directed graphs follow edge direction. Parallel edges were merged by the index.
    ///
    /// - Parameters:
    ///   - source: node index where the path starts.
    ///   - target: node index where it ends.
    ///   - weighted: use edge weights as lengths (they must be ≥ 0); otherwise count hops.
    ///   - constraints: nodes the path may not pass through (endpoints are exempt).
    /// - Returns: the path with its cost, or nil when no path joins the two nodes.
    /// - Throws: ``AlgorithmError`` when `weighted` and an edge weight is negative.
    /// - Complexity: O(*V* + *E*) time unweighted, O((*V* + *E*) log *V*) weighted; O(*V*) space.
    public func shortestPath(from source: Int, to target: Int, weighted: Bool = false,
                             avoiding constraints: PathConstraints = .none) throws -> Path? {
        if weighted { try checkWeightsFiniteAndNonNegative(for: "the shortest path") }
        return searchPath(from: source, to: target, weighted: weighted, blocked: constraints.blockedMask(in: self),
                          removedEdges: [])
    }

    /// The shortest-path search every path algorithm shares. `blocked` nodes are never entered
    /// (except `target`); `removedEdges` holds `u << 32 | v` keys of edges `u → v` not to use.
    func searchPath(from source: Int, to target: Int, weighted: Bool, blocked: [Bool], removedEdges: Set<Int64>) -> Path? {
        if source == target { return Path(nodes: [source], cost: 0) }
        var predecessor = [Int32](repeating: -1, count: nodeCount)
        predecessor[source] = Int32(source)
        func usable(_ u: Int, _ slot: Int) -> Bool {
            let v = Int(targets[slot])
            if blocked[v] && v != target { return false }
            return removedEdges.isEmpty || !removedEdges.contains(Int64(u) << 32 | Int64(v))
        }
        if !weighted {
            var queue = [source]
            var head = 0
            while head < queue.count {
                let u = queue[head]; head += 1
                for slot in offsets[u]..<offsets[u + 1] where usable(u, slot) {
                    let v = Int(targets[slot])
                    guard predecessor[v] < 0 else { continue }
                    predecessor[v] = Int32(u)
                    if v == target { return path(to: target, from: source, predecessor: predecessor, weighted: false) }
                    queue.append(v)
                }
            }
            return nil
        }
        var distance = [Double](repeating: .infinity, count: nodeCount)
        var done = [Bool](repeating: false, count: nodeCount)
        var heap = DistanceHeap()
        distance[source] = 0
        heap.push(0, Int32(source))
        while !heap.isEmpty {
            let (d, node) = heap.pop()
            let u = Int(node)
            if done[u] { continue }
            done[u] = true
            if u == target { return path(to: target, from: source, predecessor: predecessor, weighted: true) }
            for slot in offsets[u]..<offsets[u + 1] where usable(u, slot) {
                let v = Int(targets[slot])
                let candidate = d + weights[slot]
                if !done[v] && candidate < distance[v] {
                    distance[v] = candidate
                    predecessor[v] = Int32(u)
                    heap.push(candidate, Int32(v))
                }
            }
        }
        return nil
    }

    private func path(to target: Int, from source: Int, predecessor: [Int32], weighted: Bool) -> Path {
        var nodes = [target]
        var v = target
        while v != source { v = Int(predecessor[v]); nodes.append(v) }
        nodes.reverse()
        return Path(nodes: nodes, cost: cost(of: nodes, weighted: weighted))
    }
}
