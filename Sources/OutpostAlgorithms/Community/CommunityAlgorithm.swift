import OutpostGraph

/// A community-detection method and its settings, for ``OutpostGraph/GraphIndex/communities(using:weighted:)``.
public enum CommunityAlgorithm: Sendable, Hashable {
    /// Louvain (Blondel et al. 2008), as NetworkX's `louvain_communities`.
    case louvain(resolution: Double = 1, seed: UInt64 = 42)
    /// Leiden (Traag, Waltman & van Eck 2019) on modularity; communities are connected.
    case leiden(resolution: Double = 1, seed: UInt64 = 42)
    /// Semi-synchronous label propagation, as NetworkX's `label_propagation_communities`.
    case labelPropagation
}

extension GraphIndex {
    /// Communities found by `algorithm`:
    /// `index.communities(using: .leiden(resolution: 1, seed: 42))`.
    ///
    /// - Parameters:
    ///   - algorithm: the method; see ``louvainCommunities(resolution:seed:weighted:threshold:)``,
    ///     ``leidenCommunities(resolution:seed:weighted:randomness:maximumIterations:)`` and
    ///     ``labelPropagationCommunities(weighted:)`` for the definitions.
    ///   - weighted: use edge weights (label propagation uses them only for the modularity).
    /// - Returns: the partition and its modularity.
    /// - Throws: ``AlgorithmError`` when `weighted`, the method is Louvain or Leiden and an edge
    ///   weight is negative, NaN or infinite.
    public func communities(using algorithm: CommunityAlgorithm, weighted: Bool = true) throws -> Partition {
        switch algorithm {
        case let .louvain(resolution, seed): return try louvainCommunities(resolution: resolution, seed: seed, weighted: weighted)
        case let .leiden(resolution, seed): return try leidenCommunities(resolution: resolution, seed: seed, weighted: weighted)
        case .labelPropagation: return labelPropagationCommunities(weighted: weighted)
        }
    }
}
