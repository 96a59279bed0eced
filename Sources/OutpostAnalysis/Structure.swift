import OutpostAlgorithms
import OutpostGraph

/// The structure of a loaded network, as `outpost structure` lists it: components, cut
/// points, clustering, density and diameter, each with NetworkX's definition.
///
/// Node lists hold ids, sorted; components are largest first (``GraphIndex/connectedComponents()``).
public struct StructureSummary: Hashable, Sendable {
    /// Whether the graph was read as directed.
    public var isDirected: Bool
    /// Nodes and distinct linked pairs (parallel edges merged).
    public var nodeCount: Int
    public var edgeCount: Int
    /// NetworkX's `density`.
    public var density: Double
    /// Connected components (weakly connected for a directed graph), member ids sorted,
    /// largest first.
    public var components: [[String]]
    /// Strongly connected components of a directed graph, as ``components``; for an
    /// undirected graph the same as ``components``.
    public var strongComponents: [[String]]
    /// Nodes whose removal splits a component (on the undirected graph), in node order.
    public var articulationPoints: [String]
    /// Links whose removal splits a component (on the undirected graph), as pairs of ids in
    /// node order.
    public var bridges: [[String]]
    /// Each node's clustering coefficient by id (Fagiolo's definition for a directed graph).
    public var clustering: [String: Double]
    /// The mean of ``clustering`` (NetworkX's `average_clustering`); 0 for an empty graph.
    public var averageClustering: Double
    /// The diameter, in edges, of the largest connected (directed: strongly connected) component.
    public var diameterOfLargestComponent: Int
    /// Edges of a plain graph the index left out (``LoadedNetwork/droppedEdgeCount(in:)``).
    public var droppedEdgeCount: Int

    /// Node ids sorted, the order in which ``clustering`` is listed.
    public var nodeIDs: [String] { clustering.keys.sorted() }
    /// The number of nodes in the largest component; 0 for an empty graph.
    public var largestComponent: Int { components.first?.count ?? 0 }
}

extension LoadedNetwork {
    /// Pulls the structural measures together, as `outpost structure` does with the same input.
    ///
    /// They run on ``index(_:)``: a dataset's parallel relations make one link, a plain graph's
    /// repeated pair one edge. Articulation points and bridges read a directed graph as undirected.
    /// - Returns: components, articulation points, bridges, clustering, density and diameter.
    /// - Complexity: O(*V*·*E*) for the diameter; the other measures are O(*V* + *E*) or, for
    ///   clustering, O(*V*·*d*²) with *d* the largest degree.
    public func structure() -> StructureSummary {
        let index = self.index()
        let ids = index.ids
        func idList(_ list: [Int]) -> [String] { list.map { ids[$0] }.sorted() }
        let weak = index.connectedComponents()
        let strong = index.isDirected ? index.stronglyConnectedComponents() : weak
        let (points, bridges) = index.articulationPointsAndBridges()
        let clustering = index.clustering()
        let average = clustering.isEmpty ? 0 : clustering.reduce(0, +) / Double(clustering.count)
        return StructureSummary(
            isDirected: index.isDirected, nodeCount: index.nodeCount, edgeCount: index.edgeCount, density: index.density,
            components: weak.map(idList), strongComponents: strong.map(idList), articulationPoints: points.map { ids[$0] },
            bridges: bridges.map { [ids[$0.0], ids[$0.1]] },
            clustering: Dictionary(uniqueKeysWithValues: zip(ids, clustering)),
            averageClustering: average, diameterOfLargestComponent: index.diameterOfLargestComponent(),
            droppedEdgeCount: droppedEdgeCount(in: index))
    }
}
