import OutpostGraph

/// The neighbourhood of a node: every node within a radius of it, and the edges among them.
public struct EgoGraph: Sendable, Codable, Equatable {
    public var center: Int
    public var radius: Double
    /// Node indices ordered by distance from the centre, then by index; the centre first.
    public var nodes: [Int]
    /// The distance of each node in ``nodes`` from the centre (hops, or summed weights).
    public var distances: [Double]
    /// The edges of the graph between two of the nodes (the induced subgraph), each once:
    /// for undirected graphs with `source ≤ target`, for directed graphs in their direction.
    public var edges: [WeightedEdge]
}

extension GraphIndex {
    /// The subgraph induced by the nodes within `radius` of `center`, as NetworkX's `ego_graph`
    /// with `center=True`.
    ///
    /// On a directed graph the distances follow out-edges (NetworkX's default); with
    /// `undirected`, edges count in both directions. Either way, the result holds *every* edge
    /// of the graph between two of its nodes, in its own direction — also edges between two
    /// nodes at the full radius, and edges against the direction of travel.
    ///
    /// - Parameters:
    ///   - center: the node index at the centre.
    ///   - radius: include nodes at distance ≤ radius (hops, or summed weights).
    ///   - weighted: measure distance by edge weights (≥ 0), as NetworkX's `distance=` argument.
    ///   - undirected: ignore edge direction when measuring distance (directed graphs only).
    /// - Returns: the nodes with their distances and the induced edges.
    /// - Throws: ``AlgorithmError`` when `weighted` and an edge weight is negative.
    /// - Complexity: O(*V*ₑ + *E*ₑ) unweighted, O((*V*ₑ + *E*ₑ) log *V*ₑ) weighted, where *V*ₑ
    ///   and *E*ₑ count the nodes reached and the edges leaving them; O(*V*) space.
    public func egoGraph(center: Int, radius: Double = 1, weighted: Bool = false, undirected: Bool = false) throws -> EgoGraph {
        if weighted { try checkWeightsFiniteAndNonNegative(for: "the ego graph") }
        var distance = [Double](repeating: .infinity, count: nodeCount)
        var reached: [Int] = []
        let bothWays = isDirected && undirected
        func forEachNeighbour(of u: Int, _ body: (Int, Double) -> Void) {
            for slot in offsets[u]..<offsets[u + 1] { body(Int(targets[slot]), weights[slot]) }
            if bothWays {
                for slot in inOffsets[u]..<inOffsets[u + 1] { body(Int(inSources[slot]), inWeights[slot]) }
            }
        }
        if radius >= 0 {
            distance[center] = 0
            if !weighted {
                var queue = [center]
                var head = 0
                while head < queue.count {
                    let u = queue[head]; head += 1
                    reached.append(u)
                    let next = distance[u] + 1
                    guard next <= radius else { continue }
                    forEachNeighbour(of: u) { v, _ in
                        if distance[v] == .infinity { distance[v] = next; queue.append(v) }
                    }
                }
            } else {
                var done = [Bool](repeating: false, count: nodeCount)
                var heap = DistanceHeap()
                heap.push(0, Int32(center))
                while !heap.isEmpty {
                    let (d, node) = heap.pop()
                    let u = Int(node)
                    if done[u] { continue }
                    done[u] = true
                    reached.append(u)
                    forEachNeighbour(of: u) { v, w in
                        let candidate = d + w
                        if !done[v] && candidate <= radius && candidate < distance[v] {
                            distance[v] = candidate
                            heap.push(candidate, Int32(v))
                        }
                    }
                }
            }
        }
        reached.sort { distance[$0] != distance[$1] ? distance[$0] < distance[$1] : $0 < $1 }
        var inside = [Bool](repeating: false, count: nodeCount)
        for v in reached { inside[v] = true }
        var edges: [WeightedEdge] = []
        for u in reached.sorted() {
            for slot in offsets[u]..<offsets[u + 1] {
                let v = Int(targets[slot])
                guard inside[v], isDirected || u <= v else { continue }
                edges.append(WeightedEdge(source: u, target: v, weight: weights[slot]))
            }
        }
        return EgoGraph(center: center, radius: radius, nodes: reached, distances: reached.map { distance[$0] }, edges: edges)
    }
}
