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

        --epsilon E estimates betweenness from sampled shortest paths (Riondato
        and Kornaropoulos 2016) where the exact one is out of reach: with
        probability at least 1 − δ (--delta, default 0.1) every node's score is
        within E of the exact normalized one. The samples grow as 1/E² but not
        with the graph; --seed S (default 42) fixes them, so a seed gives the
        same scores on every machine. The output states E, δ and the samples.

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
          outpost centrality big.csv --measure betweenness --epsilon 0.05 --top 20
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
    @Option(name: .long, help: ArgumentHelp("Estimate betweenness within this error (0 < E < 1; see above).", valueName: "E"))
    var epsilon: Double?
    @Option(name: .long, help: ArgumentHelp("With --epsilon: allowed probability of a larger error (0 < D < 1; default 0.1).", valueName: "D"))
    var delta: Double?
    @Option(name: .long, help: ArgumentHelp("With --epsilon: seed of the sampled paths (default 42).", valueName: "S"))
    var seed: UInt64?
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
        if let epsilon {
            if measure != .betweenness { throw ValidationError("--epsilon applies to betweenness (the one measure estimated from samples)") }
            if raw { throw ValidationError("--epsilon bounds the error of normalized betweenness; drop --raw, or drop --epsilon for exact raw scores") }
            if !(epsilon > 0 && epsilon < 1) {
                throw ValidationError("--epsilon must be strictly between 0 and 1, e.g. --epsilon 0.05 for every score within 0.05 of the exact one")
            }
        } else if delta != nil || seed != nil {
            throw ValidationError("--\(delta != nil ? "delta" : "seed") applies with --epsilon (approximate betweenness); add --epsilon E")
        }
        if let delta, !(delta > 0 && delta < 1) {
            throw ValidationError("--delta must be strictly between 0 and 1, e.g. --delta 0.1 for a 90% chance that every score is within epsilon")
        }
    }

    /// " (approximate: ±0.05 with probability ≥ 0.9, 1,234 sampled paths, seed 42)".
    static func approximationSummary(_ sampling: BetweennessSampling) -> String {
        " (approximate: ±\(Cell.format(sampling.epsilon)) with probability ≥ \(Cell.format(1 - sampling.delta)), "
            + "\(sampling.sampleCount) sampled paths, seed \(sampling.seed))"
    }

    /// The JSON answer's `approximation` object: the guarantee and what it took; none for exact scores.
    func approximationFields(_ sampling: BetweennessSampling?) -> [(String, JSONValue)] {
        guard let sampling else { return [] }
        return [("approximation", .object([
            ("method", .string("Riondato-Kornaropoulos sampling")),
            ("epsilon", .double(sampling.epsilon)), ("delta", .double(sampling.delta)),
            ("seed", Int(exactly: sampling.seed).map(JSONValue.int) ?? .string(String(sampling.seed))),
            ("samples", .int(sampling.sampleCount)),
            ("vertex_diameter_bound", .int(sampling.vertexDiameterBound)),
        ]))]
    }

    func run() throws {
        try reportingErrors {
            let loaded = try LoadedNetwork(input, filters: filters)
            if loaded.graph.nodeCount > 5_000 && measure.isAllPairs {
                printError("computing \(epsilon == nil ? "" : "approximate ")\(measure.rawValue) on \(loaded.graph.nodeCount) nodes and \(loaded.graph.edgeCount) edges…")
            }
            let progress = TerminalProgress("\(measure.rawValue), \(epsilon == nil ? "sources" : "paths sampled") done")
            defer { progress.finish() }
            let options = CentralityOptions(raw: raw, weightAttribute: weight, alpha: alpha, personalization: personalize,
                                            progress: progress.handler, epsilon: epsilon, delta: delta ?? 0.1, seed: seed ?? 42)
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
                var json = JSONStreamWriter(bytes: writeOutput)
                json.open("{")
                json.pairs([("measure", .string(measure.rawValue))] + approximationFields(result.sampling) + loaded.filterFields)
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
                json.newline()
                json.flush()
            case .table, .csv:
                let weighting = result.weightAttribute.map { ", weighted by \($0)" } ?? ""
                let approximate = result.sampling.map(Self.approximationSummary) ?? ""
                // CSV has no title: each row carries the guarantee in columns of its own.
                let sampling = output.format == .csv ? result.sampling : nil
                var table = Table(key: "nodes", title: "\(measure.rawValue)\(raw ? " (raw)" : "")\(approximate)\(weighting) — \(result.nodeCount) nodes",
                                  columns: ["rank", "id", "name", "score"] + (sampling == nil ? [] : ["epsilon", "delta", "samples"]))
                for (rank, v) in shown.enumerated() {
                    var row: [Cell] = [.int(rank + 1), .text(result.ids[v]), .text(result.names[v]),
                                       result.isCount ? .int(Int(scores[v])) : .number(scores[v])]
                    if let sampling { row += [.number(sampling.epsilon), .number(sampling.delta), .int(sampling.sampleCount)] }
                    table.rows.append(row)
                }
                emit([table], format: output.format, preamble: loaded.filterPreamble)
            }
        }
    }
}
