import OutpostAlgorithms
import OutpostGraph

/// A path between two nodes with the evidence for every hop: which relations join each pair,
/// in which layer, how well established, since when, and the words of each source.
public struct EvidencePath: Hashable, Sendable {
    /// Node ids along the path, start first.
    public var nodes: [String]
    /// The same nodes as indices into ``LoadedNetwork/graph``.
    public var nodeIndices: [Int]
    /// The path's cost: its hops, or the sum of the costs of its hops when weighted.
    public var cost: Double
    /// One hop per consecutive pair of ``nodes``.
    public var hops: [Hop]

    public init(nodes: [String], nodeIndices: [Int], cost: Double, hops: [Hop]) {
        self.nodes = nodes
        self.nodeIndices = nodeIndices
        self.cost = cost
        self.hops = hops
    }

    /// The number of hops.
    public var length: Int { nodes.count - 1 }
}

/// One step of an ``EvidencePath``: from one node to the next, and every link joining them.
public struct Hop: Hashable, Sendable {
    /// The node the hop leaves, in the order the path walks.
    public var from: String
    /// The node the hop reaches.
    public var to: String
    /// For a dataset every relation joining the pair that the search could use, in dataset
    /// order; for a plain graph the one edge its index kept (the last of any parallel ones).
    public var links: [HopLink]

    public init(from: String, to: String, links: [HopLink]) {
        self.from = from
        self.to = to
        self.links = links
    }
}

/// How a relation points, seen from the node a hop leaves.
public enum HopDirection: String, Hashable, Sendable, CaseIterable {
    /// Stored from the node the hop leaves to the node it reaches.
    case forward = "→"
    /// Stored the other way: the path walks the relation backwards.
    case backward = "←"
    /// The relation's type has no direction.
    case undirected = "—"

    /// The direction of `relation` when a path leaves `id` along it.
    public init(_ relation: Relation, leaving id: String) {
        self = !relation.isDirected ? .undirected : (relation.from == id ? .forward : .backward)
    }

    /// The arrow people read: →, ← or —.
    public var symbol: String { rawValue }
}

/// One citation behind a link, with what the dataset says of its source.
public struct EvidenceCitation: Hashable, Sendable {
    /// The source's id (``Source/id``).
    public var source: String
    /// The source's own words.
    public var excerpt: String
    /// The source's publisher, when the dataset names it.
    public var publisher: String?
    /// The source's date, when the dataset gives it.
    public var date: PartialDate?

    public init(source: String, excerpt: String, publisher: String? = nil, date: PartialDate? = nil) {
        self.source = source
        self.excerpt = excerpt
        self.publisher = publisher
        self.date = date
    }
}

/// What joins the two nodes of a hop: one relation of a dataset, or one edge of a plain graph.
public struct HopLink: Hashable, Sendable {
    /// The relation (dataset); nil for a plain graph's edge.
    public var relation: Relation?
    /// The relation's index in ``Dataset/relations``; nil for a plain graph's edge.
    public var relationIndex: Int?
    /// The relation's type, or a plain edge's `relation` attribute.
    public var type: String?
    /// The relation's status, or a plain edge's `status` attribute.
    public var status: String?
    /// The layer the relation belongs to (``Relation/layer``); nil for a plain edge.
    public var layer: RelationLayer?
    /// How the relation points as the path walks it; nil for a plain edge.
    public var direction: HopDirection?
    /// When the relation held (``Relation/period``).
    public var period: String?
    /// Who confirmed the relation (entity ids); empty when nobody did or for a plain edge.
    public var by: [String]
    /// Every citation of the relation, in the dataset's order; empty for a plain edge.
    public var citations: [EvidenceCitation]
    /// The edge weight (1 for a dataset's relation).
    public var weight: Double

    public init(relation: Relation?, relationIndex: Int?, type: String?, status: String?, layer: RelationLayer?,
                direction: HopDirection?, period: String?, by: [String], citations: [EvidenceCitation], weight: Double) {
        self.relation = relation
        self.relationIndex = relationIndex
        self.type = type
        self.status = status
        self.layer = layer
        self.direction = direction
        self.period = period
        self.by = by
        self.citations = citations
        self.weight = weight
    }

    /// The source ids of the relation's citations, in order, each once (a plain edge has none).
    public var sources: [String] { relation?.citations.sourceIDs ?? [] }

    /// The dataset's relation at `relationIndex`, seen from the entity `id` at one of its ends,
    /// with every citation and what the dataset says of each source.
    public init(relation relationIndex: Int, in dataset: Dataset, leaving id: String) {
        let relation = dataset.relations[relationIndex]
        self.init(relation: relation, relationIndex: relationIndex, type: relation.type.rawValue, status: relation.status.rawValue,
                  layer: relation.layer, direction: HopDirection(relation, leaving: id), period: relation.period,
                  by: relation.by, citations: relation.citations.map { EvidenceCitation($0, in: dataset) }, weight: 1)
    }
}

extension EvidenceCitation {
    /// A citation with its source's publisher and date, as `dataset` lists them.
    public init(_ citation: Citation, in dataset: Dataset) {
        let source = dataset.source(citation.source)
        self.init(source: citation.source, excerpt: citation.excerpt, publisher: source?.publisher, date: source?.date)
    }
}

extension Relation {
    /// When the relation held, for people: "on 2022-10", "2018 – 2022", "since 2022", "until
    /// 2023", or both a date and a period joined by ", "; nil when the relation is undated.
    public var period: String? {
        var parts: [String] = []
        if let date { parts.append("on \(date)") }
        switch (start, end) {
        case let (start?, end?): parts.append("\(start) – \(end)")
        case let (start?, nil): parts.append("since \(start)")
        case let (nil, end?): parts.append("until \(end)")
        case (nil, nil): break
        }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
}

/// Looks up the relations (or plain edges) behind each hop of a path in one graph.
struct HopEvidence {
    let network: LoadedNetwork
    private var edgesByPair: [Int64: [Int]] = [:]
    private var graph: Graph { network.graph }

    init(_ network: LoadedNetwork) {
        self.network = network
        let graph = network.graph
        for e in 0..<graph.edgeCount {
            let u = Int64(graph.edgeSources[e]), v = Int64(graph.edgeTargets[e])
            edgesByPair[u << 32 | v, default: []].append(e)
            if !graph.isDirected && u != v { edgesByPair[v << 32 | u, default: []].append(e) }
        }
    }

    func links(_ u: Int, _ v: Int) -> [HopLink] {
        let edges = edgesByPair[Int64(u) << 32 | Int64(v)] ?? []
        if let dataset = network.dataset {
            var seen = Set<Int>()
            let relationIndices = edges.compactMap { graph.relation(ofEdge: $0) }.filter { seen.insert($0).inserted }.sorted()
            let leaving = graph.nodeIDs[u]
            return relationIndices.map { HopLink(relation: $0, in: dataset, leaving: leaving) }
        }
        // A multigraph (such as a dataset exported as GraphML) keeps every parallel edge.
        return edges.map { e in
            let attributes = graph.attributes(ofEdge: e)
            return HopLink(relation: nil, relationIndex: nil, type: attributes["relation"], status: attributes["status"],
                           layer: attributes["layer"].flatMap(RelationLayer.init(rawValue:)), direction: nil, period: nil, by: [],
                           citations: [], weight: graph.edgeWeights[e])
        }
    }

    func path(_ path: Path) -> EvidencePath {
        let ids = graph.nodeIDs
        return EvidencePath(nodes: path.nodes.map { ids[$0] }, nodeIndices: path.nodes, cost: path.cost,
                            hops: path.hops.map { Hop(from: ids[$0.from], to: ids[$0.to], links: links($0.from, $0.to)) })
    }
}
