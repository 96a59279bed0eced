import ArgumentParser
import Foundation
import Outpost

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report: summary and coverage, the network diagram, top-N rankings, explained paths and every cited source.",
        discussion: """
        One HTML file with its CSS and the diagram's SVG inline: no scripts, no fonts
        or images fetched from anywhere; the only web addresses are the links to the
        cited sources. The same input always gives the same bytes (no timestamps).

        Sections:
          Summary and coverage  what `outpost stats` prints, with the published totals
          The whole network     the diagram `outpost render` draws, legend and caption
          Centrality            the --top N (default 10) by degree, betweenness and
                                PageRank
          Communities           Leiden communities (modularity, resolution 1, seed 42)
                                with their members
          Explained paths       for each --path FROM TO, a shortest path (fewest hops,
                                direction ignored) with every relation on each hop, its
                                status and its citations
          Sources               every source the report's entities, relations and
                                totals cite
        Every dataset filter applies to every section. The file is written atomically.

        Examples:
          outpost report Graphs/overseas-police-stations -o report.html
          outpost report Graphs/overseas-police-stations -o report.html \\
              --path station-rotterdam fuzhou-psb \\
              --path stations-greater-toronto "Operation Fox Hunt"
          outpost report Graphs/overseas-police-stations -o confirmed.html \\
              --min-status confirmed --top 5
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var filters: FilterOptions

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The HTML file to write.", valueName: "file"))
    var output: String

    @Option(name: .long, help: "Rows in each ranking table.")
    var top: Int = 10

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp(
        "Explain how two entities (id, name or alias) are connected; repeat for more pairs.", valueName: "from to"))
    var path: [String] = []

    @Option(name: .long, help: "The report's title (default: the dataset's title).")
    var title: String?

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1") }
        let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
        if ext != "html" && ext != "htm" {
            throw ValidationError("-o \(output): a report is one HTML file; name it FILE.html (for a PDF, print the HTML from a browser, or draw a figure with `outpost render -o FILE.pdf`)")
        }
        if path.count % 2 != 0 {
            throw ValidationError("--path takes two entities, FROM and TO (got \(path.count) value\(path.count == 1 ? "" : "s"): \(path.joined(separator: " ")))")
        }
    }

    /// Each `--path FROM TO` as the library's question: one shortest path.
    var pathQueries: [PathQuery] {
        stride(from: 0, to: path.count - 1, by: 2).map { PathQuery(from: path[$0], to: path[$0 + 1]) }
    }

    func run() throws {
        try reportingErrors {
            let loaded = try LoadedNetwork(input, filters: filters)
            let evidence = try loaded.relayered(filters, defaultLayers: RelationLayer.all)
            let builder = Report(loaded, evidence: evidence, title: title, top: top, paths: pathQueries,
                                 generator: "outpost report \(OutpostCommand.configuration.version)")
            loaded.noteMerges(count: builder.droppedEdgeCount)
            let html = try builder.html()
            let url = URL(fileURLWithPath: output)
            do {
                try Data(html.utf8).write(to: url, options: .atomic)
            } catch {
                throw CommandFailure("cannot write \(output): \(error.localizedDescription)")
            }
            printError("wrote \(output): \(html.utf8.count) bytes; \(builder.sectionTitles.count) sections (\(builder.sectionTitles.joined(separator: ", "))); \(builder.citedSources.count) sources")
        }
    }
}
