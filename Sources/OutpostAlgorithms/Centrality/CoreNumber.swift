import OutpostGraph

extension GraphIndex {
    /// Core number of every node (Batagelj and Zaversnik 2003), as NetworkX's `core_number`:
    /// the largest k such that the node belongs to a k-core, the maximal subgraph in which every
    /// node has degree ≥ k. For directed graphs degree is in + out (a reciprocated pair counts
    /// twice), as in NetworkX. Isolated nodes have core number 0.
    ///
    /// - Throws: ``AlgorithmError`` if the graph has self-loops (NetworkX refuses them too).
    /// - Complexity: O(*V* + *E*).
    public func coreNumbers() throws -> [Int] {
        let n = nodeCount
        for v in 0..<n where slot(from: v, to: v) != nil {
            throw AlgorithmError("core number is not defined for graphs with self-loops (node '\(ids[v])' has one); remove them first")
        }
        var degree = (0..<n).map { isDirected ? outDegree(of: $0) + inDegree(of: $0) : outDegree(of: $0) }
        let maxDegree = degree.max() ?? 0
        // Bucket sort nodes by degree.
        var binStart = [Int](repeating: 0, count: maxDegree + 2)
        for d in degree { binStart[d + 1] += 1 }
        for d in 0...maxDegree { binStart[d + 1] += binStart[d] }
        var position = [Int](repeating: 0, count: n)
        var order = [Int](repeating: 0, count: n)
        var next = binStart
        for v in 0..<n { position[v] = next[degree[v]]; order[position[v]] = v; next[degree[v]] += 1 }
        for i in 0..<n {
            let v = order[i]
            func lower(_ u: Int) {
                guard degree[u] > degree[v] else { return }
                let du = degree[u]
                let pu = position[u], pw = binStart[du]
                let w = order[pw]
                if u != w { order[pu] = w; position[w] = pu; order[pw] = u; position[u] = pw }
                binStart[du] += 1
                degree[u] -= 1
            }
            for slot in offsets[v]..<offsets[v + 1] { lower(Int(targets[slot])) }
            if isDirected { for slot in inOffsets[v]..<inOffsets[v + 1] { lower(Int(inSources[slot])) } }
        }
        return degree
    }
}
