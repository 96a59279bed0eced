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
        let undirected = UndirectedView(self)
        let rowStart = undirected.offsets, rowTargets = undirected.targets
        // Greedy colouring, largest degree first (a self-loop counts twice in the degree).
        let degree = (0..<n).map(undirected.degree(of:))
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

        // Raw scratch, and a summary of the most frequent labels instead of a list of them: the
        // loops below run once per node and round, and allocated an array on every call.
        let label = RawBuffer(n, Int32(0)), frequency = RawBuffer(n, 0), touched = RawBuffer(n, Int32(0))
        defer { label.free(); frequency.free(); touched.free() }
        for u in 0..<n { label[u] = Int32(u) }
        // The labels of maximal frequency among u's neighbours: how many there are, the
        // largest of them, and whether u's own label is one.
        func mostFrequent(_ u: Int) -> (count: Int, largest: Int32, holdsOwn: Bool) {
            var best = 0, touchedCount = 0
            for slot in rowStart[u]..<rowStart[u + 1] {
                let l = Int(label[Int(rowTargets[slot])])
                if frequency[l] == 0 { touched[touchedCount] = Int32(l); touchedCount += 1 }
                frequency[l] += 1
                best = max(best, frequency[l])
            }
            let own = label[u]
            var count = 0, largest = Int32.min, holdsOwn = false
            for t in 0..<touchedCount {
                let l = touched[t]
                if frequency[Int(l)] == best {
                    count += 1
                    largest = max(largest, l)
                    if l == own { holdsOwn = true }
                }
                frequency[Int(l)] = 0
            }
            return (count, largest, holdsOwn)
        }
        func complete() -> Bool {
            for u in 0..<n where rowStart[u + 1] > rowStart[u] {
                if !mostFrequent(u).holdsOwn { return false }
            }
            return true
        }
        while !complete() {
            for members in classes {
                for u in members where rowStart[u + 1] > rowStart[u] {
                    let top = mostFrequent(u)
                    // One most frequent label: take it; several: keep one's own if it is
                    // among them, else take the largest (Prec-Max).
                    if top.count == 1 || !top.holdsOwn { label[u] = top.largest }
                }
            }
        }
        let labels = label.array
        return Partition(labels: labels, modularity: modularity(of: labels, weighted: weighted))
    }
}
