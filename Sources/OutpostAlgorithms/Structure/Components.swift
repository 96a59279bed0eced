import OutpostGraph

extension GraphIndex {
    /// Connected components of an undirected graph, or weakly connected components of a
    /// directed one (edge direction ignored), as NetworkX's `connected_components` and
    /// `weakly_connected_components` define them.
    ///
    /// Union–find with path halving, each root the smallest node of its tree, in the two
    /// phases of Afforest (Sutton, Ben-Nun and Bar-Noy 2018): first each node is joined to its
    /// first two out-neighbours, which on most graphs already gathers nearly every node into
    /// one large component; then only the nodes outside that component read the rest of their
    /// rows (and, directed, their in-rows), because every edge with one end outside it is seen
    /// from that end. A breadth-first search instead reads every row once, in the order the
    /// search reaches them, at a cache miss a row.
    ///
    /// - Returns: for each node, the number of its component; components are numbered by
    ///   their smallest node index (0 for the component holding node 0).
    /// - Complexity: O(*V* + *E*) time (up to the inverse-Ackermann-like factor of path
    ///   halving), O(*V*) space.
    public func componentLabels() -> [Int32] {
        let n = nodeCount
        guard n > 0 else { return [] }
        let parent = RawBuffer(n, Int32(0))
        defer { parent.free() }
        for v in 0..<n { parent[v] = Int32(v) }
        @inline(__always) func find(_ x: Int32) -> Int32 {
            var x = x
            while true {
                let p = parent[Int(x)]
                if p == x { return x }
                let g = parent[Int(p)]
                parent[Int(x)] = g
                x = g
            }
        }
        // Joins the trees of a and b under the smaller root; returns that root.
        @inline(__always) func union(_ a: Int32, _ b: Int32) -> Int32 {
            let ra = find(a), rb = find(b)
            if ra < rb { parent[Int(rb)] = ra; return ra }
            if rb < ra { parent[Int(ra)] = rb }
            return rb
        }
        let directed = isDirected
        let sampled = 2
        withAdjacency { a in
            // Phase 1: the first `sampled` slots of every row, one slot position at a time.
            for k in 0..<sampled {
                for u in 0..<n {
                    let slot = a.offsets[u] + k
                    if slot < a.offsets[u + 1] { _ = union(Int32(u), a.targets[slot]) }
                }
            }
            // The component most nodes joined, from an even sample of nodes' roots.
            let step = max(1, n / 1024)
            var votes: [Int32: Int] = [:]
            for v in stride(from: 0, to: n, by: step) { votes[find(Int32(v)), default: 0] += 1 }
            var large = votes.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }!.key
            // Phase 2: every other node joins the rest of its neighbours. `large` follows its
            // root, which moves when the component joins one with a smaller node.
            for u in 0..<n where find(Int32(u)) != large {
                let root = Int32(u)
                for slot in (a.offsets[u] + sampled)..<max(a.offsets[u] + sampled, a.offsets[u + 1]) {
                    let r = union(root, a.targets[slot])
                    if find(large) != large { large = r }
                }
                if directed {
                    for slot in a.inOffsets[u]..<a.inOffsets[u + 1] {
                        let r = union(root, a.inSources[slot])
                        if find(large) != large { large = r }
                    }
                }
            }
        }
        // Roots are their components' smallest nodes, so a root comes before its members and
        // numbering roots in index order numbers the components as documented.
        var label = [Int32](repeating: -1, count: n)
        var next: Int32 = 0
        label.withMutableRawBuffer { label in
            for v in 0..<n {
                let r = Int(find(Int32(v)))
                if r == v { label[v] = next; next += 1 } else { label[v] = label[r] }
            }
        }
        return label
    }

    /// The (weakly) connected components as lists of node indices, largest first, ties by
    /// smallest member; members ascending.
    public func connectedComponents() -> [[Int]] {
        let labels = componentLabels()
        let count = Int((labels.max() ?? -1) + 1)
        var size = [Int](repeating: 0, count: count)
        for c in labels { size[Int(c)] += 1 }
        // Labels already number the components by smallest member: order them by size only.
        let order = (0..<count).sorted { size[$0] != size[$1] ? size[$0] > size[$1] : $0 < $1 }
        var position = [Int](repeating: 0, count: count)
        var groups: [[Int]] = []
        groups.reserveCapacity(count)
        for (i, c) in order.enumerated() {
            position[c] = i
            groups.append([]); groups[i].reserveCapacity(size[c])
        }
        for (v, c) in labels.enumerated() { groups[position[Int(c)]].append(v) }
        return groups
    }

    /// Density as NetworkX's `density`: m / (n(n−1)) for directed graphs, 2m / (n(n−1)) for
    /// undirected ones (self-loops counted as edges); 0 for fewer than two nodes.
    public var density: Double {
        let n = Double(nodeCount)
        guard nodeCount > 1 else { return 0 }
        let m = Double(edgeCount)
        return isDirected ? m / (n * (n - 1)) : 2 * m / (n * (n - 1))
    }
}
