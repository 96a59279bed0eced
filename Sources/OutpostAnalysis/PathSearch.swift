import OutpostAlgorithms
import OutpostGraph

/// A question about how two nodes are connected: which paths, costed how, through what.
public struct PathQuery: Hashable, Sendable {
    /// Which paths to list.
    public enum Selection: Hashable, Sendable {
        /// One shortest (or cheapest) path.
        case shortest
        /// Every shortest path, up to `limit` of them.
        case allShortest(limit: Int = 10_000)
        /// The `k` cheapest simple paths in order of cost (Yen's algorithm).
        case cheapest(Int)
    }

    /// What a hop costs.
    public enum Cost: Hashable, Sendable {
        /// Every hop costs 1: the fewest hops.
        case hops
        /// A dataset's hop costs its best-established relation (``PathQuery/statusCost``), so
        /// the cheapest path leans on the firmest evidence.
        case evidenceStatus
        /// A plain graph's hop costs this numeric edge attribute (`weight`: the edge weight).
        case attribute(String)
    }

    /// Where the path starts: an id, name, alias or label (``LoadedNetwork/node(_:)``).
    public var from: String
    /// Where the path ends.
    public var to: String
    public var selection: Selection
    public var cost: Cost
    /// Nodes the path may not pass through (ids, names, aliases or labels).
    public var avoiding: [String]
    /// Pass only through nodes with at most this many distinct neighbours (leaves out hubs).
    public var maximumDegree: Int?
    /// Follow relations in their stated direction (true) or either way (false); nil: as the
    /// network was loaded.
    public var directed: Bool?

    public init(from: String, to: String, selection: Selection = .shortest, cost: Cost = .hops,
                avoiding: [String] = [], maximumDegree: Int? = nil, directed: Bool? = nil) {
        self.from = from
        self.to = to
        self.selection = selection
        self.cost = cost
        self.avoiding = avoiding
        self.maximumDegree = maximumDegree
        self.directed = directed
    }

    /// What a hop costs under ``Cost/evidenceStatus``: confirmed 1, reported 2, disputed 3, denied 4.
    public static let statusCost: [EvidenceStatus: Double] = [.confirmed: 1, .reported: 2, .disputed: 3, .denied: 4]
}

/// The answer to a ``PathQuery``: the paths found, or why there is none.
public struct PathSearch: Sendable {
    public var query: PathQuery
    /// The start and end nodes the query named.
    public var from: NodeMatch
    public var to: NodeMatch
    /// The ids of the nodes the path avoided.
    public var avoided: [String]
    /// Whether the search followed relations (or edges) in their direction.
    public var isDirected: Bool
    /// The paths, in order of cost; empty when there is none.
    public var paths: [EvidencePath]
    /// True when ``PathQuery/Selection/allShortest(limit:)`` stopped at its limit.
    public var reachedLimit: Bool
    /// Why there is no path, and whether lifting the restrictions gives one; nil when a path was found.
    public var noPath: NoPathExplanation?
}

/// A restriction a path search can lift to find a path.
public enum PathRestriction: String, Hashable, Sendable, CaseIterable {
    /// The dataset filter.
    case filter
    /// The nodes the path had to avoid.
    case avoiding
    /// The largest degree of the nodes the path may pass through.
    case maximumDegree
}

/// Why a ``PathQuery`` found no path, and what would give one.
public struct NoPathExplanation: Hashable, Sendable {
    public var from: String
    public var to: String
    /// True when a dataset's relations were followed in their stated direction only.
    public var followedStatedDirection: Bool
    /// The restrictions in force, in the order filter, avoiding, maximum degree.
    public var restrictions: [PathRestriction]
    /// Each restriction in words ("filters: layer: network; confirmed only", "avoiding a, b",
    /// "max degree 3"), in the order of ``restrictions``.
    public var restrictionDescriptions: [String]
    /// The start or end ids the filter left out of the network.
    public var missing: [String]
    /// When there were restrictions: the ids of a shortest path with all of them lifted (the
    /// whole input, same direction), or nil when even then no path joins the two.
    public var pathWithoutRestrictions: [String]?
    /// When following stated directions found nothing (and lifting restrictions did not help):
    /// a shortest path through the whole input read either way, or nil.
    public var pathIgnoringDirection: [String]?

    /// The explanation in words, one line per finding, naming no command-line option.
    public var description: String {
        var message = "no path from \(from) to \(to)"
        if followedStatedDirection { message += " following relations in their stated direction" }
        if !restrictionDescriptions.isEmpty { message += " (\(restrictionDescriptions.joined(separator: "; ")))" }
        var lines = [message] + missing.map { "\($0) is not in the filtered network" }
        if !restrictions.isEmpty {
            let lifted = NoPathExplanation.list(restrictions.map(\.liftedName))
            lines.append(pathWithoutRestrictions.map { "with \(lifted) lifted there is a path of \(NoPathExplanation.hops($0))" }
                         ?? "even with \(lifted) lifted, no path joins them")
        }
        if let any = pathIgnoringDirection {
            lines.append("ignoring direction (and any filters) there is a path of \(NoPathExplanation.hops(any))")
        }
        return lines.joined(separator: "\n")
    }

    /// "2 hops: a → b → c".
    public static func hops(_ ids: [String]) -> String {
        "\(ids.count - 1) hop\(ids.count == 2 ? "" : "s"): \(ids.joined(separator: " → "))"
    }

    /// "a", "a and b", "a, b and c".
    public static func list(_ words: [String]) -> String {
        words.count > 1 ? words.dropLast().joined(separator: ", ") + " and " + words.last! : words.joined()
    }
}

extension PathRestriction {
    var liftedName: String {
        switch self {
        case .filter: return "the filters"
        case .avoiding: return "the avoided nodes"
        case .maximumDegree: return "the maximum degree"
        }
    }
}

extension LoadedNetwork {
    /// Finds paths between two nodes, with the evidence for every hop, or says why there is none.
    ///
    /// The search runs on ``graph`` (read with ``PathQuery/directed`` when given): unweighted
    /// breadth-first for ``PathQuery/Cost/hops``, Dijkstra otherwise. Every hop lists each
    /// relation joining the pair in dataset order (``Hop/links``). When no path is found,
    /// ``PathSearch/noPath`` says which restrictions applied and searches again without them
    /// (``unrestrictedPath(from:to:directed:)``), and, for a dataset followed in stated
    /// direction, ignoring direction.
    ///
    /// - Throws: ``EntityLookupError``/``NodeLookupError`` for a query that names no node;
    ///   ``AnalysisError`` for a cost the input cannot give or an avoided endpoint;
    ///   ``DiagnosticsError`` for a plain graph's attribute that is missing or not a number.
    /// - Complexity: O(*V* + *E*) per shortest path unweighted, O(*E* + *V*·log *V*) weighted;
    ///   Yen's algorithm repeats that O(*k*·*V*) times.
    public func findPaths(_ query: PathQuery) throws -> PathSearch {
        let network = query.directed.map(redirected) ?? self
        let source = try network.node(query.from), target = try network.node(query.to)
        var constraints = PathConstraints(maximumDegree: query.maximumDegree)
        var avoided: [String] = []
        for name in query.avoiding {
            let node = try network.node(name)
            if node.id == source.id || node.id == target.id { throw AnalysisError.avoidsEndpoint(name) }
            avoided.append(node.id)
            if let index = node.index { constraints.avoiding.insert(index) }
        }
        let index = network.index(try network.searchGraph(query.cost))
        let weighted = query.cost != .hops
        var paths: [Path] = []
        var reachedLimit = false
        if let s = source.index, let t = target.index {
            switch query.selection {
            case let .allShortest(limit):
                paths = try index.allShortestPaths(from: s, to: t, weighted: weighted, avoiding: constraints, limit: limit)
                reachedLimit = paths.count == limit
            case let .cheapest(k):
                paths = try index.shortestSimplePaths(from: s, to: t, k: k, weighted: weighted, avoiding: constraints)
            case .shortest:
                paths = try index.shortestPath(from: s, to: t, weighted: weighted, avoiding: constraints).map { [$0] } ?? []
            }
        }
        let evidence = HopEvidence(network)
        var search = PathSearch(query: query, from: source, to: target, avoided: avoided, isDirected: network.graph.isDirected,
                                paths: paths.map(evidence.path), reachedLimit: reachedLimit, noPath: nil)
        if paths.isEmpty {
            search.noPath = try network.explainNoPath(from: source, to: target, avoided: avoided, maximumDegree: query.maximumDegree)
        }
        return search
    }

    /// The graph to search with the requested costs; node indices are those of ``graph``.
    func searchGraph(_ cost: PathQuery.Cost) throws -> Graph {
        switch (cost, dataset) {
        case (.hops, _): return graph
        case let (.attribute(name), nil): return name == "weight" ? graph : try graph.reweighted(by: name)
        case let (.attribute(name), _?): throw AnalysisError.numericCostOnDataset(name)
        case (.evidenceStatus, nil): throw AnalysisError.statusCostOnPlainGraph
        case let (.evidenceStatus, dataset?):
            var out = Graph(directed: graph.isDirected)
            for v in 0..<graph.nodeCount { out.addNode(graph.nodeIDs[v]) }
            // One edge per pair, costed by its best-established relation.
            var best: [Int64: Double] = [:]
            var order: [Int64] = []
            for e in 0..<graph.edgeCount {
                var u = Int64(graph.edgeSources[e]), v = Int64(graph.edgeTargets[e])
                if !graph.isDirected && u > v { swap(&u, &v) }
                guard let r = graph.relation(ofEdge: e), let cost = PathQuery.statusCost[dataset.relations[r].status] else { continue }
                let key = u << 32 | v
                if let current = best[key] { best[key] = min(current, cost) } else { best[key] = cost; order.append(key) }
            }
            for key in order { out.addEdge(Int(key >> 32), Int(key & 0xFFFF_FFFF), weight: best[key]!) }
            return out
        }
    }

    func explainNoPath(from source: NodeMatch, to target: NodeMatch, avoided: [String], maximumDegree: Int?) throws -> NoPathExplanation {
        var restrictions: [PathRestriction] = [], words: [String] = []
        if let view, !view.filter.isEmpty { restrictions.append(.filter); words.append("filters: \(view.filter.summary)") }
        if !avoided.isEmpty { restrictions.append(.avoiding); words.append("avoiding \(avoided.joined(separator: ", "))") }
        if let maximumDegree { restrictions.append(.maximumDegree); words.append("max degree \(maximumDegree)") }
        let directed = graph.isDirected
        var explanation = NoPathExplanation(from: source.id, to: target.id, followedStatedDirection: directed && isDataset,
                                            restrictions: restrictions, restrictionDescriptions: words,
                                            missing: [source, target].filter { $0.index == nil }.map(\.id))
        if !restrictions.isEmpty {
            explanation.pathWithoutRestrictions = try unrestrictedPath(from: source.id, to: target.id, directed: directed)
        }
        if explanation.pathWithoutRestrictions == nil && directed && isDataset {
            explanation.pathIgnoringDirection = try unrestrictedPath(from: source.id, to: target.id, directed: false)
        }
        return explanation
    }

    /// The shortest path between two node ids in the whole input: a dataset without its filter
    /// (relations in their stated direction when `directed`), or a plain graph as read (direction
    /// ignored unless `directed`).
    /// - Returns: the ids along the path; nil when either id is missing there or no path joins them.
    public func unrestrictedPath(from source: String, to target: String, directed: Bool) throws -> [String]? {
        let index = GraphIndex(unfiltered.redirected(directed).graph)
        guard let s = index.index(of: source), let t = index.index(of: target) else { return nil }
        return try index.shortestPath(from: s, to: t).map { $0.nodes.map { index.ids[$0] } }
    }
}

extension NoPathExplanation {
    init(from: String, to: String, followedStatedDirection: Bool, restrictions: [PathRestriction],
         restrictionDescriptions: [String], missing: [String]) {
        self.from = from
        self.to = to
        self.followedStatedDirection = followedStatedDirection
        self.restrictions = restrictions
        self.restrictionDescriptions = restrictionDescriptions
        self.missing = missing
    }
}
