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
        layer, dates and sources; --explain adds each citation (source id,
        publisher, date, excerpt).

        --weight: on a plain graph, the numeric edge attribute to use as length
        (`weight` is the edge weight); on a dataset, `status` costs each hop by its
        best-established relation (confirmed 1, reported 2, disputed 3, denied 4), so
        the cheapest path leans on the firmest evidence. --k N lists the N cheapest
        simple paths in order of cost (Yen's algorithm); --all lists every shortest
        path.

        When there is no path the command says so on stderr, exits 1, and says whether
        a path exists once the filters, --avoid and --max-degree are lifted.

        --format json prints {"paths": [{"length", "cost", "nodes", "hops": [{"from",
        "to", "relation", "status", "layer", "sources"}]}]}: one hop object per
        relation on the pair, from/to in the order the path walks, layer the
        relation's (network, responses, claims or denials); on a plain graph
        relation and status are the edge's attributes or null, layer is null and
        sources empty.

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

    func validate() throws {
        if all && k != nil { throw ValidationError("--all and --k ask for different lists; give one of them") }
        if let k, k < 1 { throw ValidationError("--k must be at least 1") }
        if let maxDegree, maxDegree < 0 { throw ValidationError("--max-degree must be 0 or more") }
    }

    func run() throws {
        try reportingErrors {
            let loaded = try LoadedNetwork(input, filters: filters, directed: input.directed, defaultLayers: RelationLayer.all)
            let search: PathSearch
            do {
                search = try loaded.findPaths(query(loaded))
            } catch let AnalysisError.avoidsEndpoint(query) {
                throw ValidationError("--avoid \(query): the path cannot avoid its own start or end")
            } catch let error as AnalysisError {
                switch error {
                case .numericCostOnDataset: throw ValidationError("--weight \(weight ?? ""): \(error): use --weight status")
                case .statusCostOnPlainGraph: throw ValidationError("--weight status: \(error), e.g. --weight weight")
                default: throw error
                }
            }
            if search.reachedLimit { printError("warning: stopped after 10000 shortest paths") }
            if let noPath = search.noPath {
                printError(explanation(noPath))
                throw ExitCode(1)
            }
            switch output.format {
            case .json: print(json(search.paths).rendered())
            case .csv: print(csvTable(search.paths).renderCSV())
            case .table: print(text(search, loaded: loaded))
            }
        }
    }

    /// The library's question for these arguments.
    func query(_ loaded: LoadedNetwork) -> PathQuery {
        let selection: PathQuery.Selection = all ? .allShortest(limit: 10_000) : k.map { .cheapest($0) } ?? .shortest
        let cost: PathQuery.Cost = weight.map { $0 == "status" && loaded.isDataset ? .evidenceStatus : .attribute($0) } ?? .hops
        return PathQuery(from: from, to: to, selection: selection, cost: cost, avoiding: avoid, maximumDegree: maxDegree)
    }

    /// The "no path" lines for stderr: the library's explanation, naming the options to lift.
    func explanation(_ noPath: NoPathExplanation) -> String {
        var lines = [noPath.description.split(separator: "\n", omittingEmptySubsequences: false).prefix(1 + noPath.missing.count)
            .joined(separator: "\n")]
        if !noPath.restrictions.isEmpty {
            let lifted = NoPathExplanation.list(noPath.restrictions.map { restriction -> String in
                switch restriction {
                case .filter: return "the filters"
                case .avoiding: return "--avoid"
                case .maximumDegree: return "--max-degree"
                }
            })
            lines.append(noPath.pathWithoutRestrictions.map { "with \(lifted) lifted there is a path of \(NoPathExplanation.hops($0))" }
                         ?? "even with \(lifted) lifted, no path joins them")
        }
        if let any = noPath.pathIgnoringDirection {
            lines.append("ignoring direction (and any filters) there is a path of \(NoPathExplanation.hops(any)); drop --directed to see it")
        }
        return lines.joined(separator: "\n")
    }

    // MARK: Output

    func json(_ paths: [EvidencePath]) -> JSONValue {
        .object([("paths", .array(paths.map { path in
            var hopObjects: [JSONValue] = []
            for hop in path.hops {
                for link in hop.links {
                    hopObjects.append(.object([("from", .string(hop.from)), ("to", .string(hop.to)),
                                               ("relation", link.type.map(JSONValue.string) ?? .null),
                                               ("status", link.status.map(JSONValue.string) ?? .null),
                                               ("layer", link.layer.map { .string($0.rawValue) } ?? .null),
                                               ("sources", .array(link.sources.map(JSONValue.string)))]))
                }
            }
            return .object([("length", .int(path.length)), ("cost", .double(path.cost)),
                            ("nodes", .array(path.nodes.map(JSONValue.string))), ("hops", .array(hopObjects))])
        }))])
    }

    func csvTable(_ paths: [EvidencePath]) -> Table {
        var table = Table(key: "hops", title: "Hops", columns: ["path", "hop", "from", "to", "relation", "direction", "status", "layer", "when", "sources", "cost"])
        for (p, path) in paths.enumerated() {
            for (h, hop) in path.hops.enumerated() {
                for link in hop.links {
                    let isRelation = link.relation != nil
                    table.rows.append([.int(p + 1), .int(h + 1), .text(hop.from), .text(hop.to),
                                       link.type.map(Cell.text) ?? .none,
                                       link.direction.map { .text($0.symbol) } ?? .none,
                                       link.status.map(Cell.text) ?? .none,
                                       link.layer.map { .text($0.rawValue) } ?? .none,
                                       link.period.map(Cell.text) ?? .none,
                                       isRelation ? .text(link.sources.joined(separator: " ")) : .none,
                                       .number(path.cost)])
                }
            }
        }
        return table
    }

    func text(_ search: PathSearch, loaded: LoadedNetwork) -> String {
        var lines: [String] = loaded.filterPreamble
        if !search.avoided.isEmpty { lines.append("Avoiding: \(search.avoided.joined(separator: ", "))") }
        if let maxDegree { lines.append("Through entities with at most \(maxDegree) neighbours") }
        if loaded.isDataset && search.isDirected { lines.append("Relations followed in their stated direction") }
        if let weight { lines.append(loaded.isDataset ? "Cost: each hop's best status (confirmed 1, reported 2, disputed 3, denied 4)" : "Cost: sum of edge \(weight)") }
        if !lines.isEmpty { lines.append("") }
        func describe(_ id: String) -> String {
            if let e = loaded.dataset?.entity(id) { return "\(e.name)  [\(e.id), \(e.kind.rawValue)]" }
            return loaded.graph.index(of: id).flatMap { loaded.graph.nodeLabels[$0] }.map { "\($0)  [\(id)]" } ?? id
        }
        let paths = search.paths
        for (p, path) in paths.enumerated() {
            if p > 0 { lines.append("") }
            var heading = paths.count > 1 ? "Path \(p + 1) of \(paths.count): " : "Path: "
            heading += "\(path.length) hop\(path.length == 1 ? "" : "s")"
            if weight != nil { heading += ", cost \(Cell.format(path.cost))" }
            lines.append(heading)
            for (h, id) in path.nodes.enumerated() {
                lines.append("  " + describe(id))
                guard h < path.length else { break }
                for link in path.hops[h].links {
                    guard let direction = link.direction else {
                        var parts = ["  │"]
                        if let relation = link.type { parts.append(relation) }
                        if let status = link.status { parts.append(status) }
                        if weight != nil || link.weight != 1 { parts.append("weight \(Cell.format(link.weight))") }
                        lines.append("  " + parts.joined(separator: " "))
                        continue
                    }
                    var parts = ["  │ \(direction.symbol) \(link.type ?? "")", link.status ?? ""]
                    if let layer = link.layer { parts.append(layer.rawValue) }
                    if let when = link.period { parts.append(when) }
                    if !link.by.isEmpty { parts.append("by \(link.by.joined(separator: ", "))") }
                    parts.append("[\(link.sources.joined(separator: ", "))]")
                    lines.append("  " + parts.joined(separator: "  "))
                    if explain {
                        for c in link.citations {
                            let about = [c.source, c.publisher, c.date?.description].compactMap { $0 }.joined(separator: " · ")
                            lines.append("    │     \(about): “\(c.excerpt)”")
                        }
                    }
                }
            }
        }
        // Each entry is one line: a newline or control character in a name or excerpt is escaped.
        return lines.map(escapingNonPrintable).joined(separator: "\n")
    }
}
