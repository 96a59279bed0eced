import ArgumentParser
import Foundation
import Outpost

struct Project: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Link entities of one kind by the neighbours they share (a weighted bipartite projection).",
        discussion: """
        Two entities of the --onto kinds are linked when they share a neighbour of a
        --via kind; the link's weight is the number of distinct shared neighbours
        (NetworkX's bipartite.weighted_projected_graph). Relations count either way.
        Prints the linked pairs, heaviest first, and with -o writes the projection
        (every --onto entity, linked or not) as GraphML or CSV.

        For a plain graph, --onto-attribute NAME=VALUE picks the side to project onto
        (for NetworkX's two-mode graphs, bipartite=0); every neighbour counts.

        Example (bureaus linked by the stations both are said to run):
          outpost project Graphs/overseas-police-stations \\
              --onto public-security-bureau --via police-station -o bureaus.graphml
        """)

    @OptionGroup var input: InputOptions

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("The kinds of entity to link (dataset).", valueName: "kind"))
    var onto: [String] = []

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("The kinds of the shared neighbours (dataset; default: any kind not in --onto).", valueName: "kind"))
    var via: [String] = []

    @Option(name: .customLong("onto-attribute"), help: ArgumentHelp("For a plain graph: project onto the nodes whose attribute NAME has VALUE.", valueName: "name=value"))
    var ontoAttribute: String?

    @Option(name: .short, help: ArgumentHelp("Write the projection as a graph (.graphml or .csv).", valueName: "file"))
    var output: String?

    @OptionGroup var filters: FilterOptions
    @OptionGroup var format: OutputOptions

    func validate() throws {
        for (option, values) in [("--onto", onto), ("--via", via)] {
            for value in values where EntityKind(rawValue: value) == nil {
                throw ValidationError("\(option) \(value): not a kind; valid kinds: \(EntityKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        if let ontoAttribute, !ontoAttribute.contains("=") { throw ValidationError("--onto-attribute takes NAME=VALUE, e.g. bipartite=0") }
        if onto.isEmpty && ontoAttribute == nil { throw ValidationError("give --onto KIND (dataset) or --onto-attribute NAME=VALUE (plain graph)") }
        if let output, !["graphml", "xml", "csv"].contains(URL(fileURLWithPath: output).pathExtension.lowercased()) {
            throw ValidationError("-o \(output): write a .graphml or a .csv file")
        }
    }

    func run() throws {
        try reportingErrors {
            let loaded = try LoadedGraph(input, filters: filters, directed: false)
            let graph = loaded.graph
            let index = GraphIndex(graph)
            var ontoNodes: [Int]
            var viaNodes: Set<Int>?
            var what: String
            if loaded.dataset != nil {
                guard !onto.isEmpty else { throw ValidationError("a dataset is projected by kind: give --onto KIND (and --via KIND)") }
                if ontoAttribute != nil { throw ValidationError("--onto-attribute is for plain graphs; a dataset is projected with --onto KIND") }
                ontoNodes = (0..<graph.nodeCount).filter { onto.contains(graph.nodeAttributes[$0]["kind"] ?? "") }
                if !via.isEmpty { viaNodes = Set((0..<graph.nodeCount).filter { via.contains(graph.nodeAttributes[$0]["kind"] ?? "") }) }
                what = "\(onto.joined(separator: ", ")) linked by shared \(via.isEmpty ? "neighbours" : via.joined(separator: ", "))"
            } else {
                guard let ontoAttribute else { throw ValidationError("a plain graph is projected by attribute: give --onto-attribute NAME=VALUE") }
                if !onto.isEmpty || !via.isEmpty { throw ValidationError("--onto and --via name dataset kinds; for a plain graph use --onto-attribute NAME=VALUE") }
                let parts = ontoAttribute.split(separator: "=", maxSplits: 1).map(String.init)
                let name = parts[0], value = parts.count > 1 ? parts[1] : ""
                ontoNodes = (0..<graph.nodeCount).filter { graph.nodeAttributes[$0][name] == value }
                what = "nodes with \(name)=\(value) linked by shared neighbours"
            }
            if ontoNodes.isEmpty { throw CommandFailure("nothing to project: no node is selected by \(onto.isEmpty ? "--onto-attribute \(ontoAttribute!)" : "--onto \(onto.joined(separator: " "))")") }
            let projection = index.weightedProjection(onto: ontoNodes, via: viaNodes)

            if let output {
                var out = Graph(directed: false)
                for v in projection.nodes { out.addNode(graph.nodeIDs[v], label: graph.nodeLabels[v], attributes: graph.nodeAttributes[v]) }
                for (edge, shared) in zip(projection.edges, projection.shared) {
                    out.addEdge(out.index(of: graph.nodeIDs[edge.source])!, out.index(of: graph.nodeIDs[edge.target])!, weight: edge.weight,
                                attributes: ["shared": shared.map { graph.nodeIDs[$0] }.joined(separator: " ")])
                }
                try writeGraph(out, to: output)
                printError("wrote \(out.nodeCount) nodes and \(out.edgeCount) weighted edges to \(output)")
            }
            var table = Table(key: "pairs", title: "\(what): \(projection.edges.count) pair\(projection.edges.count == 1 ? "" : "s") among \(projection.nodes.count)",
                              columns: ["a", "a_name", "b", "b_name", "weight", "shared"])
            let order = projection.edges.indices.sorted { i, j in
                let a = projection.edges[i], b = projection.edges[j]
                if a.weight != b.weight { return a.weight > b.weight }
                return (graph.nodeIDs[a.source], graph.nodeIDs[a.target]) < (graph.nodeIDs[b.source], graph.nodeIDs[b.target])
            }
            for i in order {
                let edge = projection.edges[i]
                table.rows.append([.text(graph.nodeIDs[edge.source]), .text(graph.name(of: edge.source)),
                                   .text(graph.nodeIDs[edge.target]), .text(graph.name(of: edge.target)),
                                   .int(Int(edge.weight)), .text(projection.shared[i].map { graph.nodeIDs[$0] }.joined(separator: " "))])
            }
            emit([table], format: format.format, preamble: loaded.filterPreamble)
        }
    }
}
