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

    /// Density as NetworkX's `density`: m / (n(n−1)) for directed graphs, 2m / (n(n−1)) for
    /// undirected ones (self-loops counted as edges); 0 for fewer than two nodes.
    public var density: Double {
        let n = Double(nodeCount)
        guard nodeCount > 1 else { return 0 }
        let m = Double(edgeCount)
        return isDirected ? m / (n * (n - 1)) : 2 * m / (n * (n - 1))
    }
}
