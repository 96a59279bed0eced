import ArgumentParser
import Foundation
import Outpost

struct Explore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Write an interactive explorer: one self-contained HTML file to browse the network and its evidence.",
        discussion: """
        The page shows the diagram Graphviz lays out (as `outpost render` draws it) and
        lets a reader pan and zoom (drag, wheel, + - 0 and arrow keys), click an entity
        to read each of its relations with every citation, search names, aliases, ids
        and cities (accents and case ignored), filter by status, layer, kind, country
        and date (as of), and find the shortest paths between two entities. The
        selection, filters and path live in the address's fragment, so a link restores
        them. The file loads nothing from anywhere (its Content-Security-Policy forbids
        it) and opens from a file:// address.

        Every dataset filter applies to what the page includes; relations of every
        layer are included unless --layer says otherwise. The file is written atomically.

        Examples:
          outpost explore Graphs/overseas-police-stations -o explorer.html
          outpost explore Graphs/overseas-police-stations -o network.html \\
              --layer network
          outpost explore Graphs/overseas-police-stations -o confirmed.html \\
              --min-status confirmed
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var filters: FilterOptions

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The HTML file to write.", valueName: "file"))
    var output: String

    @Option(name: .long, help: "The page's title (default: the dataset's title).")
    var title: String?

    func run() throws {
        try reportingErrors {
            let loaded = try LoadedNetwork(input, filters: filters, defaultLayers: RelationLayer.all)
            let explorer = Explorer(loaded, title: title, generator: "outpost explore \(OutpostCommand.configuration.version)")
            let html = try explorer.html()
            do {
                try Data(html.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw CommandFailure("cannot write \(output): \(error.localizedDescription)")
            }
            printError("wrote \(output): \(html.utf8.count) bytes; \(loaded.graph.nodeCount) nodes, \(loaded.graph.edgeCount) edges")
        }
    }
}
