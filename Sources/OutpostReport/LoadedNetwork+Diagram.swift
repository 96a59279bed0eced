import OutpostAlgorithms
import OutpostAnalysis
import OutpostGraph
import OutpostRender

/// A loaded network as a styled diagram, with how much of the network it draws.
public struct NetworkDiagram: Hashable, Sendable {
    /// The diagram, ready for ``DOTWriter`` and ``GraphvizRenderer``.
    public var styled: StyledGraph
    /// Entities (nodes) and relations (edges) drawn.
    public var nodeCount: Int
    public var edgeCount: Int
    /// Edges of a plain graph the index behind the sizes or communities left out
    /// (``LoadedNetwork/droppedEdgeCount(in:)``); 0 when neither was asked for.
    public var droppedEdgeCount: Int
}

extension LoadedNetwork {
    /// Draws the network as `outpost render` and the report do: a dataset's view
    /// (``DatasetView/diagram(_:)``) or a plain graph named after ``name``
    /// (``Graph/diagram(named:_:)``).
    ///
    /// - Parameters:
    ///   - options: the drawing's options; `sizeBy`, `colorBy` and `communities` are set from
    ///     the next two parameters when they are given.
    ///   - measure: scale nodes by this measure: `.degree` by the links drawn, any other by
    ///     ``centrality(_:_:)`` with its defaults.
    ///   - coloredByCommunity: fill nodes by their Leiden community, with `outpost communities`'
    ///     defaults (``communities(using:weightAttribute:weighted:maximumIterations:modularityResolution:)``),
    ///     so the colours match its table.
    /// - Throws: ``DiagramError`` when an option cannot be honoured; the measure's errors.
    public func diagram(_ options: DiagramOptions = DiagramOptions(), sizedBy measure: CentralityMeasure? = nil,
                        coloredByCommunity: Bool = false) throws -> NetworkDiagram {
        var options = options
        var dropped = 0
        switch measure {
        case nil: break
        case .degree?: options.sizeBy = .degree
        case let measure?:
            let result = try centrality(measure)
            options.sizeBy = .scores(name: measure == .pagerank ? "PageRank" : measure.rawValue, values: result.scores.scores)
            dropped = result.droppedEdgeCount
        }
        if coloredByCommunity {
            let found = try communities()
            options.colorBy = .community
            options.communities = found.partition.labels.map(Int.init)
            dropped = found.droppedEdgeCount
        }
        if let view {
            return NetworkDiagram(styled: try view.diagram(options), nodeCount: view.entityIndices.count,
                                  edgeCount: view.relationIndices.count, droppedEdgeCount: dropped)
        }
        return NetworkDiagram(styled: try graph.diagram(named: name, options), nodeCount: graph.nodeCount,
                              edgeCount: graph.edgeCount, droppedEdgeCount: dropped)
    }
}
