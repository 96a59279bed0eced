import ArgumentParser
import Foundation
import Outpost

struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "Find how two entities are connected, hop by hop, with the evidence for each link.",
        discussion: """
        FROM and TO are entity ids, names or aliases (for a plain graph, node ids). By
        default relations are followed either way (an undirected search over the
        dataset); --directed follows each relation from its `from` to its `to` only
        (undirected types both ways).

        Every hop lists each relation joining the pair, its direction as stored (→
        from the earlier node to the later, ← the reverse, — undirected), its status,
        dates and sources; --explain adds each citation (source id, publisher, date,
        excerpt).

        --weight: on a plain graph, the numeric edge attribute to use as length
        (`weight` is the edge weight); on a dataset, `status` costs each hop by its
        best-established relation (confirmed 1, reported 2, disputed 3, denied 4), so
        the cheapest path leans on the firmest evidence. --k N lists the N cheapest
        simple paths in order of cost (Yen's algorithm); --all lists every shortest
        path.

        When there is no path the command says so on stderr, exits 1, and says whether
        a path exists once the filters, --avoid and --max-degree are lifted.

        --format json prints {"paths": [{"length", "cost", "nodes", "hops": [{"from",
        "to", "relation", "status", "sources"}]}]}: one hop object per relation on the
        pair, from/to in the order the path walks (on a plain graph relation and
        status are null and sources empty).

        Example:
          outpost path Graphs/overseas-police-stations station-dublin fuzhou-psb \\
              --explain
        """)

    @OptionGroup var input: InputOptions

    @Argument(help: "Where the path starts: entity id, name or alias (node id for a plain graph).")
    var from: String

    @Argument(help: "Where the path ends.")
    var to: String

    @Option(name: .long, help: ArgumentHelp("Shortest by this edge attribute (Dijkstra): `weight` or another numeric attribute for a plain graph, `status` for a dataset.", valueName: "attr"))
    var weight: String?

    @Flag(name: .long, help: "List every shortest path, not just one.")
    var all = false

    @Option(name: .customLong("k"), help: ArgumentHelp("List the N shortest simple paths in order of cost.", valueName: "n"))
    var k: Int?

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Entities the path may not pass through.", valueName: "entity"))
    var avoid: [String] = []

    @Option(name: .customLong("max-degree"), help: ArgumentHelp("Pass only through entities with at most D distinct neighbours in the filtered network (leave out hubs).", valueName: "d"))
    var maxDegree: Int?

    @Flag(name: .long, help: "Print each hop's citations: source id, publisher, date and excerpt.")
    var explain = false

    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: OutputOptions

    static let statusCost: [EvidenceStatus: Double] = [.confirmed: 1, .reported: 2, .disputed: 3, .denied: 4]

    func validate() throws {
        if all && k != nil { throw ValidationError("--all and --k ask for different lists; give one of them") }
        if let k, k < 1 { throw ValidationError("--k must be at least 1") }
        if let maxDegree, maxDegree < 0 { throw ValidationError("--max-degree must be 0 or more") }
    }

    func run() throws {
        try reportingErrors {
            let loaded = try LoadedGraph(input, filters: filters, directed: input.directed, defaultLayers: RelationLayer.all)
            let source = try loaded.node(from), target = try loaded.node(to)
            var constraints = PathConstraints(maximumDegree: maxDegree)
            var avoidedIDs: [String] = []
            for query in avoid {
                let node = try loaded.node(query)
                if node.id == source.id || node.id == target.id {
                    throw ValidationError("--avoid \(query): the path cannot avoid its own start or end")
                }
                avoidedIDs.append(node.id)
                if let index = node.index { constraints.avoiding.insert(index) }
            }
            let searchGraph = try self.searchGraph(loaded)
            let index = loaded.index(searchGraph)
            let weighted = weight != nil
            var paths: [Path] = []
            if let s = source.index, let t = target.index {
                if all {
                    paths = try index.allShortestPaths(from: s, to: t, weighted: weighted, avoiding: constraints, limit: 10_000)
                    if paths.count == 10_000 { printError("warning: stopped after 10000 shortest paths") }
                } else if let k {
                    paths = try index.shortestSimplePaths(from: s, to: t, k: k, weighted: weighted, avoiding: constraints)
                } else if let path = try index.shortestPath(from: s, to: t, weighted: weighted, avoiding: constraints) {
                    paths = [path]
                }
            }
            if paths.isEmpty {
                try reportNoPath(loaded, source: source, target: target, constraints: constraints, avoidedIDs: avoidedIDs)
                throw ExitCode(1)
            }
            let hops = HopEvidence(loaded)
            switch output.format {
            case .json: print(json(paths, loaded: loaded, hops: hops).rendered())
            case .csv: print(csvTable(paths, loaded: loaded, hops: hops).renderCSV())
            case .table: print(text(paths, loaded: loaded, hops: hops, avoidedIDs: avoidedIDs))
            }
        }
    }

    /// The graph to search, with the requested weights; node indices are those of `loaded.graph`.
    func searchGraph(_ loaded: LoadedGraph) throws -> Graph {
        guard let weight else { return loaded.graph }
        let graph = loaded.graph
        if let dataset = loaded.dataset {
            guard weight == "status" else {
                throw ValidationError("--weight \(weight): a dataset's relations carry no numbers; use --weight status (confirmed 1, reported 2, disputed 3, denied 4)")
            }
            var out = Graph(directed: graph.isDirected)
            for v in 0..<graph.nodeCount { out.addNode(graph.nodeIDs[v]) }
            // One edge per pair, costed by its best-established relation.
            var best: [Int64: Double] = [:]
            var order: [Int64] = []
            for e in 0..<graph.edgeCount {
                var u = Int64(graph.edgeSources[e]), v = Int64(graph.edgeTargets[e])
                if !graph.isDirected && u > v { swap(&u, &v) }
                guard let r = graph.relation(ofEdge: e) else { continue }
                let relation = dataset.relations[r]
                let cost = Self.statusCost[relation.status]!
                let key = u << 32 | v
                if let current = best[key] { best[key] = min(current, cost) } else { best[key] = cost; order.append(key) }
            }
            for key in order { out.addEdge(Int(key >> 32), Int(key & 0xFFFF_FFFF), weight: best[key]!) }
            return out
        }
        return weight == "weight" ? graph : try graph.reweighted(by: weight)
    }

    /// Says on stderr that there is no path, and whether there is one without the restrictions.
    func reportNoPath(_ loaded: LoadedGraph, source: (index: Int?, id: String), target: (index: Int?, id: String),
                      constraints: PathConstraints, avoidedIDs: [String]) throws {
        var restrictions: [String] = []
        if let view = loaded.view, !view.filter.isEmpty { restrictions.append("filters: \(view.filter.summary)") }
        if !avoidedIDs.isEmpty { restrictions.append("avoiding \(avoidedIDs.joined(separator: ", "))") }
        if let maxDegree { restrictions.append("max degree \(maxDegree)") }
        let directed = loaded.graph.isDirected
        var message = "no path from \(source.id) to \(target.id)"
        if directed && loaded.dataset != nil { message += " following relations in their stated direction" }
        if !restrictions.isEmpty { message += " (\(restrictions.joined(separator: "; ")))" }
        for (id, node) in [(source.id, source.index), (target.id, target.index)] where node == nil {
            message += "\n\(id) is not in the filtered network"
        }
        printError(message)

        var found: [String]?
        if !restrictions.isEmpty {
            found = try loaded.unrestrictedPath(from: source.id, to: target.id, directed: directed)
            let lifted = [loaded.view.map { $0.filter.isEmpty } == false ? "the filters" : nil,
                          avoidedIDs.isEmpty ? nil : "--avoid", maxDegree == nil ? nil : "--max-degree"].compactMap { $0 }
            let what = lifted.count > 1 ? lifted.dropLast().joined(separator: ", ") + " and " + lifted.last! : lifted.joined()
            if let found {
                printError("with \(what) lifted there is a path of \(found.count - 1) hop\(found.count == 2 ? "" : "s"): \(found.joined(separator: " → "))")
            } else {
                printError("even with \(what) lifted, no path joins them")
            }
        }
        if found == nil && directed && loaded.dataset != nil {
            if let any = try loaded.unrestrictedPath(from: source.id, to: target.id, directed: false) {
                printError("ignoring direction (and any filters) there is a path of \(any.count - 1) hop\(any.count == 2 ? "" : "s"): \(any.joined(separator: " → ")); drop --directed to see it")
            }
        }
    }

    // MARK: Output

    func json(_ paths: [Path], loaded: LoadedGraph, hops: HopEvidence) -> JSONValue {
        let ids = loaded.graph.nodeIDs
        return .object([("paths", .array(paths.map { path in
            var hopObjects: [JSONValue] = []
            for (u, v) in path.hops {
                for link in hops.links(u, v) {
                    hopObjects.append(.object([("from", .string(ids[u])), ("to", .string(ids[v])),
                                               ("relation", link.relation.map { .string($0.type.rawValue) } ?? link.plainRelation.map(JSONValue.string) ?? .null),
                                               ("status", link.relation.map { .string($0.status.rawValue) } ?? link.plainStatus.map(JSONValue.string) ?? .null),
                                               ("sources", .array((link.relation?.citations ?? []).map { .string($0.source) }))]))
                }
            }
            return .object([("length", .int(path.length)), ("cost", .double(path.cost)),
                            ("nodes", .array(path.nodes.map { .string(ids[$0]) })), ("hops", .array(hopObjects))])
        }))])
    }

    func csvTable(_ paths: [Path], loaded: LoadedGraph, hops: HopEvidence) -> Table {
        var table = Table(key: "hops", title: "Hops", columns: ["path", "hop", "from", "to", "relation", "direction", "status", "when", "sources", "cost"])
        let ids = loaded.graph.nodeIDs
        for (p, path) in paths.enumerated() {
            for (h, (u, v)) in path.hops.enumerated() {
                for link in hops.links(u, v) {
                    let r = link.relation
                    table.rows.append([.int(p + 1), .int(h + 1), .text(ids[u]), .text(ids[v]),
                                       r.map { .text($0.type.rawValue) } ?? link.plainRelation.map(Cell.text) ?? .none,
                                       r.map { .text(HopEvidence.arrow($0, from: ids[u])) } ?? .none,
                                       r.map { .text($0.status.rawValue) } ?? link.plainStatus.map(Cell.text) ?? .none,
                                       r.flatMap(HopEvidence.when).map(Cell.text) ?? .none,
                                       r.map { .text($0.citations.map(\.source).joined(separator: " ")) } ?? .none,
                                       .number(path.cost)])
                }
            }
        }
        return table
    }

    func text(_ paths: [Path], loaded: LoadedGraph, hops: HopEvidence, avoidedIDs: [String]) -> String {
        var lines: [String] = []
        if let view = loaded.view, !view.filter.isEmpty { lines.append("Filter: \(view.filter.summary)") }
        if !avoidedIDs.isEmpty { lines.append("Avoiding: \(avoidedIDs.joined(separator: ", "))") }
        if let maxDegree { lines.append("Through entities with at most \(maxDegree) neighbours") }
        if loaded.dataset != nil && loaded.graph.isDirected { lines.append("Relations followed in their stated direction") }
        if let weight { lines.append(loaded.dataset != nil ? "Cost: each hop's best status (confirmed 1, reported 2, disputed 3, denied 4)" : "Cost: sum of edge \(weight)") }
        if !lines.isEmpty { lines.append("") }
        let graph = loaded.graph
        let dataset = loaded.dataset
        func describe(_ v: Int) -> String {
            if let dataset, let e = dataset.entity(graph.nodeIDs[v]) { return "\(e.name)  [\(e.id), \(e.kind.rawValue)]" }
            return graph.nodeLabels[v].map { "\($0)  [\(graph.nodeIDs[v])]" } ?? graph.nodeIDs[v]
        }
        for (p, path) in paths.enumerated() {
            if p > 0 { lines.append("") }
            var heading = paths.count > 1 ? "Path \(p + 1) of \(paths.count): " : "Path: "
            heading += "\(path.length) hop\(path.length == 1 ? "" : "s")"
            if weight != nil { heading += ", cost \(Cell.format(path.cost))" }
            lines.append(heading)
            for (h, v) in path.nodes.enumerated() {
                lines.append("  " + describe(v))
                guard h < path.length else { break }
                let u = v, next = path.nodes[h + 1]
                for link in hops.links(u, next) {
                    guard let r = link.relation else {
                        var parts = ["  │"]
                        if let relation = link.plainRelation { parts.append(relation) }
                        if let status = link.plainStatus { parts.append(status) }
                        if weight != nil || link.weight != 1 { parts.append("weight \(Cell.format(link.weight))") }
                        lines.append("  " + parts.joined(separator: " "))
                        continue
                    }
                    var parts = ["  │ \(HopEvidence.arrow(r, from: graph.nodeIDs[u])) \(r.type.rawValue)", r.status.rawValue]
                    if let when = HopEvidence.when(r) { parts.append(when) }
                    if !r.by.isEmpty { parts.append("by \(r.by.joined(separator: ", "))") }
                    parts.append("[\(r.citations.map(\.source).joined(separator: ", "))]")
                    lines.append("  " + parts.joined(separator: "  "))
                    if explain, let dataset {
                        for c in r.citations {
                            let s = dataset.source(c.source)
                            let about = [c.source, s?.publisher, s?.date?.description].compactMap { $0 }.joined(separator: " · ")
                            lines.append("    │     \(about): “\(c.excerpt)”")
                        }
                    }
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}

/// The relations (or plain edges) behind each hop of a path, looked up in the loaded graph.
struct HopEvidence {
    struct Link {
        var relation: Relation?
        var plainRelation: String?
        var plainStatus: String?
        var weight: Double
    }

    let loaded: LoadedGraph
    private var edgesByPair: [Int64: [Int]] = [:]

    init(_ loaded: LoadedGraph) {
        self.loaded = loaded
        let graph = loaded.graph
        for e in 0..<graph.edgeCount {
            let u = Int64(graph.edgeSources[e]), v = Int64(graph.edgeTargets[e])
            edgesByPair[u << 32 | v, default: []].append(e)
            if !graph.isDirected && u != v { edgesByPair[v << 32 | u, default: []].append(e) }
        }
    }

    /// Every relation joining `u` to `v` that the search could use, in dataset order; for a plain
    /// graph the edge the index kept (the last of any parallel ones).
    func links(_ u: Int, _ v: Int) -> [Link] {
        let edges = edgesByPair[Int64(u) << 32 | Int64(v)] ?? []
        let graph = loaded.graph
        if let dataset = loaded.dataset {
            var seen = Set<Int>()
            let relationIndices = edges.compactMap { graph.relation(ofEdge: $0) }
                .filter { seen.insert($0).inserted }.sorted()
            return relationIndices.map { Link(relation: dataset.relations[$0], weight: 1) }
        }
        guard let e = edges.last else { return [] }
        let attributes = graph.attributes(ofEdge: e)
        return [Link(relation: nil, plainRelation: attributes["relation"], plainStatus: attributes["status"], weight: graph.edgeWeights[e])]
    }

    /// → when the relation is stored from `id` onwards, ← when stored the other way, — undirected.
    static func arrow(_ relation: Relation, from id: String) -> String {
        guard relation.isDirected else { return "—" }
        return relation.from == id ? "→" : "←"
    }

    static func when(_ relation: Relation) -> String? {
        var parts: [String] = []
        if let date = relation.date { parts.append("on \(date)") }
        switch (relation.start, relation.end) {
        case let (start?, end?): parts.append("\(start) – \(end)")
        case let (start?, nil): parts.append("since \(start)")
        case let (nil, end?): parts.append("until \(end)")
        case (nil, nil): break
        }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
}
