import OutpostGraph

extension GraphIndex {
    /// Every shortest path from `source` to `target`, as NetworkX's `all_shortest_paths`.
    ///
    /// A single-source search (breadth-first on hops, Dijkstra on weights) records for each
    /// node every predecessor on a shortest path; the paths are then read back from `target`.
    /// On weights, two routes tie only when their sums are exactly equal in floating point, as in
    /// NetworkX. Directed graphs follow edge direction.
    ///
    /// - Parameters:
    ///   - source: node index where the paths start.
    ///   - target: node index where they end.
    ///   - weighted: use edge weights as lengths (≥ 0); otherwise count hops.
    ///   - constraints: nodes the paths may not pass through (endpoints are exempt).
    ///   - limit: stop after this many paths (their number can grow exponentially); nil: all.
    /// - Returns: the paths, ordered by their node index sequences; empty when none exists.
    /// - Throws: ``AlgorithmError`` when `weighted` and an edge weight is negative.
    /// - Complexity: O(*V* + *E*) (unweighted) or O((*V* + *E*) log *V*) (weighted) for the
    ///   search, plus O(*L*) for the *P* paths of total length *L* returned.
    public func allShortestPaths(from source: Int, to target: Int, weighted: Bool = false,
                                 avoiding constraints: PathConstraints = .none, limit: Int? = nil) throws -> [Path] {
        if weighted { try checkWeightsFiniteAndNonNegative(for: "all shortest paths") }
        if source == target { return [Path(nodes: [source], cost: 0)] }
        let blocked = constraints.blockedMask(in: self)
        var predecessors = [[Int32]](repeating: [], count: nodeCount)
        var distance = [Double](repeating: .infinity, count: nodeCount)
        distance[source] = 0
        if !weighted {
            var queue = [source]
            var head = 0
            while head < queue.count {
                let u = queue[head]; head += 1
                if distance[u] >= distance[target] { break }  // every shortest path to target is known
                let next = distance[u] + 1
                for v32 in neighbours(of: u) {
                    let v = Int(v32)
                    if blocked[v] && v != target { continue }
                    if distance[v] == .infinity {
                        distance[v] = next
                        queue.append(v)
                    }
                    if distance[v] == next { predecessors[v].append(Int32(u)) }
                }
            }
        } else {
            var done = [Bool](repeating: false, count: nodeCount)
            var heap = DistanceHeap()
            heap.push(0, Int32(source))
            while !heap.isEmpty {
                let (d, node) = heap.pop()
                let u = Int(node)
                if done[u] { continue }
                done[u] = true
                if u == target { break }
                for slot in offsets[u]..<offsets[u + 1] {
                    let v = Int(targets[slot])
                    if done[v] || (blocked[v] && v != target) { continue }
                    let candidate = d + weights[slot]
                    if candidate < distance[v] {
                        distance[v] = candidate
                        predecessors[v] = [Int32(u)]
                        heap.push(candidate, Int32(v))
                    } else if candidate == distance[v] {
                        predecessors[v].append(Int32(u))
                    }
                }
            }
        }
        guard distance[target] < .infinity else { return [] }
        // Read the paths back from the target, depth first.
        var paths: [Path] = []
        var stack: [Int] = [target]
        func walk() -> Bool {
            let v = stack[stack.count - 1]
            if v == source {
                let nodes = Array(stack.reversed())
                paths.append(Path(nodes: nodes, cost: cost(of: nodes, weighted: weighted)))
                return limit.map { paths.count < $0 } ?? true
            }
            for u in predecessors[v] {
                stack.append(Int(u))
                let more = walk()
                stack.removeLast()
                if !more { return false }
            }
            return true
        }
        _ = walk()
        return paths.sorted { $0.nodes.lexicographicallyPrecedes($1.nodes) }
    }
}
