import OutpostGraph

extension GraphIndex {
    /// Connected components of an undirected graph, or weakly connected components of a
    /// directed one (edge direction ignored), as NetworkX's `connected_components` and
    /// `weakly_connected_components` define them.
    ///
    /// - Returns: for each node, the number of its component; components are numbered by
    ///   their smallest node index (0 for the component holding node 0).
    /// - Complexity: O(*V* + *E*) time, O(*V*) space.
    public func componentLabels() -> [Int32] {
        var label = [Int32](repeating: -1, count: nodeCount)
        var stack: [Int32] = []
        var next: Int32 = 0
        for start in 0..<nodeCount where label[start] < 0 {
            label[start] = next
            stack.append(Int32(start))
            while let v = stack.popLast() {
                let node = Int(v)
                for u in neighbours(of: node) where label[Int(u)] < 0 {
                    label[Int(u)] = next
                    stack.append(u)
                }
                if isDirected {
                    for u in inNeighbours(of: node) where label[Int(u)] < 0 {
                        label[Int(u)] = next
                        stack.append(u)
                    }
                }
            }
            next += 1
        }
        return label
    }

    /// The (weakly) connected components as lists of node indices, largest first, ties by
    /// smallest member; members ascending.
    public func connectedComponents() -> [[Int]] {
        let labels = componentLabels()
        var groups = [[Int]](repeating: [], count: Int((labels.max() ?? -1) + 1))
        for (v, c) in labels.enumerated() { groups[Int(c)].append(v) }
        return groups.sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
    }

    /// The nodes of every (weakly) connected component, as ``componentLabels()`` numbers them.
    func componentMembers() -> ComponentMembers { ComponentMembers(self, labels: componentLabels()) }

    /// Density as NetworkX's `density`: m / (n(n−1)) for directed graphs, 2m / (n(n−1)) for
    /// undirected ones (self-loops counted as edges); 0 for fewer than two nodes.
    public var density: Double {
        let n = Double(nodeCount)
        guard nodeCount > 1 else { return 0 }
        let m = Double(edgeCount)
        return isDirected ? m / (n * (n - 1)) : 2 * m / (n * (n - 1))
    }
}

/// The members of each (weakly) connected component side by side: component c holds
/// `members[start[c]..<start[c + 1]]`, ascending, and its members have `slots[c]` out-edge
/// slots in all. What a search from one node can reach lies inside its component, so searches
/// that scan the nodes not reached yet scan only these.
struct ComponentMembers {
    let labels: [Int32]
    let start: [Int]
    let members: [Int32]
    let slots: [Int]

    init(_ index: GraphIndex, labels: [Int32]) {
        let count = Int((labels.max() ?? -1) + 1)
        var start = [Int](repeating: 0, count: count + 1)
        var slots = [Int](repeating: 0, count: count)
        for v in 0..<index.nodeCount {
            let c = Int(labels[v])
            start[c + 1] += 1
            slots[c] += index.offsets[v + 1] - index.offsets[v]
        }
        for c in 0..<count { start[c + 1] += start[c] }
        var cursor = start
        var members = [Int32](repeating: 0, count: index.nodeCount)
        for v in 0..<index.nodeCount {
            let c = Int(labels[v]); members[cursor[c]] = Int32(v); cursor[c] += 1
        }
        self.labels = labels; self.start = start; self.members = members; self.slots = slots
    }

    /// Where node v's component lies in `members`.
    func range(of v: Int) -> Range<Int> {
        let c = Int(labels[v])
        return start[c]..<start[c + 1]
    }
}
