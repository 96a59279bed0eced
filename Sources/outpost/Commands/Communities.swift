import ArgumentParser
import Outpost

/// The methods `outpost communities` offers.
enum CommunityMethod: String, ExpressibleByArgument, CaseIterable {
    case louvain, leiden
    case labelPropagation = "label-propagation"
}

struct Communities: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find communities (densely linked groups) by Louvain, Leiden or label propagation, with their modularity.",
        discussion: """
        Louvain and Leiden maximise modularity at the given resolution (above 1:
        smaller communities; below 1: larger); a seed fixes their random choices, so
        the same seed gives the same communities on every machine. Leiden's
        communities are always connected. Label propagation is NetworkX's
        semi-synchronous one: deterministic, no seed, no resolution, weights ignored
        while propagating.

        A dataset is analysed as the undirected graph of its (filtered) entities, each
        linked pair weighted by the number of relations between the two. A plain graph
        keeps its direction (directed modularity, as NetworkX) and its `weight` column
        or key; --weight picks another numeric edge attribute, or `none` to count
        every edge as 1.

        The modularity printed is NetworkX's `modularity` of the communities at
        --resolution, with the same weights.

        Examples:
          outpost communities Graphs/overseas-police-stations
          outpost communities Graphs/overseas-police-stations --algorithm louvain \\
              --seed 7 --format json
          outpost communities network.graphml --resolution 2 --weight strength \\
              --format csv
        """)

    @OptionGroup var input: InputOptions

    @Option(name: .long, help: "Method: louvain, leiden or label-propagation.")
    var algorithm: CommunityMethod = .leiden

    @Option(name: .long, help: "Modularity resolution γ (> 0): above 1 favours smaller communities.")
    var resolution: Double = 1

    @Option(name: .long, help: "Seed for Louvain and Leiden.")
    var seed: UInt64 = 42

    @Option(name: .long, help: "Leiden iterations; 0 (default) repeats until the partition stops changing. igraph and leidenalg default to 2.")
    var iterations: Int = 0

    @Option(name: .long, help: ArgumentHelp(
        "Numeric edge attribute to use as weight on a plain graph (default: the `weight` column or key, 1 where absent); `none` for unweighted.",
        valueName: "attribute"))
    var weight: String?

    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard resolution > 0 && resolution.isFinite else {
            throw ValidationError("--resolution must be a positive number, not \(resolution)")
        }
        if iterations < 0 { throw ValidationError("--iterations must be 0 (until stable) or more") }
        if iterations > 0 && algorithm != .leiden { throw ValidationError("--iterations applies to leiden") }
    }

    func run() throws {
        try reportingErrors {
            let loaded = try LoadedNetwork(input, filters: filters, directed: false)
            if let weight, weight != "none", loaded.isDataset {
                throw ValidationError("--weight applies to plain graphs; a dataset's links weigh the number of relations on them (use `--weight none` to count each linked pair once)")
            }
            let method: CommunityAlgorithm
            switch algorithm {
            case .louvain: method = .louvain(resolution: resolution, seed: seed)
            case .leiden: method = .leiden(resolution: resolution, seed: seed)
            case .labelPropagation: method = .labelPropagation
            }
            let found = try loaded.communities(using: method, weightAttribute: weight == "none" ? nil : weight,
                                               weighted: weight != "none", maximumIterations: iterations > 0 ? iterations : nil,
                                               modularityResolution: resolution)
            loaded.noteMerges(count: found.droppedEdgeCount)
            print(output.format == .json ? render(found.communities, modularity: found.modularity, loaded: loaded)
                  : terminalLines(render(found.communities, modularity: found.modularity, loaded: loaded)))
        }
    }

    func render(_ groups: [[String]], modularity: Double, loaded: LoadedNetwork) -> String {
        switch output.format {
        case .json:
            return JSONValue.object(loaded.filterFields + [
                ("algorithm", .string(algorithm.rawValue)),
                ("modularity", .double(modularity)),
                ("communities", .array(groups.enumerated().map { id, members in
                    .object([("id", .int(id)), ("members", .array(members.map(JSONValue.string)))])
                })),
            ]).rendered()
        case .csv:
            var table = Table(key: "communities", title: "Communities", columns: ["community", "node_id", "name"])
            for (id, members) in groups.enumerated() {
                for v in members { table.rows.append([.int(id), .text(v), .text(loaded.name(ofID: v))]) }
            }
            return table.renderCSV()
        case .table:
            var table = Table(key: "communities", title: "Communities", columns: ["id", "size", "members"])
            for (id, members) in groups.enumerated() {
                table.rows.append([.int(id), .int(members.count), .text(Communities.summary(members.map(loaded.name(ofID:))))])
            }
            var heading = "\(groups.count) communities by \(algorithm.rawValue)"
            if algorithm != .labelPropagation { heading += " (resolution \(Cell.format(resolution)), seed \(seed))" }
            heading += "; modularity \(Cell.format(modularity))"
            return (loaded.filterPreamble + [heading, table.renderText(showTitle: false)]).joined(separator: "\n\n")
        }
    }

    /// Names joined by ", ", cut to about 100 columns with a count of the rest.
    static func summary(_ names: [String], width: Int = 100) -> String {
        var text = ""
        for (i, name) in names.enumerated() {
            let piece = (i == 0 ? "" : ", ") + name
            let rest = names.count - i
            if i > 0 && Table.displayWidth(text + piece) > width - 12 && rest > 1 {
                return text + ", … +\(rest) more"
            }
            text += piece
        }
        return text
    }
}
