import COutpostSupport
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
            throw AlgorithmError.selfLoop(measure: "core number", node: ids[v])
        }
        // Raw 4-byte scratch: the loop below is all random access to these arrays, so their
        // size and the bounds checks are what it costs.
        let degree = RawBuffer(n, Int32(0)), position = RawBuffer(n, Int32(0)), order = RawBuffer(n, Int32(0))
        defer { degree.free(); position.free(); order.free() }
        var maxDegree = 0
        for v in 0..<n {
            let d = isDirected ? outDegree(of: v) + inDegree(of: v) : outDegree(of: v)
            degree[v] = Int32(d); maxDegree = max(maxDegree, d)
        }
        // Bucket sort nodes by degree.
        let binStart = RawBuffer(maxDegree + 2, 0)
        defer { binStart.free() }
        for v in 0..<n { binStart[Int(degree[v]) + 1] += 1 }
        for d in 0...maxDegree { binStart[d + 1] += binStart[d] }
        var next = binStart.array
        for v in 0..<n {
            let d = Int(degree[v])
            position[v] = Int32(next[d]); order[next[d]] = Int32(v); next[d] += 1
        }
        let directed = isDirected
        withAdjacency { a in
            @inline(__always) func lower(_ u: Int, below dv: Int32) {
                let du = degree[u]
                guard du > dv else { return }
                let pu = Int(position[u]), pw = binStart[Int(du)]
                let w = Int(order[pw])
                if u != w { order[pu] = Int32(w); position[w] = Int32(pu); order[pw] = Int32(u); position[u] = Int32(pw) }
                binStart[Int(du)] += 1
                degree[u] = du - 1
            }
            let distance = 8
            for i in 0..<n {
                // Nodes come in order of current degree, scattered through the graph: ask for
                // the row of a node a few places ahead (the order ahead may still change; a
                // wrong guess costs only the hint).
                if i + distance < n {
                    let ahead = Int(order[i + distance])
                    a.offsets.prefetch(ahead)
                    if directed { a.inOffsets.prefetch(ahead) }
                }
                if i + distance / 2 < n {
                    let ahead = Int(order[i + distance / 2])
                    a.targets.prefetch(a.offsets[ahead])
                    if directed { a.inSources.prefetch(a.inOffsets[ahead]) }
                }
                let v = Int(order[i]), dv = degree[v]
                for slot in a.offsets[v]..<a.offsets[v + 1] { lower(Int(a.targets[slot]), below: dv) }
                if directed { for slot in a.inOffsets[v]..<a.inOffsets[v + 1] { lower(Int(a.inSources[slot]), below: dv) } }
            }
        }
        return (0..<n).map { Int(degree[$0]) }
    }
}
