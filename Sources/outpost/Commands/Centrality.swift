import ArgumentParser
import Foundation
import Outpost

/// `--measure` takes the library's measure names.
extension CentralityMeasure: ExpressibleByArgument {}

struct Centrality: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rank nodes by a centrality measure (definitions and defaults as NetworkX's).",
        discussion: """
        Measures (NetworkX function, defaults):
          degree         degree_centrality: degree / (n−1); also in-degree, out-degree
          betweenness    betweenness_centrality: normalized, endpoints excluded
          closeness      closeness_centrality: wf_improved (scaled for disconnected
                         graphs); directed graphs use distances *to* the node
          harmonic       harmonic_centrality: Σ 1/d(v,u), unnormalised
          eigenvector    eigenvector_centrality (directed: from in-neighbours)
          pagerank       pagerank: alpha 0.85 (--alpha), --personalize ID…
          katz           katz_centrality: alpha 0.1 (--alpha), beta 1, normalized
          core-number    core_number (k-core index)

        --raw gives the unnormalised variant: degree counts, betweenness with
        normalized=False, closeness with wf_improved=False, katz with
        normalized=False.

        --weight ATTR uses an edge attribute: a distance for betweenness,
        closeness and harmonic; a strength for eigenvector, pagerank and katz.
        A dataset has one attribute, `relations` (relations joining a pair).

        On a dataset, only the network layer (ties between actors) counts unless
        --layer says otherwise: reports, responses and denials are evidence about
        the network, not ties in it. --layer all counts every relation.

        A dataset is read as undirected unless --directed is given. Iterative
        measures converge to 1e-12 (NetworkX's default is 1e-6). On a terminal,
        betweenness, closeness and harmonic show their progress on stderr.

        Examples (D=Graphs/overseas-police-stations):
          outpost centrality $D --measure betweenness --top 10
          outpost centrality $D --measure pagerank --min-status confirmed
          outpost centrality $D --measure betweenness --layer all
          outpost centrality edges.csv --directed --measure pagerank --format json
        """)

    @OptionGroup var input: InputOptions
    @Option(name: .long, help: ArgumentHelp("The measure: \(CentralityMeasure.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "measure"))
    var measure: CentralityMeasure
    @Flag(name: .long, help: "Unnormalised variant where NetworkX has one.")
    var raw = false
    @Option(name: .long, help: ArgumentHelp("Edge attribute holding weights (see above).", valueName: "attr"))
    var weight: String?
    @Option(name: .long, help: "Damping (pagerank, default 0.85) or attenuation (katz, default 0.1).")
    var alpha: Double?
    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("PageRank teleports only to these nodes (ids, names or aliases).", valueName: "node"))
    var personalize: [String] = []
    @Option(name: .long, help: "Print only the N highest-ranked nodes.")
    var top: Int?
    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
        if raw && !measure.hasRawVariant {
            throw ValidationError("--raw has no meaning for \(measure.rawValue): it has no unnormalised variant")
        }
        if alpha != nil && !measure.takesAlpha { throw ValidationError("--alpha applies to pagerank and katz") }
        if !personalize.isEmpty && measure != .pagerank { throw ValidationError("--personalize applies to pagerank") }
        if weight != nil && !measure.readsWeights {
            throw ValidationError("--weight does not apply to \(measure.rawValue)")
        }
        if let alpha, measure == .pagerank, !(alpha > 0 && alpha < 1) { throw ValidationError("--alpha for pagerank must be between 0 and 1") }
    }

    func run() throws {
        try reportingErrors {
            let loaded = try LoadedNetwork(input, filters: filters)
            if loaded.graph.nodeCount > 5_000 && measure.isAllPairs {
                printError("computing \(measure.rawValue) on \(loaded.graph.nodeCount) nodes and \(loaded.graph.edgeCount) edges…")
            }
            let progress = TerminalProgress("\(measure.rawValue), sources done")
            defer { progress.finish() }
            let options = CentralityOptions(raw: raw, weightAttribute: weight, alpha: alpha, personalization: personalize,
                                            progress: progress.handler)
            let result: CentralityResult
            do {
                result = try loaded.centrality(measure, options)
            } catch let error as AnalysisError {
                // A weight the dataset does not have is a usage error, as the other options' are.
                if case .unknownDatasetWeight = error { throw ValidationError(error.description) }
                throw error
            }
            loaded.noteMerges(count: result.droppedEdgeCount)
            let ranking = result.ranking()
            let shown = top.map { Array(ranking.prefix($0)) } ?? ranking
            let scores = result.scores.scores
            switch output.format {
            case .json:
                // Streamed row by row: a million nodes never become one String or a tree of values.
                var json = JSONStreamWriter { print($0, terminator: "") }
                json.open("{")
                json.pairs([("measure", .string(measure.rawValue))] + loaded.filterFields)
                json.key("nodes")
                json.open("[")
                for v in shown {
                    json.separator()
                    json.open("{")
                    json.key("id"); json.string(result.ids[v])
                    json.key("name"); json.string(result.names[v])
                    json.key("score"); json.double(scores[v])
                    json.close("}")
                }
                json.close("]")
                json.close("}")
                json.flush()
                print()
            case .table, .csv:
                let weighting = result.weightAttribute.map { ", weighted by \($0)" } ?? ""
                var table = Table(key: "nodes", title: "\(measure.rawValue)\(raw ? " (raw)" : "")\(weighting) — \(result.nodeCount) nodes",
                                  columns: ["rank", "id", "name", "score"])
                for (rank, v) in shown.enumerated() {
                    table.rows.append([.int(rank + 1), .text(result.ids[v]), .text(result.names[v]),
                                       result.isCount ? .int(Int(scores[v])) : .number(scores[v])])
                }
                emit([table], format: output.format, preamble: loaded.filterPreamble)
            }
        }
    }
}
