import Synchronization

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
    /// Edge weights by edge index; none is stored while every weight is 1 (``EdgeWeights``).
    public private(set) var edgeWeights = EdgeWeights()
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
    /// Node indices by id: kept up to date by ``addNode(_:label:attributes:)``; after
    /// ``appendNode(new:)`` it is built on the first lookup (``NodeIDTable``).
    private var indexByID: [String: Int32] = [:]
    /// Set while nodes were appended without `indexByID`: the table built from `nodeIDs` on
    /// demand (shared by copies of this graph and by the indices built from it).
    private var deferredTable: NodeIDTable?

    public init(directed: Bool) {
        self.isDirected = directed
    }

    public var nodeCount: Int { nodeIDs.count }
    public var edgeCount: Int { edgeSources.count }

    public func index(of id: String) -> Int? {
        if let deferredTable { return deferredTable.index(of: id, ids: nodeIDs) }
        return indexByID[id].map(Int.init)
    }

    /// The id → index table, shared (not rebuilt) by a ``GraphIndex`` made from this graph.
    var nodeIDTable: NodeIDTable { deferredTable ?? NodeIDTable(built: indexByID) }

    /// Makes `indexByID` current again after nodes were appended without it.
    private mutating func buildIndexByID() {
        guard let table = deferredTable else { return }
        indexByID = table.dictionary(ids: nodeIDs)
        deferredTable = nil
    }

    /// Appends a node the caller knows is new: no id in the graph is equal to `id` (as Strings
    /// compare: canonically equivalent ids are equal). Nothing is looked up or hashed; the
    /// id → index table is built from the ids when it is first needed. For readers that keep
    /// their own table of the ids they have seen (``addNode(_:label:attributes:)`` otherwise).
    @discardableResult
    public mutating func appendNode(new id: String) -> Int {
        if deferredTable == nil {
            deferredTable = NodeIDTable(built: indexByID)
            indexByID = [:]
        } else if !isKnownUniquelyReferenced(&deferredTable) {
            // Shared with a copy or an index, whose ids stay as they are: start a table of our own.
            deferredTable = NodeIDTable(built: [:])
        }
        nodeIDs.append(id)
        nodeLabels.append(nil)
        nodeAttributes.append([:])
        return nodeIDs.count - 1
    }

    /// Adds a node if absent and returns its index.
    @discardableResult
    public mutating func addNode(_ id: String, label: String? = nil, attributes: [String: String] = [:]) -> Int {
        buildIndexByID()
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

    /// Appends edges between node indices already in the graph, with no attributes: what a
    /// reader that numbers the nodes itself adds in one go.
    public mutating func appendEdges(sources: [Int32], targets: [Int32], weights: EdgeWeights) {
        precondition(sources.count == targets.count && weights.count == sources.count, "one source, target and weight per edge")
        precondition(edgeRelations.isEmpty, "every edge of a dataset graph names its relation")
        let n = Int32(nodeIDs.count)
        precondition(!sources.contains { $0 < 0 || $0 >= n } && !targets.contains { $0 < 0 || $0 >= n }, "edge endpoint out of range")
        edgeSources.append(contentsOf: sources)
        edgeTargets.append(contentsOf: targets)
        if weights.isUnit && edgeWeights.isUnit { edgeWeights.appendUnit(weights.count) } else { for w in weights { edgeWeights.append(w) } }
    }

    /// Reserves room for a known number of edges.
    public mutating func reserveEdges(_ count: Int) {
        edgeSources.reserveCapacity(count)
        edgeTargets.reserveCapacity(count)
        edgeWeights.reserveCapacity(count)
    }

    /// Reserves room for a known number of nodes.
    public mutating func reserveNodes(_ count: Int) {
        nodeIDs.reserveCapacity(count)
        nodeLabels.reserveCapacity(count)
        nodeAttributes.reserveCapacity(count)
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

/// Node indices by id, built from a list of ids the first time one is looked up and extended
/// as ids are appended, then shared by the graph's copies and the ``GraphIndex`` built from
/// it. A reader that numbers nodes by their bytes (``Graph/appendNode(new:)``) so never hashes
/// a million Strings a command that looks nothing up does not need.
///
/// The table covers a prefix of the ids it is given: a lookup first adds the ids past that
/// prefix. One graph appends to a table only while it alone holds it; everyone who shares it
/// has the same ids up to the prefix, so the table is right for each of them.
final class NodeIDTable: Sendable {
    private struct State {
        var table: [String: Int32]
        var covered: Int
    }
    private let state: Mutex<State>

    /// A table that already holds `built` (every id of its graph, or none yet).
    init(built: [String: Int32]) {
        state = Mutex(State(table: built, covered: built.count))
    }

    func index(of id: String, ids: [String]) -> Int? {
        state.withLock { state in
            Self.extend(&state, ids)
            return state.table[id].map(Int.init)
        }
    }

    func dictionary(ids: [String]) -> [String: Int32] {
        state.withLock { state in
            Self.extend(&state, ids)
            return state.table
        }
    }

    private static func extend(_ state: inout State, _ ids: [String]) {
        guard state.covered < ids.count else { return }
        state.table.reserveCapacity(ids.count)
        for i in state.covered..<ids.count where state.table[ids[i]] == nil { state.table[ids[i]] = Int32(i) }
        state.covered = ids.count
    }
}
