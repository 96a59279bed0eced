import Foundation
import OutpostAlgorithms
import OutpostGraph
import OutpostIO

/// An input read once and made ready to question: a dataset seen through a filter, or a plain
/// graph (CSV edge list, GraphML) as read.
///
/// Every analysis of the command-line tool starts from one of these, so a Swift program that
/// builds the same network asks the same questions and gets the same answers:
///
/// ```swift
/// let network = try LoadedNetwork(contentsOf: "Graphs/overseas-police-stations")
/// let scores = network.index().betweennessCentrality()
/// ```
///
/// For a dataset, ``graph`` is ``DatasetView/graph(directed:)`` of ``view``: one node per kept
/// entity, one edge per kept relation, each edge pointing back to its relation. For a plain
/// graph, ``graph`` is the graph as read and ``dataset`` and ``view`` are nil.
public struct LoadedNetwork: Sendable {
    /// The dataset, unfiltered; nil for a plain graph.
    public let dataset: Dataset?
    /// What the filter keeps of ``dataset``; nil for a plain graph.
    public private(set) var view: DatasetView?
    /// The graph the analyses run on (node indices are this graph's).
    public private(set) var graph: Graph
    /// A short name for messages and captions: the dataset's name, or the plain graph's file name.
    public let name: String

    /// A dataset seen through `filter`.
    /// - Parameters:
    ///   - filter: what to keep; the default keeps the network layer, as the analyses count it.
    ///   - directed: follow each relation from its `from` to its `to` (undirected types both ways);
    ///     by default relations count either way.
    public init(_ dataset: Dataset, filter: DatasetFilter = DatasetFilter(), directed: Bool = false) {
        self.dataset = dataset
        let view = DatasetView(dataset, filter: filter)
        self.view = view
        self.graph = view.graph(directed: directed)
        self.name = dataset.name
    }

    /// A plain graph, analysed as it is.
    /// - Parameter name: how messages name it (its file name, say).
    public init(_ graph: Graph, name: String = "the graph") {
        self.dataset = nil
        self.view = nil
        self.graph = graph
        self.name = name
    }

    /// What ``GraphLoader`` read: a dataset under `filter`, or a plain graph as read (a plain
    /// graph has no evidence to filter, so `filter` and `directed` do not apply to it).
    public init(_ input: LoadedInput, name: String, filter: DatasetFilter = DatasetFilter(), directed: Bool = false) {
        switch input {
        case let .dataset(dataset): self.init(dataset, filter: filter, directed: directed)
        case let .plain(graph): self.init(graph, name: name)
        }
    }

    /// Reads a dataset folder, a CSV edge list or a GraphML file (``GraphLoader``).
    ///
    /// - Parameters:
    ///   - path: the folder or file.
    ///   - filter: for a dataset, what to keep (default: the network layer).
    ///   - directed: read a CSV edge list as directed, and follow a dataset's relations in their
    ///     stated direction; GraphML says itself whether it is directed.
    /// - Throws: ``DiagnosticsError`` when the input cannot be read or a dataset is not valid.
    ///   Warnings found while reading are not errors; read them with ``GraphLoader`` to show them.
    public init(contentsOf path: String, filter: DatasetFilter = DatasetFilter(), directed: Bool = false) throws {
        let (input, _) = try GraphLoader(directed: directed).load(path)
        self.init(input, name: URL(fileURLWithPath: path).lastPathComponent, filter: filter, directed: directed)
    }

    /// Whether this is a dataset (entities, relations, evidence) rather than a plain graph.
    public var isDataset: Bool { dataset != nil }

    /// The same input under another filter, with the same direction (a dataset is not read
    /// again); a plain graph is returned as it is.
    public func filtered(by filter: DatasetFilter) -> LoadedNetwork {
        guard let dataset else { return self }
        return LoadedNetwork(dataset, filter: filter, directed: graph.isDirected)
    }

    /// The same input read with or without direction, with the same filter and node indices:
    /// a dataset's relations followed in their stated direction or either way; a plain graph
    /// with its edges as directed or undirected ones.
    public func redirected(_ directed: Bool) -> LoadedNetwork {
        guard directed != graph.isDirected else { return self }
        var copy = self
        if let view {
            copy.graph = view.graph(directed: directed)
        } else {
            var other = Graph(directed: directed)
            other.parallelEdges = graph.parallelEdges
            for v in 0..<graph.nodeCount { other.addNode(graph.nodeIDs[v], label: graph.nodeLabels[v], attributes: graph.nodeAttributes[v]) }
            for e in 0..<graph.edgeCount {
                let attributes = graph.attributes(ofEdge: e)
                other.addEdge(Int(graph.edgeSources[e]), Int(graph.edgeTargets[e]), weight: graph.edgeWeights[e],
                              attributes: attributes.isEmpty ? nil : attributes)
            }
            copy.graph = other
        }
        return copy
    }

    /// The whole input: a dataset without any filter, a plain graph as it is.
    public var unfiltered: LoadedNetwork { filtered(by: .everything) }

    /// The index algorithms run on, built from `graph` (the loaded graph by default).
    ///
    /// Parallel edges merge as the input means them (``Graph/parallelEdges``): a dataset's
    /// relations between the same two entities make one link weighing their number; a plain
    /// graph's repeated pair keeps its last weight, as NetworkX's `Graph` does. Ask
    /// ``droppedEdgeCount(in:)`` how many edges of the file that left out.
    public func index(_ graph: Graph? = nil) -> GraphIndex {
        GraphIndex(graph ?? self.graph)
    }

    /// How many edges of the input an index left out by keeping only the last of a repeated
    /// pair (for an undirected graph, b–a after a–b counts); 0 for a dataset, whose parallel
    /// relations are summed, not dropped.
    public func droppedEdgeCount(in index: GraphIndex) -> Int {
        graph.parallelEdges == .sum ? 0 : index.mergedEdgeCount
    }

    /// The index with weights from the edge attribute `attribute`, or unweighted when it is nil.
    ///
    /// A plain graph: `weight` is the weight the reader took; any other numeric edge attribute
    /// can be named (``Graph/reweighted(by:)``: an edge without it weighs 1). A dataset has
    /// one weight, `relations`: the number of relations joining a pair.
    /// - Throws: ``AnalysisError/unknownDatasetWeight(_:)`` for another name on a dataset;
    ///   ``DiagnosticsError`` when a plain graph's attribute is missing or not a number.
    public func weightedIndex(attribute: String?) throws -> WeightedIndex {
        if dataset != nil {
            if let attribute, attribute != "relations" { throw AnalysisError.unknownDatasetWeight(attribute) }
            return WeightedIndex(index: index(), isWeighted: attribute != nil)
        }
        guard let attribute, attribute != "weight" else { return WeightedIndex(index: index(), isWeighted: attribute != nil) }
        return WeightedIndex(index: index(try graph.reweighted(by: attribute)), isWeighted: true)
    }

    /// The display name of a node: the entity's name, or the node label or id.
    public func name(of node: Int) -> String { graph.name(of: node) }

    /// The display name of a node id: the entity's name, the node's label, or the id itself.
    public func name(ofID id: String) -> String {
        if let entity = dataset?.entity(id) { return entity.name }
        if let v = graph.index(of: id) { return graph.name(of: v) }
        return id
    }
}

/// An index and whether the measures should read its weights.
public struct WeightedIndex: Sendable {
    public var index: GraphIndex
    /// True when an attribute was named: the measures use the weights as distances or strengths.
    public var isWeighted: Bool

    public init(index: GraphIndex, isWeighted: Bool) {
        self.index = index
        self.isWeighted = isWeighted
    }
}
