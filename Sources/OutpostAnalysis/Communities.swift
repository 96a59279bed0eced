import OutpostAlgorithms
import OutpostGraph

/// Communities of a loaded network, as `outpost communities` lists them.
public struct CommunitySummary: Sendable {
    /// The partition the algorithm found, indexed like ``LoadedNetwork/graph``'s nodes.
    public var partition: Partition
    /// NetworkX's `modularity` of the partition at the resolution asked for, with the same weights.
    public var modularity: Double
    /// Member ids of each community, each sorted by id; communities by size, largest first,
    /// then by their first member's id.
    public var communities: [[String]]
    /// Edges of a plain graph the index left out (``LoadedNetwork/droppedEdgeCount(in:)``).
    public var droppedEdgeCount: Int
}

extension LoadedNetwork {
    /// Finds communities, as `outpost communities` does with the same arguments.
    ///
    /// A dataset's linked pairs weigh the number of relations joining them; a plain graph's
    /// edges their `weight`, or the numeric attribute `weightAttribute`.
    /// - Parameters:
    ///   - algorithm: Louvain, Leiden (default: resolution 1, seed 42) or label propagation.
    ///   - weightAttribute: a plain graph's numeric edge attribute to weigh by (nil or `weight`:
    ///     the edge weight); a dataset takes nil or `relations`.
    ///   - weighted: false counts every linked pair as 1.
    ///   - maximumIterations: Leiden's iterations; nil repeats until the partition stops changing.
    ///   - modularityResolution: the resolution ``CommunitySummary/modularity`` is computed at;
    ///     nil: the algorithm's (1 for label propagation).
    /// - Throws: ``AnalysisError/unknownDatasetWeight(_:)``, or ``DiagnosticsError`` for a
    ///   plain graph's attribute that is missing or not a number.
    /// - Complexity: that of the algorithm (``GraphIndex/communities(using:weighted:)``).
    public func communities(using algorithm: CommunityAlgorithm = .leiden(), weightAttribute: String? = nil,
                            weighted: Bool = true, maximumIterations: Int? = nil,
                            modularityResolution: Double? = nil) throws -> CommunitySummary {
        let index = try weightedIndex(attribute: weightAttribute).index
        var resolution = 1.0
        let partition: Partition
        switch algorithm {
        case let .leiden(r, seed) where maximumIterations != nil:
            resolution = r
            partition = try index.leidenCommunities(resolution: r, seed: seed, weighted: weighted, maximumIterations: maximumIterations!)
        case let .leiden(r, _), let .louvain(r, _):
            resolution = r
            partition = try index.communities(using: algorithm, weighted: weighted)
        case .labelPropagation:
            partition = try index.communities(using: algorithm, weighted: weighted)
        }
        let quality = index.modularity(of: partition.labels, resolution: modularityResolution ?? resolution, weighted: weighted)
        let ids = index.ids
        let groups = partition.communities
            .map { members in members.map { ids[$0] }.sorted() }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
        return CommunitySummary(partition: partition, modularity: quality, communities: groups,
                                droppedEdgeCount: droppedEdgeCount(in: index))
    }
}
