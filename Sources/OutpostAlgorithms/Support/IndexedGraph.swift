import OutpostGraph

/// What an algorithm asks of a graph: nodes numbered `0..<nodeCount`, whether edges have a
/// direction, and each node's out- and in-neighbours with the weights of those edges.
///
/// The interface is Graphs.jl's `src/interface.jl` and petgraph's `visit` traits made small:
/// anything that provides these members runs the searches built on it
/// (``ShortestPathTree``, ``UndirectedView``). ``GraphIndex`` is the fast implementation
/// (compressed sparse rows); ``UndirectedView`` reads a directed index as undirected. For an
/// undirected graph, out- and in-neighbours are the same list.
///
/// Neighbour lists are ascending; `outWeights(of: v)[i]` is the weight of the edge to
/// `outNeighbors(of: v)[i]` (positions counted from each collection's start).
public protocol IndexedGraph: Sendable {
    associatedtype Neighbors: RandomAccessCollection<Int32>
    associatedtype Weights: RandomAccessCollection<Double>
    /// The number of nodes; nodes are `0..<nodeCount`.
    var nodeCount: Int { get }
    /// Whether an edge u → v lets a search go from u to v only.
    var isDirected: Bool { get }
    /// The nodes `node` has an edge to, ascending.
    func outNeighbors(of node: Int) -> Neighbors
    /// The weights of those edges, in the same order.
    func outWeights(of node: Int) -> Weights
    /// The nodes that have an edge to `node`, ascending.
    func inNeighbors(of node: Int) -> Neighbors
    /// The weights of those edges, in the same order.
    func inWeights(of node: Int) -> Weights
    /// The weight of the edge `u → v` (or `u — v`), nil if there is none.
    func weight(from u: Int, to v: Int) -> Double?
}

extension GraphIndex: IndexedGraph {
    @inlinable
    public func outNeighbors(of node: Int) -> ArraySlice<Int32> { targets[offsets[node]..<offsets[node + 1]] }

    @inlinable
    public func outWeights(of node: Int) -> Slice<EdgeWeights> { weights[offsets[node]..<offsets[node + 1]] }

    @inlinable
    public func inNeighbors(of node: Int) -> ArraySlice<Int32> { inSources[inOffsets[node]..<inOffsets[node + 1]] }

    @inlinable
    public func inWeights(of node: Int) -> Slice<EdgeWeights> { inWeights[inOffsets[node]..<inOffsets[node + 1]] }
}
