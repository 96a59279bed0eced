import OutpostAlgorithms
import OutpostGraph

/// A centrality measure, with NetworkX's definition and defaults (``GraphIndex``'s methods
/// compute them). Raw values are the names `outpost centrality --measure` takes.
public enum CentralityMeasure: String, CaseIterable, Hashable, Sendable, Codable {
    /// `degree_centrality`: degree / (*n* − 1); raw: the degree.
    case degree
    /// `in_degree_centrality` (directed graphs only); raw: the in-degree.
    case inDegree = "in-degree"
    /// `out_degree_centrality` (directed graphs only); raw: the out-degree.
    case outDegree = "out-degree"
    /// `betweenness_centrality`, normalized, endpoints excluded; raw: `normalized=False`.
    case betweenness
    /// `closeness_centrality` with `wf_improved`; raw: without it.
    case closeness
    /// `harmonic_centrality`: Σ 1/*d*(*v*, *u*), unnormalized.
    case harmonic
    /// `eigenvector_centrality` (directed: from in-neighbors).
    case eigenvector
    /// `pagerank`, damping 0.85 unless ``CentralityOptions/alpha`` says otherwise.
    case pagerank
    /// `katz_centrality`, attenuation 0.1, beta 1, normalized; raw: `normalized=False`.
    case katz
    /// `core_number`: the largest *k* of a *k*-core holding the node.
    case coreNumber = "core-number"

    /// Whether the measure has an unnormalized variant (``CentralityOptions/raw``).
    public var hasRawVariant: Bool { [.degree, .inDegree, .outDegree, .betweenness, .closeness, .katz].contains(self) }
    /// Whether the measure takes an ``CentralityOptions/alpha`` (damping or attenuation).
    public var takesAlpha: Bool { self == .pagerank || self == .katz }
    /// Whether the measure can read edge weights (as distances or as strengths).
    public var readsWeights: Bool { ![.degree, .inDegree, .outDegree, .coreNumber].contains(self) }
    /// Whether the measure visits every pair of nodes (and reports progress while it runs).
    public var isAllPairs: Bool { [.betweenness, .closeness, .harmonic].contains(self) }

    /// Whether the scores are whole numbers (counts): core numbers, and raw degrees.
    public func countsWholeNumbers(raw: Bool) -> Bool {
        self == .coreNumber || (raw && [.degree, .inDegree, .outDegree].contains(self))
    }
}

/// How ``LoadedNetwork/centrality(_:_:)`` computes a measure; the defaults are NetworkX's.
public struct CentralityOptions: Sendable {
    /// The unnormalized variant, for a measure that has one (``CentralityMeasure/hasRawVariant``).
    public var raw: Bool
    /// The edge attribute holding weights (``LoadedNetwork/weightedIndex(attribute:)``): a
    /// distance for betweenness, closeness and harmonic; a strength for eigenvector, PageRank
    /// and Katz. Nil: unweighted.
    public var weightAttribute: String?
    /// PageRank's damping (default 0.85, strictly between 0 and 1) or Katz's attenuation
    /// (default 0.1); nil: the default.
    public var alpha: Double?
    /// PageRank teleports only to these nodes (ids, names or aliases, as ``LoadedNetwork/node(_:)``
    /// finds them); empty: to every node.
    public var personalization: [String]
    /// Called as sources are done by the all-pairs measures (betweenness, closeness, harmonic),
    /// or as paths are sampled by approximate betweenness.
    public var progress: ProgressHandler?
    /// Betweenness only: estimate it from sampled shortest paths, every node within this
    /// error with probability at least 1 − ``delta``
    /// (``GraphIndex/approximateBetweennessCentrality(epsilon:delta:seed:weighted:universalConstant:progress:)``);
    /// nil: compute it exactly.
    public var epsilon: Double?
    /// With ``epsilon``: the probability allowed of missing it (default 0.1).
    public var delta: Double
    /// With ``epsilon``: the seed of the sampled paths (default 42).
    public var seed: UInt64

    public init(raw: Bool = false, weightAttribute: String? = nil, alpha: Double? = nil,
                personalization: [String] = [], progress: ProgressHandler? = nil,
                epsilon: Double? = nil, delta: Double = 0.1, seed: UInt64 = 42) {
        self.raw = raw
        self.weightAttribute = weightAttribute
        self.alpha = alpha
        self.personalization = personalization
        self.progress = progress
        self.epsilon = epsilon
        self.delta = delta
        self.seed = seed
    }
}

/// A measure's scores on a loaded network, with what was counted.
public struct CentralityResult: Sendable {
    /// The measure computed.
    public var measure: CentralityMeasure
    /// Whether the unnormalized variant was computed.
    public var raw: Bool
    /// The edge attribute read as weights; nil when unweighted.
    public var weightAttribute: String?
    /// One score per node, by node index, reachable by id (`result.scores["fuzhou-psb"]`).
    public var scores: CentralityScores
    /// Node display names by index (entity names, node labels or ids).
    public var names: [String]
    /// Nodes and distinct linked pairs of the index the measure ran on.
    public var nodeCount: Int
    public var edgeCount: Int
    /// Edges of a plain graph the index left out (``LoadedNetwork/droppedEdgeCount(in:)``).
    public var droppedEdgeCount: Int
    /// For betweenness estimated from sampled paths (``CentralityOptions/epsilon``): the
    /// guarantee and the samples; nil for exact scores.
    public var sampling: BetweennessSampling?

    /// Node ids by index.
    public var ids: [String] { scores.ids }
    /// Whether the scores are whole numbers (``CentralityMeasure/countsWholeNumbers(raw:)``).
    public var isCount: Bool { measure.countsWholeNumbers(raw: raw) }
    /// Node indices by score, highest first, ties by id.
    public func ranking() -> [Int] { scores.ranking() }
}

extension LoadedNetwork {
    /// Computes one centrality measure, as `outpost centrality` does with the same arguments.
    ///
    /// The measure runs on ``weightedIndex(attribute:)``: a dataset's parallel relations make
    /// one link, a plain graph's repeated pair keeps its last weight. On a dataset loaded with
    /// the default filter only the network layer counts.
    /// - Parameters:
    ///   - measure: the measure.
    ///   - options: its variant, weights, alpha and personalization.
    /// - Returns: the scores by node, with names and what was counted.
    /// - Throws: ``AnalysisError/noRawVariant(_:)``, ``AnalysisError/alphaOutOfRange(_:)``,
    ///   ``AnalysisError/noApproximation(_:)``, ``AnalysisError/rawApproximation`` and
    ///   ``AnalysisError/notInFilteredGraph(_:)`` for options the measure cannot take;
    ///   ``AnalysisError/unknownDatasetWeight(_:)`` and the lookup errors of ``node(_:)``; the
    ///   algorithm's own errors (negative weights, a direction the measure needs, no convergence).
    /// - Complexity: that of the measure (``GraphIndex/betweennessCentrality(normalized:weighted:progress:)`` and the others).
    public func centrality(_ measure: CentralityMeasure, _ options: CentralityOptions = CentralityOptions()) throws -> CentralityResult {
        if options.raw && !measure.hasRawVariant { throw AnalysisError.noRawVariant(measure.rawValue) }
        if let alpha = options.alpha, measure == .pagerank, !(alpha > 0 && alpha < 1) { throw AnalysisError.alphaOutOfRange(alpha) }
        if options.epsilon != nil && measure != .betweenness { throw AnalysisError.noApproximation(measure.rawValue) }
        if options.epsilon != nil && options.raw { throw AnalysisError.rawApproximation }
        let weightedIndex = try self.weightedIndex(attribute: options.weightAttribute)
        let index = weightedIndex.index, weighted = weightedIndex.isWeighted, raw = options.raw
        func counts(_ count: (Int) -> Int) -> [Double] { (0..<index.nodeCount).map { Double(count($0)) } }
        let scores: [Double]
        var sampling: BetweennessSampling?
        switch measure {
        case .degree: scores = raw ? counts(index.degree(of:)) : index.degreeCentrality().scores
        case .inDegree:
            let normalized = try index.inDegreeCentrality()
            scores = raw ? counts(index.inDegree(of:)) : normalized.scores
        case .outDegree:
            let normalized = try index.outDegreeCentrality()
            scores = raw ? counts(index.outDegree(of:)) : normalized.scores
        case .betweenness:
            if let epsilon = options.epsilon {
                let estimate = try index.approximateBetweennessCentrality(epsilon: epsilon, delta: options.delta, seed: options.seed,
                                                                          weighted: weighted, progress: options.progress)
                scores = estimate.scores.scores
                sampling = estimate.sampling
            } else {
                scores = try index.betweennessCentrality(normalized: !raw, weighted: weighted, progress: options.progress).scores
            }
        case .closeness:
            scores = try index.closenessCentrality(weighted: weighted, wassermanFaust: !raw, progress: options.progress).scores
        case .harmonic: scores = try index.harmonicCentrality(weighted: weighted, progress: options.progress).scores
        case .eigenvector: scores = try index.eigenvectorCentrality(weighted: weighted).scores
        case .katz: scores = try index.katzCentrality(alpha: options.alpha ?? 0.1, normalized: !raw, weighted: weighted).scores
        case .coreNumber: scores = try index.coreNumbers().map(Double.init)
        case .pagerank:
            var vector: [Double]?
            if !options.personalization.isEmpty {
                var v = [Double](repeating: 0, count: index.nodeCount)
                for name in options.personalization {
                    guard let node = try node(name).index else { throw AnalysisError.notInFilteredGraph(name) }
                    v[node] = 1
                }
                vector = v
            }
            scores = try index.pageRank(alpha: options.alpha ?? 0.85, personalization: vector, weighted: weighted).scores
        }
        return CentralityResult(measure: measure, raw: raw, weightAttribute: weighted ? options.weightAttribute : nil,
                                scores: CentralityScores(measure: measure.rawValue, scores: scores, ids: index.ids),
                                names: index.names, nodeCount: index.nodeCount, edgeCount: index.edgeCount,
                                droppedEdgeCount: droppedEdgeCount(in: index), sampling: sampling)
    }
}
