import ArgumentParser
import Foundation
import Outpost

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw a graph as SVG, PNG, PDF or laid-out DOT, styled by kind and evidence status.",
        discussion: """
        Shapes and fills show each entity's kind, and line styles each relation's
        status: confirmed solid, reported dashed, disputed dotted orange, denied
        dotted red ending in a bar. A legend box lists them. The title and caption
        name the dataset, its filter and the date of its newest source. Layout and
        rendering run in process through Graphviz (libgvc); the file is written
        atomically, and a one-line summary goes to standard error.

        Examples:
          outpost render Graphs/overseas-police-stations -o stations.svg
          outpost render Graphs/overseas-police-stations -o by-country.svg \\
              --cluster-by country
          outpost render Graphs/overseas-police-stations -o confirmed.pdf \\
              --min-status confirmed --drop-isolated --edge-labels
          outpost render Graphs/overseas-police-stations -o path.svg \\
              --highlight-path fuzhou-psb station-rotterdam
          outpost render Graphs/overseas-police-stations -o big.png --engine sfdp \\
              --size-by degree
          outpost render Graphs/overseas-police-stations -o a4.pdf --page a4 \\
              --country Netherlands
          outpost render Graphs/overseas-police-stations -o overview.pdf \\
              --page a3 --label-min-degree 2
          outpost render Graphs/overseas-police-stations -o qingtian.svg \\
              --focus qingtian-psb --page a4
          outpost render Graphs/overseas-police-stations -o fuzhou.svg \\
              --focus fuzhou-psb --page a3
          outpost render Graphs/overseas-police-stations -o paths.pdf \\
              --path station-rotterdam fuzhou-psb --k 3 --page a3

        Exit codes: 0 written; 1 the input has problems or Graphviz failed;
        2 the figure cannot fit --page with its text at 6 pt or more (nothing
        is written; draw a focused figure or use a larger page); 64 the
        command line is wrong.
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var filters: FilterOptions

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The file to write.", valueName: "file"))
    var output: String

    @Option(name: .long, help: ArgumentHelp(
        "Output format: \(RenderFormat.allCases.map(\.rawValue).joined(separator: ", ")) (dot: DOT text with the layout's positions). Default: from the output file's extension.",
        valueName: "format"))
    var format: String?

    @Option(name: .long, help: ArgumentHelp(
        "Layout engine: auto, \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", ")). auto (the default) lays the graph out with the engines that suit its size (dot only for small sparse graphs) and keeps the one that fits the page (A3 without --page) largest; dot is layered and reads direction; sfdp suits large graphs.",
        valueName: "engine"))
    var engine: String = "auto"

    @Flag(name: .customLong("edge-labels"), help: "Write each relation's type on its line.")
    var edgeLabels = false

    @Option(name: .customLong("size-by"), help: ArgumentHelp(
        "Scale nodes by a measure: degree, pagerank or betweenness.", valueName: "measure"))
    var sizeBy: String?

    @Option(name: .customLong("color-by"), help: ArgumentHelp("Fill nodes by kind or community.", valueName: "kind|community"))
    var colorBy: String = "kind"

    @Option(name: .customLong("cluster-by"), help: ArgumentHelp(
        "Box nodes by country, or by jurisdiction (the entity that established each station).", valueName: "country|jurisdiction"))
    var clusterBy: String?

    @Option(name: .customLong("highlight-path"), parsing: .upToNextOption, help: ArgumentHelp(
        "Highlight a shortest path between two entities (id, name or alias) and dim the rest.", valueName: "from to"))
    var highlightPath: [String] = []

    @Option(name: .long, help: "The title at the top (default: the dataset's title).")
    var title: String?

    @Flag(name: .customLong("no-legend"), help: "Leave out the legend box.")
    var noLegend = false

    @Flag(name: .customLong("drop-isolated"), help: "Leave out entities that the filters leave with no relation.")
    var dropIsolated = false

    @Option(name: .customLong("label-min-degree"), help: ArgumentHelp(
        "Write names only on entities with at least this many neighbours; the others become small marks of their kind, named in their tooltips (an overview that fits a page: 2 leaves the leaves unnamed).",
        valueName: "n"))
    var labelMinDegree: Int?

    @Option(name: .long, help: ArgumentHelp(
        "Draw only this entity's neighbourhood (id, name or alias), styled as the whole network, its centre outlined.",
        valueName: "entity"))
    var focus: String?

    @Option(name: .long, help: ArgumentHelp("With --focus: the hops the neighbourhood reaches (default 1).", valueName: "hops"))
    var radius: Int?

    @Option(name: .customLong("path"), parsing: .upToNextOption, help: ArgumentHelp(
        "Draw the shortest path between two entities (the network's filters apply), its relations labelled with type and status, and the entities next to it faded.",
        valueName: "from to"))
    var path: [String] = []

    @Option(name: .customLong("k"), help: ArgumentHelp("With --path: draw the k shortest simple paths (default 1).", valueName: "k"))
    var k: Int?

    @Option(name: .long, help: ArgumentHelp(
        "Fit the figure to a page: a4, a3, letter or WIDTHxHEIGHT with in, cm, mm or pt (8.5x11in). The drawing is scaled down to the page less 0.5 in margins, never so far that text prints under 6 pt (exit code 2 then).",
        valueName: "page"))
    var page: String?

    @Option(name: .long, help: ArgumentHelp(
        "With --page: portrait, landscape, or auto (the one that draws the figure larger).", valueName: "orientation"))
    var orientation: String = "auto"

    static let sizeMeasures = ["degree", "pagerank", "betweenness"]
    /// The exit code when the figure cannot fit `--page` with its text at 6 pt or more.
    static let doesNotFitExitCode: Int32 = 2

    func validate() throws {
        do {
            if engine != "auto" { _ = try LayoutEngine(parsing: engine) }
            _ = try resolvedFormat()
        } catch let error as RenderError {
            throw ValidationError(error.description)
        }
        if let sizeBy, !Render.sizeMeasures.contains(sizeBy) {
            throw ValidationError("unknown --size-by '\(sizeBy)'; valid: \(Render.sizeMeasures.joined(separator: ", "))")
        }
        if DiagramOptions.Coloring(rawValue: colorBy) == nil {
            throw ValidationError("unknown --color-by '\(colorBy)'; valid: \(DiagramOptions.Coloring.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let clusterBy, DiagramOptions.Clustering(rawValue: clusterBy) == nil {
            throw ValidationError("unknown --cluster-by '\(clusterBy)'; valid: \(DiagramOptions.Clustering.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        // Only dot and fdp draw Graphviz clusters; the other engines would ignore the option.
        if clusterBy != nil, engine != "auto", engine != LayoutEngine.dot.rawValue, engine != LayoutEngine.fdp.rawValue {
            throw ValidationError("--cluster-by draws boxes only with --engine dot or fdp; \(engine) ignores clusters (drop --cluster-by or choose dot or fdp)")
        }
        if Page.Orientation(rawValue: orientation) == nil {
            throw ValidationError("unknown --orientation '\(orientation)'; valid: \(Page.Orientation.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let page {
            do { _ = try Page(parsing: page) } catch let error as RenderError { throw ValidationError(error.description) }
        } else if orientation != "auto" {
            throw ValidationError("--orientation applies to a page; add --page (a4, a3, letter or WIDTHxHEIGHT with a unit)")
        }
        if let labelMinDegree, labelMinDegree < 1 {
            throw ValidationError("--label-min-degree must be 1 or more neighbours (got \(labelMinDegree)); leave it out to name every entity")
        }
        if let radius, focus == nil { throw ValidationError("--radius \(radius) applies to --focus ENTITY; add --focus or drop --radius") }
        if let radius, radius < 1 { throw ValidationError("--radius must be 1 or more hops (got \(radius))") }
        if !path.isEmpty && path.count != 2 {
            throw ValidationError("--path takes two entities, FROM and TO (got \(path.count))")
        }
        if let k, path.isEmpty { throw ValidationError("--k \(k) applies to --path FROM TO; add --path or drop --k") }
        if let k, k < 1 { throw ValidationError("--k must be 1 or more (got \(k))") }
        if focus != nil && !path.isEmpty { throw ValidationError("--focus and --path draw different figures; give one of them") }
        if !highlightPath.isEmpty && (focus != nil || !path.isEmpty) {
            throw ValidationError("--highlight-path draws on the whole network; with --focus or --path leave it out (--path highlights its own paths)")
        }
        if !highlightPath.isEmpty && highlightPath.count != 2 {
            throw ValidationError("--highlight-path takes two entities, FROM and TO (got \(highlightPath.count))")
        }
    }

    func resolvedFormat() throws -> RenderFormat {
        if let format { return try RenderFormat(parsing: format) }
        let ext = URL(fileURLWithPath: output).pathExtension
        guard let format = RenderFormat(pathExtension: ext) else {
            throw RenderError.unknownFormat(ext.isEmpty ? "(no extension on \(output))" : ext)
        }
        return format
    }

    func run() throws {
        try reportingErrors {
            let fixedEngine = engine == "auto" ? nil : try LayoutEngine(parsing: engine)
            let format = try resolvedFormat()
            let loaded = try LoadedNetwork(input, filters: filters, dropIsolated: dropIsolated)
            let isDataset = loaded.isDataset
            if dropIsolated && !isDataset {
                throw ValidationError("--drop-isolated applies to datasets; \(input.path) is a plain graph")
            }

            var options = DiagramOptions(title: title, edgeLabels: edgeLabels, legend: !noLegend)
            options.labelsFromDegree = labelMinDegree
            if let clusterBy {
                options.clusterBy = DiagramOptions.Clustering(rawValue: clusterBy)
                if options.clusterBy == .jurisdiction && !isDataset {
                    throw ValidationError("--cluster-by jurisdiction applies to datasets; \(input.path) is a plain graph")
                }
            }
            if highlightPath.count == 2 {
                options.highlightPath = .init(from: try nodeID(highlightPath[0], in: loaded),
                                              to: try nodeID(highlightPath[1], in: loaded))
            }
            let measure = sizeBy.flatMap(CentralityMeasure.init(rawValue:))
            let diagram: NetworkDiagram
            if let focus {
                if colorBy == "community" { throw ValidationError("--color-by community colours the whole network's communities; leave it out with --focus") }
                _ = try nodeID(focus, in: loaded)
                diagram = try loaded.focusDiagram(on: focus, radius: radius ?? 1, options, sizedBy: measure)
            } else if path.count == 2 {
                _ = try nodeID(path[0], in: loaded)
                _ = try nodeID(path[1], in: loaded)
                let selection: PathQuery.Selection = (k ?? 1) > 1 ? .cheapest(k!) : .shortest
                let search = try loaded.findPaths(PathQuery(from: path[0], to: path[1], selection: selection))
                diagram = try loaded.pathDiagram(search, context: 1, options)
            } else {
                diagram = try loaded.diagram(options, sizedBy: measure, coloredByCommunity: colorBy == "community")
            }
            loaded.noteMerges(count: diagram.droppedEdgeCount)
            let drawnNodes = diagram.nodeCount, drawnEdges = diagram.edgeCount
            // auto: the engines suited to the size, or dot alone for boxes (only dot and fdp
            // draw clusters, and fdp is slow).
            let engines = fixedEngine.map { [$0] }
                ?? (clusterBy != nil ? [.dot] : LayoutEngine.automatic(nodeCount: drawnNodes, edgeCount: drawnEdges))
            let advice = fixedEngine?.advice(nodeCount: drawnNodes)
            if let advice { printError("warning: \(advice)") }

            let clock = ContinuousClock()
            let start = clock.now
            let fitting = try page.map { try Page(parsing: $0, orientation: Page.Orientation(rawValue: orientation) ?? .auto) }
            let rendering: Rendering
            let progress = TerminalProgress("laying out and drawing \(drawnNodes) nodes with \(engines.map(\.rawValue).joined(separator: ", "))")
            progress.showElapsed()
            defer { progress.finish() }
            do {
                rendering = try GraphvizRenderer().render(diagram.styled, choosingAmong: engines, format: format, page: fitting)
                progress.finish()
            } catch let error as RenderError {
                progress.finish()
                guard case .doesNotFit = error else { throw error }
                printError("error: \(error)")
                printError("(nothing written; focused figures: --focus ENTITY [--radius R], --path FROM TO, --country NAME; an overview naming only the hubs: --label-min-degree 2; or a larger --page)")
                throw ExitCode(Render.doesNotFitExitCode)
            }
            let elapsed = clock.now - start
            for warning in rendering.warnings where warning != advice { printError("warning: graphviz: \(warning)") }

            let url = URL(fileURLWithPath: output)
            do {
                try rendering.data.write(to: url, options: .atomic)
            } catch {
                throw RenderCommandError.cannotWrite(output, error.localizedDescription)
            }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            var onPage = ""
            if let fit = rendering.pageFit, let fitting {
                onPage = "; on \(fitting.name) \(fit.orientation.rawValue) at scale \(String(format: "%.2f", fit.scale)) (smallest text \(String(format: "%.1f", diagram.styled.smallestFontSize * fit.scale)) pt)"
            }
            printError("wrote \(output): \(format.rawValue), \(rendering.data.count) bytes; \(drawnNodes) nodes, \(drawnEdges) edges; \(rendering.engine.rawValue) layout\(engines.count > 1 ? " (auto: the best fit of \(engines.map(\.rawValue).joined(separator: ", ")))" : "") and render in \(String(format: "%.2f", seconds)) s" + onPage)
        }
    }

    /// The node id an argument names (``LoadedNetwork/node(_:)``), which the filters must keep.
    func nodeID(_ query: String, in loaded: LoadedNetwork) throws -> String {
        let node = try loaded.node(query)
        guard node.index != nil else { throw RenderCommandError.filteredOut(node.id) }
        return node.id
    }
}

enum RenderCommandError: Error, CustomStringConvertible {
    case filteredOut(String)
    case cannotWrite(String, String)

    var description: String {
        switch self {
        case let .filteredOut(id): return "'\(id)' is not in the filtered graph; loosen the filters to draw a path through it"
        case let .cannotWrite(path, reason): return "cannot write \(path): \(reason)"
        }
    }
}
