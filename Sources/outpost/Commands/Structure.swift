import ArgumentParser
import Outpost

struct Structure: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Components, articulation points, bridges, clustering, density and diameter.",
        discussion: """
        Follows NetworkX: connected_components (weakly_ and strongly_ for directed
        graphs), articulation_points and bridges (on the undirected graph; a directed
        graph is read as undirected for these two), clustering and average_clustering
        (Fagiolo's directed definition for directed graphs), density, and the diameter
        of the largest connected (directed: strongly connected) component, in edges.
        --format json names each part; --format csv gives one row per node.

        Example:
          outpost structure Graphs/overseas-police-stations --min-status confirmed
        """)

    @OptionGroup var input: InputOptions
    @Flag(name: .long, help: "List every node's clustering coefficient in the table output.")
    var nodes = false
    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            let loaded = try LoadedNetwork(input, filters: filters)
            let structure = loaded.structure()
            loaded.noteMerges(count: structure.droppedEdgeCount)
            let directed = structure.isDirected
            let weak = structure.components, strong = structure.strongComponents
            func ids(_ list: [String]) -> JSONValue { .array(list.map(JSONValue.string)) }

            switch output.format {
            case .json:
                var pairs: [(String, JSONValue)] = loaded.filterFields + [
                    ("directed", .bool(directed)), ("nodes", .int(structure.nodeCount)), ("edges", .int(structure.edgeCount)),
                    ("density", .double(structure.density)),
                    (directed ? "weakly_connected_components" : "connected_components", .array(weak.map(ids))),
                ]
                if directed { pairs.append(("strongly_connected_components", .array(strong.map(ids)))) }
                pairs += [
                    ("articulation_points", ids(structure.articulationPoints.sorted())),
                    ("bridges", .array(structure.bridges.map(ids))),
                    ("average_clustering", .double(structure.averageClustering)),
                    ("clustering", .object(structure.nodeIDs.map { ($0, .double(structure.clustering[$0]!)) })),
                    ("diameter_largest_component", .int(structure.diameterOfLargestComponent)),
                ]
                print(JSONValue.object(pairs).rendered())
            case .csv:
                var component: [String: Int] = [:], strongComponent: [String: Int] = [:]
                for (c, members) in weak.enumerated() { for id in members { component[id] = c } }
                for (c, members) in strong.enumerated() { for id in members { strongComponent[id] = c } }
                let cut = Set(structure.articulationPoints)
                var table = Table(key: "nodes", title: "Nodes", columns: ["id", "name", "component", "strong_component", "articulation_point", "clustering"])
                for id in structure.nodeIDs {
                    table.rows.append([.text(id), .text(loaded.name(ofID: id)), .int(component[id]!), .int(strongComponent[id]!),
                                       .text(cut.contains(id) ? "yes" : "no"), .number(structure.clustering[id]!)])
                }
                emit([table], format: .csv)
            case .table:
                var summary = Table(key: "summary", title: "Structure", columns: ["measure", "value"])
                summary.rows = [
                    [.text("nodes"), .int(structure.nodeCount)], [.text("edges"), .int(structure.edgeCount)],
                    [.text("directed"), .text(directed ? "yes" : "no")], [.text("density"), .number(structure.density)],
                    [.text(directed ? "weakly connected components" : "connected components"), .int(weak.count)],
                ]
                if directed { summary.rows.append([.text("strongly connected components"), .int(strong.count)]) }
                summary.rows += [
                    [.text("largest component"), .int(structure.largestComponent)],
                    [.text("articulation points"), .int(structure.articulationPoints.count)], [.text("bridges"), .int(structure.bridges.count)],
                    [.text("average clustering"), .number(structure.averageClustering)],
                    [.text("diameter of largest \(directed ? "strongly connected " : "")component"), .int(structure.diameterOfLargestComponent)],
                ]
                let componentTable = Table(key: "components", title: "Components (largest first)", columns: ["component", "size", "members"],
                                           rows: weak.prefix(20).enumerated().map { c, members in
                                               let shown = members.prefix(8).joined(separator: ", ") + (members.count > 8 ? ", … (\(members.count - 8) more)" : "")
                                               return [.int(c), .int(members.count), .text(shown)]
                                           })
                let pointTable = Table(key: "articulation-points", title: "Articulation points (removing one splits a component)",
                                       columns: ["id", "name"], rows: structure.articulationPoints.map { [.text($0), .text(loaded.name(ofID: $0))] })
                let bridgeTable = Table(key: "bridges", title: "Bridges (removing one splits a component)", columns: ["from", "to"],
                                        rows: structure.bridges.map { $0.map(Cell.text) })
                var tables = [summary, componentTable, pointTable, bridgeTable]
                if nodes {
                    tables.append(Table(key: "clustering", title: "Clustering", columns: ["id", "clustering"],
                                        rows: structure.nodeIDs.map { [.text($0), .number(structure.clustering[$0]!)] }))
                }
                emit(tables, format: .table, preamble: loaded.filterPreamble)
            }
        }
    }
}
