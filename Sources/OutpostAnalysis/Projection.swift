import OutpostAlgorithms
import OutpostGraph

/// Which nodes a ``NetworkProjection`` links, and through which neighbours.
public enum ProjectionSelection: Hashable, Sendable {
    /// A dataset's entities of the `onto` kinds, linked by shared neighbours of the `via`
    /// kinds (empty: any neighbour not of an `onto` kind).
    case kinds(onto: [EntityKind], via: [EntityKind] = [])
    /// A plain graph's nodes whose attribute `name` is `value` (NetworkX's two-mode graphs
    /// mark a side with `bipartite=0`), linked by any shared neighbour.
    case attribute(name: String, value: String)

    /// What the projection shows, for a caption: "public-security-bureau linked by shared police-station".
    public var summary: String {
        switch self {
        case let .kinds(onto, via):
            let shared = via.isEmpty ? "neighbours" : via.map(\.rawValue).joined(separator: ", ")
            return "\(onto.map(\.rawValue).joined(separator: ", ")) linked by shared \(shared)"
        case let .attribute(name, value):
            return "nodes with \(name)=\(value) linked by shared neighbours"
        }
    }
}

/// Two projected nodes and the neighbours they share.
public struct ProjectedPair: Hashable, Sendable {
    /// The pair's ids, `a` the one with the lower node index.
    public var a: String
    public var b: String
    /// Their display names (``LoadedNetwork/name(of:)``).
    public var aName: String
    public var bName: String
    /// The number of distinct shared neighbours.
    public var weight: Int
    /// The shared neighbours' ids, in node order.
    public var shared: [String]
}

/// A weighted one-mode projection of a loaded network (NetworkX's
/// `bipartite.weighted_projected_graph`), as `outpost project` prints and writes it.
public struct NetworkProjection: Sendable {
    public var selection: ProjectionSelection
    /// The projection by node index of ``LoadedNetwork/graph``.
    public var projection: Projection
    /// The linked pairs, heaviest first, then by the ids of `a` and `b`.
    public var pairs: [ProjectedPair]
    /// The projection as a graph to export: every projected node (linked or not) with its
    /// label and attributes, one undirected edge per pair weighing its shared neighbours, with
    /// the attribute `shared` (their ids, space-separated).
    public var graph: Graph
}

extension LoadedNetwork {
    /// Links the nodes `selection` picks by the neighbours they share, reading relations either
    /// way (``GraphIndex/weightedProjection(onto:via:)``).
    /// - Throws: ``AnalysisError/projectionSelectionMismatch(dataset:)`` when a dataset is
    ///   selected by attribute or a plain graph by kind; ``AnalysisError/nothingToProject(_:)``
    ///   when the selection picks no node.
    /// - Complexity: O(Σ *d*(w)²) over the shared-neighbour candidates *w*.
    public func projection(_ selection: ProjectionSelection) throws -> NetworkProjection {
        let graph = self.graph
        let nodes = 0..<graph.nodeCount
        let onto: [Int]
        var via: Set<Int>?
        switch selection {
        case let .kinds(ontoKinds, viaKinds):
            guard isDataset else { throw AnalysisError.projectionSelectionMismatch(dataset: false) }
            func kind(_ v: Int, in kinds: [EntityKind]) -> Bool { kinds.contains { $0.rawValue == graph.nodeAttributes[v]["kind"] } }
            onto = nodes.filter { kind($0, in: ontoKinds) }
            if !viaKinds.isEmpty { via = Set(nodes.filter { kind($0, in: viaKinds) }) }
        case let .attribute(name, value):
            guard !isDataset else { throw AnalysisError.projectionSelectionMismatch(dataset: true) }
            onto = nodes.filter { graph.nodeAttributes[$0][name] == value }
        }
        if onto.isEmpty { throw AnalysisError.nothingToProject(selection.summary) }
        let projection = GraphIndex(graph).weightedProjection(onto: onto, via: via)
        let ids = graph.nodeIDs

        var out = Graph(directed: false)
        for v in projection.nodes { out.addNode(ids[v], label: graph.nodeLabels[v], attributes: graph.nodeAttributes[v]) }
        var pairs: [ProjectedPair] = []
        for (edge, shared) in zip(projection.edges, projection.shared) {
            let sharedIDs = shared.map { ids[$0] }
            out.addEdge(out.index(of: ids[edge.source])!, out.index(of: ids[edge.target])!, weight: edge.weight,
                        attributes: ["shared": sharedIDs.joined(separator: " ")])
            pairs.append(ProjectedPair(a: ids[edge.source], b: ids[edge.target], aName: graph.name(of: edge.source),
                                       bName: graph.name(of: edge.target), weight: Int(edge.weight), shared: sharedIDs))
        }
        pairs.sort { $0.weight != $1.weight ? $0.weight > $1.weight : ($0.a, $0.b) < ($1.a, $1.b) }
        return NetworkProjection(selection: selection, projection: projection, pairs: pairs, graph: out)
    }
}
