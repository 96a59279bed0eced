import ArgumentParser
import Foundation
import Outpost

struct Ego: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The neighbourhood of an entity: everything within a few hops, as a table or a graph file.",
        discussion: """
        Lists the entities within --radius hops of ENTITY (id, name or alias; node id
        for a plain graph) with their distance, or with -o writes the neighbourhood —
        those nodes and every relation among them — as GraphML or CSV for the other
        commands to read.

        Relations count either way by default; with --directed a dataset's relations
        are followed from `from` to `to` only, and a directed plain graph follows its
        out-edges (as NetworkX's ego_graph); --undirected then ignores direction when
        measuring distance.

        Example:
          outpost ego Graphs/overseas-police-stations fuzhou-psb --radius 2 \\
              -o fuzhou.graphml
        """)

    @OptionGroup var input: InputOptions

    @Argument(help: "The entity at the centre: id, name or alias (node id for a plain graph).")
    var entity: String

    @Option(name: .long, help: ArgumentHelp("Include everything within this many hops.", valueName: "r"))
    var radius: Int = 1

    @Flag(name: .long, help: "On a directed graph, measure distance ignoring edge direction.")
    var undirected = false

    @Option(name: .short, help: ArgumentHelp("Write the neighbourhood as a graph (.graphml or .csv) instead of a table.", valueName: "file"))
    var output: String?

    @OptionGroup var filters: FilterOptions
    @OptionGroup var format: OutputOptions

    func validate() throws {
        if radius < 0 { throw ValidationError("--radius must be 0 or more") }
        if let output, !["graphml", "xml", "csv"].contains(URL(fileURLWithPath: output).pathExtension.lowercased()) {
            throw ValidationError("-o \(output): write a .graphml or a .csv file")
        }
    }

    func run() throws {
        try reportingErrors {
            let loaded = try LoadedNetwork(input, filters: filters, directed: input.directed, defaultLayers: RelationLayer.all)
            let centre = try loaded.node(entity)
            guard let c = centre.index else {
                throw CommandFailure("\(centre.id) is not in the filtered network (\(loaded.view?.filter.summary ?? ""))")
            }
            let ego = try loaded.neighborhood(of: c, radius: radius, undirected: undirected)
            loaded.noteMerges(count: ego.droppedEdgeCount)
            if let output {
                try writeGraph(ego.graph, to: output)
                printError("wrote \(ego.nodes.count) nodes and \(ego.graph.edgeCount) edges within \(radius) of \(centre.id) to \(output)")
                return
            }
            var table = Table(key: "ego", title: "Within \(radius) hop\(radius == 1 ? "" : "s") of \(loaded.name(of: c)) (\(ego.nodes.count))",
                              columns: ["id", "name", "kind", "distance"])
            for (v, d) in zip(ego.nodes, ego.distances) {
                table.rows.append([.text(loaded.graph.nodeIDs[v]), .text(loaded.name(of: v)),
                                   loaded.graph.nodeAttributes[v]["kind"].map(Cell.text) ?? .none, .int(d)])
            }
            emit([table], format: format.format, preamble: loaded.filterPreamble)
        }
    }
}
