import OutpostGraph

extension GraphIndex {
    /// Articulation points and bridges of the undirected graph (Hopcroft and Tarjan 1973), as
    /// NetworkX's `articulation_points` and `bridges`. Directed graphs are read as undirected
    /// (NetworkX refuses them; the command line says so in its output). Self-loops are never
    /// bridges; parallel edges were merged by the index.
    /// - Returns: articulation points ascending; bridges as (u, v) with u < v, ascending.
    /// - Complexity: O(*V* + *E*).
    public func articulationPointsAndBridges() -> (articulationPoints: [Int], bridges: [(Int, Int)]) {
        let n = nodeCount
        let undirected = UndirectedView(self)
        func row(_ v: Int) -> ArraySlice<Int32> { undirected.outNeighbors(of: v) }
        var discovery = [Int](repeating: -1, count: n)
        var low = [Int](repeating: 0, count: n)
        var isCut = [Bool](repeating: false, count: n)
        var bridges: [(Int, Int)] = []
        var time = 0
        for root in 0..<n where discovery[root] < 0 {
            discovery[root] = time; low[root] = time; time += 1
            var rootChildren = 0
            var stack: [(node: Int, parent: Int, neighbours: ArraySlice<Int32>, next: Int)] = [(root, -1, row(root), 0)]
            while !stack.isEmpty {
                let top = stack.count - 1
                let v = stack[top].node
                if stack[top].next < stack[top].neighbours.count {
                    let w = Int(stack[top].neighbours[stack[top].neighbours.startIndex + stack[top].next])
                    stack[top].next += 1
                    if w == v || w == stack[top].parent { continue }
                    if discovery[w] < 0 {
                        discovery[w] = time; low[w] = time; time += 1
                        if v == root { rootChildren += 1 }
                        stack.append((w, v, row(w), 0))
                    } else {
                        low[v] = min(low[v], discovery[w])
                    }
                } else {
                    stack.removeLast()
                    if let parent = stack.last?.node {
                        low[parent] = min(low[parent], low[v])
                        if low[v] > discovery[parent] { bridges.append((min(parent, v), max(parent, v))) }
                        if parent != root && low[v] >= discovery[parent] { isCut[parent] = true }
                    }
                }
            }
            if rootChildren > 1 { isCut[root] = true }
        }
        return ((0..<n).filter { isCut[$0] }, bridges.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 })
    }
}
