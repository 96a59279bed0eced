import OutpostAlgorithms
import OutpostGraph

/// Everything within a few hops of one node (NetworkX's `ego_graph`), as `outpost ego` lists
/// and writes it.
public struct Neighborhood: Sendable {
    /// The centre's index in ``LoadedNetwork/graph``.
    public var center: Int
    /// The hops allowed.
    public var radius: Int
    /// The nodes within ``radius`` (the centre first), as indices of ``LoadedNetwork/graph``,
    /// with their distances in hops.
    public var nodes: [Int]
    public var distances: [Int]
    /// The nodes and every edge among them, ready for GraphML or CSV (``LoadedNetwork/exportable(_:)``).
    public var graph: Graph
    /// Edges of a plain graph the index left out (``LoadedNetwork/droppedEdgeCount(in:)``).
    public var droppedEdgeCount: Int
}

extension LoadedNetwork {
    /// The neighbourhood of `center`: the nodes within `radius` hops and every edge among them.
    ///
    /// Distances follow the loaded graph: relations either way, or in their stated direction
    /// (a directed plain graph: out-edges) when it was loaded directed.
    /// - Parameters:
    ///   - center: a node index of ``graph`` (``node(_:)`` finds one).
    ///   - radius: the hops allowed, 0 or more.
    ///   - undirected: on a directed graph, measure distance ignoring direction.
    /// - Throws: the errors of ``GraphIndex/egoGraph(center:radius:weighted:undirected:)``.
    /// - Complexity: O(*V* + *E*).
    public func neighborhood(of center: Int, radius: Int = 1, undirected: Bool = false) throws -> Neighborhood {
        let index = self.index()
        let ego = try index.egoGraph(center: center, radius: Double(radius), undirected: undirected)
        return Neighborhood(center: center, radius: radius, nodes: ego.nodes, distances: ego.distances.map { Int($0) },
                            graph: exportable(graph.induced(by: ego.nodes)), droppedEdgeCount: droppedEdgeCount(in: index))
    }
}
