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
            let loaded = try LoadedGraph(input, filters: filters)
            let index = loaded.indexNotingMerges()
            let weak = index.connectedComponents()
            let strong = index.isDirected ? index.stronglyConnectedComponents() : weak
            let (points, bridges) = index.articulationPointsAndBridges()
            let clustering = index.clustering()
            let average = clustering.isEmpty ? 0 : clustering.reduce(0, +) / Double(clustering.count)
            let diameter = index.diameterOfLargestComponent()
            let ids = index.ids
            func idList(_ list: [Int]) -> [String] { list.map { ids[$0] }.sorted() }

            switch output.format {
            case .json:
                var pairs: [(String, JSONValue)] = loaded.filterFields + [
                    ("directed", .bool(index.isDirected)), ("nodes", .int(index.nodeCount)), ("edges", .int(index.edgeCount)),
                    ("density", .double(index.density)),
                    (index.isDirected ? "weakly_connected_components" : "connected_components",
                     .array(weak.map { .array(idList($0).map(JSONValue.string)) })),
                ]
                if index.isDirected {
                    pairs.append(("strongly_connected_components", .array(strong.map { .array(idList($0).map(JSONValue.string)) })))
                }
                pairs += [
                    ("articulation_points", .array(idList(points).map(JSONValue.string))),
                    ("bridges", .array(bridges.map { .array([.string(ids[$0.0]), .string(ids[$0.1])]) })),
                    ("average_clustering", .double(average)),
                    ("clustering", .object((0..<index.nodeCount).sorted { ids[$0] < ids[$1] }.map { (ids[$0], .double(clustering[$0])) })),
                    ("diameter_largest_component", .int(diameter)),
                ]
                print(JSONValue.object(pairs).rendered())
            case .csv:
                var component = [Int](repeating: 0, count: index.nodeCount), strongComponent = component
                for (c, members) in weak.enumerated() { for v in members { component[v] = c } }
                for (c, members) in strong.enumerated() { for v in members { strongComponent[v] = c } }
                let cut = Set(points)
                var table = Table(key: "nodes", title: "Nodes", columns: ["id", "name", "component", "strong_component", "articulation_point", "clustering"])
                for v in (0..<index.nodeCount).sorted(by: { ids[$0] < ids[$1] }) {
                    table.rows.append([.text(ids[v]), .text(index.names[v]), .int(component[v]), .int(strongComponent[v]),
                                       .text(cut.contains(v) ? "yes" : "no"), .number(clustering[v])])
                }
                emit([table], format: .csv)
            case .table:
                var summary = Table(key: "summary", title: "Structure", columns: ["measure", "value"])
                summary.rows = [
                    [.text("nodes"), .int(index.nodeCount)], [.text("edges"), .int(index.edgeCount)],
                    [.text("directed"), .text(index.isDirected ? "yes" : "no")], [.text("density"), .number(index.density)],
                    [.text(index.isDirected ? "weakly connected components" : "connected components"), .int(weak.count)],
                ]
                if index.isDirected { summary.rows.append([.text("strongly connected components"), .int(strong.count)]) }
                summary.rows += [
                    [.text("largest component"), .int(weak.first?.count ?? 0)],
                    [.text("articulation points"), .int(points.count)], [.text("bridges"), .int(bridges.count)],
                    [.text("average clustering"), .number(average)],
                    [.text("diameter of largest \(index.isDirected ? "strongly connected " : "")component"), .int(diameter)],
                ]
                let componentTable = Table(key: "components", title: "Components (largest first)", columns: ["component", "size", "members"],
                                           rows: weak.prefix(20).enumerated().map { c, members in
                                               let names = idList(members)
                                               let shown = names.prefix(8).joined(separator: ", ") + (names.count > 8 ? ", … (\(names.count - 8) more)" : "")
                                               return [.int(c), .int(members.count), .text(shown)]
                                           })
                let pointTable = Table(key: "articulation-points", title: "Articulation points (removing one splits a component)",
                                       columns: ["id", "name"], rows: points.map { [.text(ids[$0]), .text(index.names[$0])] })
                let bridgeTable = Table(key: "bridges", title: "Bridges (removing one splits a component)", columns: ["from", "to"],
                                        rows: bridges.map { [.text(ids[$0.0]), .text(ids[$0.1])] })
                var tables = [summary, componentTable, pointTable, bridgeTable]
                if nodes {
                    tables.append(Table(key: "clustering", title: "Clustering", columns: ["id", "clustering"],
                                        rows: (0..<index.nodeCount).sorted { ids[$0] < ids[$1] }.map { [.text(ids[$0]), .number(clustering[$0])] }))
                }
                emit(tables, format: .table, preamble: loaded.filterPreamble)
            }
        }
    }
}
