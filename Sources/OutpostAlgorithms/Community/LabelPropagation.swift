import OutpostGraph

extension GraphIndex {
    /// Communities by semi-synchronous label propagation (Cordasco & Gargano 2011), exactly as
    /// NetworkX's `label_propagation_communities`: deterministic, no seed.
    ///
    /// The nodes are coloured greedily, largest degree first (NetworkX's `greedy_color` with
    /// its default `largest_first` strategy; ties in index order), so no two neighbours share a
    /// colour. Every node starts with its own label (its index). Colour by colour, in
    /// increasing order, each node takes the label most frequent among its neighbours; among
    /// several, it keeps its own if that is one of them and otherwise takes the largest
    /// (Prec-Max). Rounds repeat until every node with neighbours holds one of its most
    /// frequent neighbour labels. Nodes of one colour are never adjacent, so the order within
    /// a colour does not matter and the result matches NetworkX's exactly for the same node
    /// order.
    ///
    /// - Direction: NetworkX refuses directed graphs; here a directed graph is read as
    ///   undirected (a node's neighbours are its in- and out-neighbours).
    /// - Weights: ignored by the propagation, as in NetworkX (each neighbour counts once);
    ///   `weighted` only says how the reported modularity is computed.
    /// - Disconnected graphs: labels never cross components; an isolated node is its own
    ///   community. A self-loop makes a node count its own label once.
    /// - Parameter weighted: compute the returned modularity with edge weights.
    /// - Returns: the communities and their modularity (γ = 1).
    /// - Complexity: O(*E*) time per round, O(*V* + *E*) space; the number of rounds is small
    ///   in practice.
    public func labelPropagationCommunities(weighted: Bool = true) -> Partition {
        let n = nodeCount
        // Undirected neighbour rows (a self-loop once), as NetworkX's G[node].
        var rowStart = offsets, rowTargets = targets
        if isDirected {
            rowStart = [Int](repeating: 0, count: n + 1)
            rowTargets = []
            for u in 0..<n {
                var i = offsets[u], j = inOffsets[u]
                while i < offsets[u + 1] || j < inOffsets[u + 1] {
                    let a = i < offsets[u + 1] ? targets[i] : Int32.max
                    let b = j < inOffsets[u + 1] ? inSources[j] : Int32.max
                    let v = min(a, b)
                    rowTargets.append(v)
                    if a == v { i += 1 }
                    if b == v { j += 1 }
                }
                rowStart[u + 1] = rowTargets.count
            }
        }
        // Greedy colouring, largest degree first (a self-loop counts twice in the degree).
        var degree = [Int](repeating: 0, count: n)
        for u in 0..<n {
            degree[u] = rowStart[u + 1] - rowStart[u]
            for slot in rowStart[u]..<rowStart[u + 1] where Int(rowTargets[slot]) == u { degree[u] += 1 }
        }
        let byDegree = (0..<n).sorted { degree[$0] != degree[$1] ? degree[$0] > degree[$1] : $0 < $1 }
        var color = [Int](repeating: -1, count: n)
        var colorUsed = [Int](repeating: -1, count: n + 1)
        var colorCount = 0
        for u in byDegree {
            for slot in rowStart[u]..<rowStart[u + 1] {
                let c = color[Int(rowTargets[slot])]
                if c >= 0 { colorUsed[c] = u }
            }
            var c = 0
            while colorUsed[c] == u { c += 1 }
            color[u] = c
            colorCount = max(colorCount, c + 1)
        }
        var classes = [[Int]](repeating: [], count: colorCount)
        for u in 0..<n { classes[color[u]].append(u) }

        var label = (0..<n).map(Int32.init)
        var frequency = [Int](repeating: 0, count: n)
        var touched: [Int32] = []
        // Calls `body` with the labels of maximal frequency among u's neighbours.
        func mostFrequent(_ u: Int, _ body: ([Int32]) -> Void) {
            var best = 0
            for slot in rowStart[u]..<rowStart[u + 1] {
                let l = label[Int(rowTargets[slot])]
                if frequency[Int(l)] == 0 { touched.append(l) }
                frequency[Int(l)] += 1
                best = max(best, frequency[Int(l)])
            }
            let top = touched.filter { frequency[Int($0)] == best }
            for l in touched { frequency[Int(l)] = 0 }
            touched.removeAll(keepingCapacity: true)
            body(top)
        }
        func complete() -> Bool {
            for u in 0..<n where rowStart[u + 1] > rowStart[u] {
                var holds = false
                mostFrequent(u) { holds = $0.contains(label[u]) }
                if !holds { return false }
            }
            return true
        }
        while !complete() {
            for members in classes {
                for u in members where rowStart[u + 1] > rowStart[u] {
                    mostFrequent(u) { top in
                        if top.count == 1 { label[u] = top[0] }
                        else if !top.contains(label[u]) { label[u] = top.max()! }
                    }
                }
            }
        }
        return Partition(labels: label, modularity: modularity(of: label, weighted: weighted))
    }
}
