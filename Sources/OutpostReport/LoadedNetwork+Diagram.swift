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
        let styled = try view.map { try $0.diagram(options) } ?? graph.diagram(named: name, options)
        return NetworkDiagram(styled: styled, nodeCount: styled.allNodes.count - (styled.legend?.nodes.count ?? 0),
                              edgeCount: styled.edges.count, droppedEdgeCount: dropped)
    }

    /// A focused figure: the entities within `radius` hops of `center` (relations either
    /// way, as ``neighborhood(of:radius:undirected:)`` finds them) and the relations among
    /// them, styled as the whole network is, with its legend, the centre outlined in magenta
    /// and a caption that starts "Within *R* hops of *name*".
    /// - Parameters:
    ///   - center: an id, name or alias (``node(_:)``); the filters must keep it.
    ///   - radius: hops, 1 or more.
    ///   - options: the drawing's other options (title, edge labels, clusters…).
    /// - Throws: ``EntityLookupError``/``NodeLookupError`` for an unknown entity;
    ///   ``FocusError`` when the filters leave it out or the radius is below 1.
    public func focusDiagram(on center: String, radius: Int = 1, _ options: DiagramOptions = DiagramOptions(),
                             sizedBy measure: CentralityMeasure? = nil) throws -> NetworkDiagram {
        guard radius >= 1 else { throw FocusError.radius(radius) }
        let match = try node(center)
        guard let index = match.index else { throw FocusError.filteredOut(match.id) }
        let hood = try neighborhood(of: index, radius: radius, undirected: true)
        var options = options
        options.onlyNodes = Set(hood.nodes.map { graph.nodeIDs[$0] })
        options.center = match.id
        options.scope = "Within \(radius) hop\(radius == 1 ? "" : "s") of \(name(of: index))"
        if options.title == nil { options.title = name(of: index) }
        return try diagram(options, sizedBy: measure)
    }

    /// A figure of the paths a search found: their entities and relations in magenta, each
    /// path relation labelled with its type and status, and the entities next to the paths
    /// (within `context` hops of any of their nodes) drawn faded around them: for each entity
    /// on a path, at most `contextPerEntity` of them, those linked to the most path entities
    /// first (then the nearest, then in the network's order). A bureau on a path has dozens of
    /// stations; drawn all, they made the path a thread through a crowd.
    /// - Parameters:
    ///   - search: paths from ``findPaths(_:)`` on this network.
    ///   - context: hops of faded neighbours around the paths (0: the paths alone).
    ///   - contextPerEntity: how many faded neighbours each path entity brings at most.
    /// - Throws: ``FocusError/noPath(_:)`` (with the search's explanation) when it found none.
    public func pathDiagram(_ search: PathSearch, context: Int = 1, contextPerEntity: Int = 6,
                            _ options: DiagramOptions = DiagramOptions()) throws -> NetworkDiagram {
        guard !search.paths.isEmpty else {
            throw FocusError.noPath(search.noPath?.description ?? "no path joins \(search.from.id) and \(search.to.id)")
        }
        var onPaths = Set<Int>()
        var links: [(String, String)] = []
        for path in search.paths {
            onPaths.formUnion(path.nodeIndices)
            for (a, b) in zip(path.nodes, path.nodes.dropFirst()) { links.append((a, b)) }
        }
        var shown = onPaths
        if context > 0 {
            var near: [Int: [Int: Int]] = [:]  // path entity → context entity → distance
            for v in onPaths {
                let hood = try neighborhood(of: v, radius: context, undirected: true)
                for (k, u) in hood.nodes.enumerated() where !onPaths.contains(u) { near[v, default: [:]][u] = hood.distances[k] }
            }
            var touching: [Int: Int] = [:]  // context entity → how many path entities it is near
            for around in near.values { for u in around.keys { touching[u, default: 0] += 1 } }
            for v in onPaths.sorted() {
                let ranked = (near[v] ?? [:]).sorted { a, b in
                    (touching[a.key]!, -a.value, -a.key) > (touching[b.key]!, -b.value, -b.key)
                }
                shown.formUnion(ranked.prefix(max(0, contextPerEntity)).map(\.key))
            }
        }
        let from = search.from.index.map(name(of:)) ?? search.from.id
        let to = search.to.index.map(name(of:)) ?? search.to.id
        let hops = search.paths.map(\.length)
        let count = search.paths.count == 1 ? "the shortest path" : "\(search.paths.count) paths"
        let lengths = Set(hops).count == 1 ? "\(hops[0]) hop\(hops[0] == 1 ? "" : "s")" : "\(hops.min()!)–\(hops.max()!) hops"
        var options = options
        options.onlyNodes = Set(shown.map { graph.nodeIDs[$0] })
        options.emphasis = .init(nodes: Set(onPaths.map { graph.nodeIDs[$0] }), links: links,
                                 note: "magenta: \(count) (\(lengths)), each relation labelled with its type and status"
                                    + (context > 0 ? "; grey: up to \(contextPerEntity) entities within \(context) hop\(context == 1 ? "" : "s") of each, those nearest the paths" : ""))
        options.scope = "\(count.prefix(1).uppercased() + count.dropFirst()) from \(from) to \(to)"
        if options.title == nil { options.title = "\(from) → \(to)" }
        return try diagram(options)
    }
}

/// A focused figure that cannot be drawn.
public enum FocusError: Error, CustomStringConvertible, Sendable {
    case radius(Int)
    case filteredOut(String)
    case noPath(String)

    public var description: String {
        switch self {
        case let .radius(r): return "a neighbourhood needs a radius of 1 or more hops (got \(r))"
        case let .filteredOut(id): return "'\(id)' is not in the filtered network; loosen the filters to draw its neighbourhood"
        case let .noPath(why): return why
        }
    }
}
