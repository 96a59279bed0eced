import OutpostGraph

/// A division of a graph's nodes into communities, with its modularity.
///
/// Communities are numbered `0..<count`, largest first, ties broken by smallest member index;
/// `labels[v]` is the community of node `v` and `communities[c]` lists the members of `c` in
/// ascending index order. The numbering depends only on the division, not on the algorithm
/// that found it, so two partitions compare equal exactly when they group the nodes alike.
public struct Partition: Sendable, Codable, Equatable {
    /// Community of each node, indexed like the graph's nodes.
    public let labels: [Int32]
    /// Members of each community, ascending.
    public let communities: [[Int]]
    /// Modularity of the partition, as ``OutpostGraph/GraphIndex/modularity(of:resolution:weighted:)``
    /// computes it with the resolution and weighting the algorithm used.
    public let modularity: Double

    /// Number of communities.
    public var count: Int { communities.count }

    /// Canonicalises arbitrary labels (any integers, one per node) into the numbering above.
    public init(labels rawLabels: [Int32], modularity: Double) {
        let groups: [[Int]]
        if rawLabels.allSatisfy({ $0 >= 0 && Int($0) < rawLabels.count }) {
            // The algorithms' labels: buckets by label, no hashing.
            var buckets = [[Int]](repeating: [], count: rawLabels.count)
            for (v, c) in rawLabels.enumerated() { buckets[Int(c)].append(v) }
            groups = buckets.filter { !$0.isEmpty }
        } else {
            var byLabel: [Int32: [Int]] = [:]
            for (v, c) in rawLabels.enumerated() { byLabel[c, default: []].append(v) }
            groups = Array(byLabel.values)
        }
        // Groups are disjoint, so this order is total: the result does not depend on the above.
        let sorted = groups.sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
        var labels = [Int32](repeating: 0, count: rawLabels.count)
        for (c, members) in sorted.enumerated() { for v in members { labels[v] = Int32(c) } }
        self.labels = labels
        self.communities = sorted
        self.modularity = modularity
    }
}

extension GraphIndex {
    /// Modularity of a partition (Newman & Girvan 2004; Newman 2006), as NetworkX's
    /// `nx.community.modularity` computes it.
    ///
    /// For an undirected graph, Q = Σ_c [ L_c / m − γ (d_c / 2m)² ], where L_c is the total weight
    /// of edges inside community c, d_c the sum of its members' degrees and m the total edge
    /// weight. A self-loop counts once in L_c and m and twice in its node's degree, as NetworkX
    /// counts it. For a directed graph, Q = Σ_c [ L_c / m − γ d⁺_c d⁻_c / m² ] with out- and
    /// in-degree sums (Leicht & Newman 2008); a self-loop counts once everywhere.
    ///
    /// - Parameters:
    ///   - partition: the community of each node (any integers; equal values mean the same
    ///     community). Must have `nodeCount` entries.
    ///   - resolution: γ; below 1 favours larger communities, above 1 smaller ones.
    ///   - weighted: use edge weights; when false every edge weighs 1 (NetworkX's `weight=None`).
    /// - Returns: Q, between −1/2 and 1 for γ = 1; 0 for a graph without edges (where NetworkX
    ///   divides by zero).
    /// - Complexity: O(*V* + *E*) time, O(*V*) space.
    public func modularity(of partition: [Int32], resolution: Double = 1, weighted: Bool) -> Double {
        precondition(partition.count == nodeCount, "a partition needs one label per node")
        // Compact the labels so per-community sums live in arrays.
        var compact = [Int32](repeating: 0, count: nodeCount)
        var numbering: [Int32: Int32] = [:]
        for v in 0..<nodeCount {
            let label = partition[v]
            if let c = numbering[label] { compact[v] = c } else {
                let c = Int32(numbering.count); numbering[label] = c; compact[v] = c
            }
        }
        let k = numbering.count
        var inside = [Double](repeating: 0, count: k)
        var outSum = [Double](repeating: 0, count: k)
        var inSum = [Double](repeating: 0, count: k)
        var total = 0.0
        for u in 0..<nodeCount {
            let cu = Int(compact[u])
            for slot in offsets[u]..<offsets[u + 1] {
                let v = Int(targets[slot])
                let w = weighted ? weights[slot] : 1
                if isDirected {
                    outSum[cu] += w
                    inSum[Int(compact[v])] += w
                    total += w
                    if compact[v] == compact[u] { inside[cu] += w }
                } else if v == u {
                    outSum[cu] += 2 * w
                    total += 2 * w
                    inside[cu] += w
                } else {
                    outSum[cu] += w
                    total += w
                    if compact[v] == compact[u] { inside[cu] += w / 2 }
                }
            }
        }
        if !isDirected { inSum = outSum }
        guard total > 0 else { return 0 }
        // Directed: total is m. Undirected: total is the degree sum 2m.
        let m = isDirected ? total : total / 2
        let norm = 1 / (total * total)
        var q = 0.0
        for c in 0..<k { q += inside[c] / m - resolution * outSum[c] * inSum[c] * norm }
        return q
    }

    /// Modularity of a partition given as lists of member indices; every node must be in
    /// exactly one list. Same definition as the overload taking one label per node.
    public func modularity(of communities: [[Int]], resolution: Double = 1, weighted: Bool) -> Double {
        var labels = [Int32](repeating: -1, count: nodeCount)
        for (c, members) in communities.enumerated() {
            for v in members {
                precondition(labels[v] < 0, "node \(v) is in more than one community")
                labels[v] = Int32(c)
            }
        }
        precondition(!labels.contains(-1), "every node must be in a community")
        return modularity(of: labels, resolution: resolution, weighted: weighted)
    }
}
