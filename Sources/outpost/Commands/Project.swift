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
            let loaded = try LoadedNetwork(input, filters: filters, directed: false)
            let selection: ProjectionSelection
            if loaded.isDataset {
                guard !onto.isEmpty else { throw ValidationError("a dataset is projected by kind: give --onto KIND (and --via KIND)") }
                if ontoAttribute != nil { throw ValidationError("--onto-attribute is for plain graphs; a dataset is projected with --onto KIND") }
                selection = .kinds(onto: onto.compactMap(EntityKind.init(rawValue:)), via: via.compactMap(EntityKind.init(rawValue:)))
            } else {
                guard let ontoAttribute else { throw ValidationError("a plain graph is projected by attribute: give --onto-attribute NAME=VALUE") }
                if !onto.isEmpty || !via.isEmpty { throw ValidationError("--onto and --via name dataset kinds; for a plain graph use --onto-attribute NAME=VALUE") }
                let parts = ontoAttribute.split(separator: "=", maxSplits: 1).map(String.init)
                selection = .attribute(name: parts[0], value: parts.count > 1 ? parts[1] : "")
            }
            let result: NetworkProjection
            do {
                result = try loaded.projection(selection)
            } catch AnalysisError.nothingToProject {
                throw CommandFailure("nothing to project: no node is selected by \(onto.isEmpty ? "--onto-attribute \(ontoAttribute!)" : "--onto \(onto.joined(separator: " "))")")
            }

            if let output {
                try writeGraph(result.graph, to: output)
                printError("wrote \(result.graph.nodeCount) nodes and \(result.graph.edgeCount) weighted edges to \(output)")
            }
            let count = result.pairs.count
            let table = Table(key: "pairs", title: "\(selection.summary): \(count) pair\(count == 1 ? "" : "s") among \(result.projection.nodes.count)",
                              columns: ["a", "a_name", "b", "b_name", "weight", "shared"],
                              rows: result.pairs.map { pair in
                                  [.text(pair.a), .text(pair.aName), .text(pair.b), .text(pair.bName), .int(pair.weight),
                                   .text(pair.shared.joined(separator: " "))]
                              })
            emit([table], format: format.format, preamble: loaded.filterPreamble, context: loaded.filterFields)
        }
    }
}
