/// A plain graph: string node ids, edges with a weight and optional string attributes.
///
/// This is what every reader produces (a dataset view, a CSV edge list, GraphML) and what
/// ``GraphIndex`` is built from. Edges are stored column-wise so that a million-edge list
/// costs a few arrays, not a million objects. Parallel edges may be present here; the index
/// merges them (see ``GraphIndex/init(_:merge:)``).
public struct Graph: Sendable {
    public var isDirected: Bool
    /// Node ids in insertion order (NetworkX keeps the same order).
    public private(set) var nodeIDs: [String] = []
    /// Display names, where they differ from the id.
    public var nodeLabels: [String?] = []
    /// Node attributes (kind, country… for a dataset; GraphML `<data>` for GraphML).
    public var nodeAttributes: [[String: String]] = []
    public private(set) var edgeSources: [Int32] = []
    public private(set) var edgeTargets: [Int32] = []
    public private(set) var edgeWeights: [Double] = []
    /// Edge attributes by edge index, where the reader had any.
    public var edgeAttributes: [[String: String]] = []
    /// For a graph built from a dataset view, the index into `dataset.relations` of the
    /// relation each edge stands for (an undirected relation in a directed view is two edges
    /// with the same relation); empty for plain graphs. See ``relation(ofEdge:)``.
    public private(set) var edgeRelations: [Int32] = []
    /// How parallel edges combine when an index is built from this graph: `.sum` for a
    /// dataset view (a link weighs the number of its relations), `.keepLast` for a file read
    /// as NetworkX reads it.
    public var parallelEdges: ParallelEdgePolicy = .keepLast
    private var indexByID: [String: Int32] = [:]

    public init(directed: Bool) {
        self.isDirected = directed
    }

    public var nodeCount: Int { nodeIDs.count }
    public var edgeCount: Int { edgeSources.count }

    public func index(of id: String) -> Int? { indexByID[id].map(Int.init) }

    /// Adds a node if absent and returns its index.
    @discardableResult
    public mutating func addNode(_ id: String, label: String? = nil, attributes: [String: String] = [:]) -> Int {
        if let existing = indexByID[id] {
            if let label { nodeLabels[Int(existing)] = label }
            if !attributes.isEmpty { nodeAttributes[Int(existing)].merge(attributes) { _, new in new } }
            return Int(existing)
        }
        let index = Int32(nodeIDs.count)
        indexByID[id] = index
        nodeIDs.append(id)
        nodeLabels.append(label)
        nodeAttributes.append(attributes)
        return Int(index)
    }

    /// Adds an edge between two node indices and returns its index.
    @discardableResult
    public mutating func addEdge(_ source: Int, _ target: Int, weight: Double = 1,
                                 attributes: [String: String]? = nil, relation: Int? = nil) -> Int {
        precondition(source < nodeIDs.count && target < nodeIDs.count, "edge endpoint out of range")
        if let relation {
            precondition(edgeRelations.count == edgeSources.count, "every edge of a dataset graph names its relation")
            edgeRelations.append(Int32(relation))
        } else {
            precondition(edgeRelations.isEmpty, "every edge of a dataset graph names its relation")
        }
        edgeSources.append(Int32(source))
        edgeTargets.append(Int32(target))
        edgeWeights.append(weight)
        if let attributes {
            while edgeAttributes.count < edgeSources.count - 1 { edgeAttributes.append([:]) }
            edgeAttributes.append(attributes)
        }
        return edgeSources.count - 1
    }

    /// Reserves room for a known number of edges.
    public mutating func reserveEdges(_ count: Int) {
        edgeSources.reserveCapacity(count)
        edgeTargets.reserveCapacity(count)
        edgeWeights.reserveCapacity(count)
    }

    /// The attributes of edge `edge`, empty if none were read.
    public func attributes(ofEdge edge: Int) -> [String: String] {
        edge < edgeAttributes.count ? edgeAttributes[edge] : [:]
    }

    /// The relation (index into `dataset.relations`) behind edge `edge`, for a graph built from
    /// a dataset view; nil for a plain graph.
    public func relation(ofEdge edge: Int) -> Int? {
        edge < edgeRelations.count ? Int(edgeRelations[edge]) : nil
    }

    /// The display name of node `node`: its label, or its id.
    public func name(of node: Int) -> String { nodeLabels[node] ?? nodeIDs[node] }
}

extension Graph {
    /// A copy whose edge weights come from the numeric edge attribute `attribute`, as
    /// NetworkX reads `weight=attribute`: an edge without it weighs 1.
    ///
    /// - Throws: ``DiagnosticsError`` naming the edge when a value is not a non-negative
    ///   number, or naming the attributes the edges do have when none has `attribute`.
    public func reweighted(by attribute: String) throws -> Graph {
        var copy = Graph(directed: isDirected)
        copy.parallelEdges = parallelEdges
        for v in 0..<nodeCount { copy.addNode(nodeIDs[v], label: nodeLabels[v], attributes: nodeAttributes[v]) }
        copy.reserveEdges(edgeCount)
        var found = false
        var available = Set<String>()
        for e in 0..<edgeCount {
            let attributes = self.attributes(ofEdge: e)
            available.formUnion(attributes.keys)
            var weight = 1.0
            if let text = attributes[attribute] {
                guard let value = Double(text.split(separator: " ").joined()), value >= 0, value.isFinite else {
                    throw DiagnosticsError([Diagnostic(.error, at: nil,
                        "edge \(nodeIDs[Int(edgeSources[e])]) – \(nodeIDs[Int(edgeTargets[e])]) has \(attribute) '\(text)', which is not a non-negative number",
                        hint: "fix the value or choose another --weight")])
                }
                weight = value
                found = true
            }
            copy.addEdge(Int(edgeSources[e]), Int(edgeTargets[e]), weight: weight, attributes: attributes,
                         relation: relation(ofEdge: e))
        }
        guard found || edgeCount == 0 else {
            let names = available.sorted()
            throw DiagnosticsError([Diagnostic(.error, at: nil,
                "no edge has an attribute '\(attribute)', so there is no attribute '\(attribute)' to weigh by",
                hint: names.isEmpty ? "the edges carry no attribute besides their weight; use --weight weight"
                                    : "the edges have: weight, \(names.joined(separator: ", "))")])
        }
        return copy
    }
}
