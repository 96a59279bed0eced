import OutpostGraph

extension GraphIndex {
    /// Local clustering coefficient of every node, as NetworkX's `clustering` (unweighted).
    ///
    /// Undirected: c(u) = 2T(u) / (d(u)(d(u) − 1)), T the triangles through u, d the degree
    /// without self-loops. Directed: Fagiolo's (2007) definition, c(u) = T(u) /
    /// (2(d_tot(u)(d_tot(u) − 1) − 2 d_↔(u))), counting directed triangles in every
    /// orientation. Nodes of degree < 2 score 0.
    /// - Complexity: O(Σ d(u)²) with a marker array; in parallel over nodes.
    public func clustering() -> [Double] {
        let n = nodeCount
        let result = RawBuffer<Double>(repeating: 0, count: n)
        defer { result.free() }
        let graph = self
        let blocks = max(1, min(Parallel.blockCount, n))
        DispatchQueueBlocks.run(blocks) { block in
            let lo = n * block / blocks, hi = n * (block + 1) / blocks
            // mark[w] bit 1: w is a successor of u; bit 2: w is a predecessor of u.
            var mark = [UInt8](repeating: 0, count: n)
            for u in lo..<hi {
                if !graph.isDirected {
                    let row = graph.offsets[u]..<graph.offsets[u + 1]
                    for slot in row where Int(graph.targets[slot]) != u { mark[Int(graph.targets[slot])] = 1 }
                    var degree = 0, twiceTriangles = 0
                    for slot in row {
                        let w = Int(graph.targets[slot])
                        if w == u { continue }
                        degree += 1
                        for s2 in graph.offsets[w]..<graph.offsets[w + 1] {
                            let x = Int(graph.targets[s2])
                            if x != w && mark[x] == 1 { twiceTriangles += 1 }
                        }
                    }
                    for slot in row { mark[Int(graph.targets[slot])] = 0 }
                    result[u] = twiceTriangles == 0 ? 0 : Double(twiceTriangles) / Double(degree * (degree - 1))
                } else {
                    let out = graph.offsets[u]..<graph.offsets[u + 1], inn = graph.inOffsets[u]..<graph.inOffsets[u + 1]
                    for slot in out where Int(graph.targets[slot]) != u { mark[Int(graph.targets[slot])] |= 1 }
                    for slot in inn where Int(graph.inSources[slot]) != u { mark[Int(graph.inSources[slot])] |= 2 }
                    var total = 0, bidirectional = 0, triangles = 0
                    // j runs over predecessors then successors (a reciprocal neighbour twice), as NetworkX chains them.
                    func count(_ j: Int) {
                        // For k in ipreds∩jpreds, ipreds∩jsuccs, isuccs∩jpreds, isuccs∩jsuccs.
                        for s in graph.inOffsets[j]..<graph.inOffsets[j + 1] {      // k ∈ jpreds
                            let k = Int(graph.inSources[s]); if k == j { continue }
                            if mark[k] & 2 != 0 { triangles += 1 }
                            if mark[k] & 1 != 0 { triangles += 1 }
                        }
                        for s in graph.offsets[j]..<graph.offsets[j + 1] {          // k ∈ jsuccs
                            let k = Int(graph.targets[s]); if k == j { continue }
                            if mark[k] & 2 != 0 { triangles += 1 }
                            if mark[k] & 1 != 0 { triangles += 1 }
                        }
                    }
                    for slot in inn where Int(graph.inSources[slot]) != u { total += 1; count(Int(graph.inSources[slot])) }
                    for slot in out where Int(graph.targets[slot]) != u {
                        total += 1
                        let j = Int(graph.targets[slot])
                        if mark[j] & 2 != 0 { bidirectional += 1 }
                        count(j)
                    }
                    for slot in out { mark[Int(graph.targets[slot])] = 0 }
                    for slot in inn { mark[Int(graph.inSources[slot])] = 0 }
                    let denominator = 2 * (total * (total - 1) - 2 * bidirectional)
                    result[u] = triangles == 0 ? 0 : Double(triangles) / Double(denominator)
                }
            }
        }
        return result.array
    }

    /// Mean of ``clustering()`` over all nodes, zeros included (NetworkX's `average_clustering`).
    public func averageClustering() -> Double {
        let c = clustering()
        return c.isEmpty ? 0 : c.reduce(0, +) / Double(c.count)
    }

    /// Diameter (longest shortest path, in edges) of the largest connected component for an
    /// undirected graph, of the largest strongly connected component for a directed one.
    /// Ties between equally large components go to the one with the smallest node index.
    /// - Complexity: O(*V*·*E*) on that component, in parallel over sources.
    public func diameterOfLargestComponent() -> Int {
        let component = isDirected ? stronglyConnectedComponents().first ?? [] : connectedComponents().first ?? []
        guard component.count > 1 else { return 0 }
        let n = nodeCount
        let eccentricity = RawBuffer<Int>(repeating: 0, count: component.count)
        defer { eccentricity.free() }
        let graph = self
        var member = [Bool](repeating: false, count: n)
        for v in component { member[v] = true }
        let inComponent = member
        let blocks = max(1, min(Parallel.blockCount, component.count))
        DispatchQueueBlocks.run(blocks) { block in
            let lo = component.count * block / blocks, hi = component.count * (block + 1) / blocks
            var hops = [Int32](repeating: -1, count: n)
            var queue = [Int32](repeating: 0, count: n)
            for i in lo..<hi {
                let s = component[i]
                hops[s] = 0; queue[0] = Int32(s)
                var head = 0, tail = 1, farthest: Int32 = 0
                while head < tail {
                    let v = Int(queue[head]); head += 1
                    if inComponent[v] { farthest = max(farthest, hops[v]) }
                    for slot in graph.offsets[v]..<graph.offsets[v + 1] {
                        let w = Int(graph.targets[slot])
                        if hops[w] < 0 { hops[w] = hops[v] + 1; queue[tail] = Int32(w); tail += 1 }
                    }
                }
                for k in 0..<tail { hops[Int(queue[k])] = -1 }
                eccentricity[i] = Int(farthest)
            }
        }
        return eccentricity.maximum ?? 0
    }
}
