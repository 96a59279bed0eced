/// A diagram with every visual decision made: the input of ``DOTWriter``.
///
/// Nothing here knows about Graphviz's C library; it is plain data, so a diagram can be built,
/// compared and written as DOT text without Graphviz installed. Order is meaningful: nodes,
/// clusters and edges are written in the order they appear, so the same styled graph always
/// gives the same DOT text.
public struct StyledGraph: Hashable, Sendable {
    /// The graph's name in DOT (`digraph "name" { … }`).
    public var name: String
    /// `digraph` with `->` edges, or `graph` with `--` edges.
    public var isDirected: Bool
    /// Attributes of the whole graph (`graph [ … ]`).
    public var graphAttributes: [DOTAttribute]
    /// Defaults for every node (`node [ … ]`).
    public var nodeDefaults: [DOTAttribute]
    /// Defaults for every edge (`edge [ … ]`).
    public var edgeDefaults: [DOTAttribute]
    /// Nodes outside any cluster.
    public var nodes: [StyledNode]
    /// Clusters (`subgraph "cluster_…"`), each with its own nodes.
    public var clusters: [StyledCluster]
    public var edges: [StyledEdge]
    /// The legend: laid out apart from the graph by ``GraphvizRenderer/render(_:engine:format:page:)``
    /// and placed beside or below it, so that no engine mixes its samples with the entities.
    /// ``DOTWriter`` writes it as one more cluster (`cluster_legend`) for plain DOT text.
    public var legend: StyledLegend?

    public init(name: String, isDirected: Bool, graphAttributes: [DOTAttribute] = [],
                nodeDefaults: [DOTAttribute] = [], edgeDefaults: [DOTAttribute] = [],
                nodes: [StyledNode] = [], clusters: [StyledCluster] = [], edges: [StyledEdge] = [],
                legend: StyledLegend? = nil) {
        self.name = name
        self.isDirected = isDirected
        self.graphAttributes = graphAttributes
        self.nodeDefaults = nodeDefaults
        self.edgeDefaults = edgeDefaults
        self.nodes = nodes
        self.clusters = clusters
        self.edges = edges
        self.legend = legend
    }

    /// Every node, those in clusters and the legend included.
    public var allNodes: [StyledNode] { nodes + clusters.flatMap(\.nodes) + (legend?.nodes ?? []) }

    /// The graph without its legend and without its title label: what the layout engine places.
    public var network: StyledGraph {
        var graph = self
        graph.legend = nil
        graph.graphAttributes.removeAll { $0.name == "label" }
        return graph
    }

    /// The graph with each node whose id `links` names made a link to that address (`href`:
    /// in SVG an `<a xlink:href>` around the node's shapes). The report links every entity
    /// drawn to its entry. Legend samples and unnamed nodes are left as they are.
    public func linkingNodes(to links: [String: String]) -> StyledGraph {
        func linked(_ node: StyledNode) -> StyledNode {
            guard let address = links[node.id] else { return node }
            var node = node
            node.attributes.set(.text("href", address))
            return node
        }
        var graph = self
        graph.nodes = nodes.map(linked)
        for c in graph.clusters.indices { graph.clusters[c].nodes = clusters[c].nodes.map(linked) }
        return graph
    }

    /// The graph set for a compact spring layout (`neato`): relations a third of the default
    /// length (0.3 in), then overlaps removed by Graphviz's proximity-stress method (`prism`)
    /// without first scaling the layout up (`overlap_scaling=0`), which is what leaves
    /// `overlap=false` layouts mostly empty. The bundled network's largest component: neato
    /// 1642 × 1457 pt by default, 1683 × 873 pt so, with no two entities overlapping.
    public var compacted: StyledGraph {
        var graph = self
        graph.graphAttributes.set(.plain("overlap", "prism"))
        graph.graphAttributes.set(.plain("overlap_scaling", "0"))
        graph.graphAttributes.set(.plain("sep", "+2"))
        // Lines stay straight: routed around the entities (splines=true) they cost 0.7 s on
        // the bundled network, and in 2.42 the routes differed in the last digits from one
        // process to the next when other figures had been laid out before.
        graph.edgeDefaults.set(.plain("len", "0.3"))
        return graph
    }

    /// The legend alone as a graph for `dot` (its nodes in one cluster, its sample lines), or
    /// nil when there is none: a column of samples (to stand beside a drawing) or, with
    /// `row`, a row of them (to lie below one).
    public func legendGraph(row: Bool = false) -> StyledGraph? {
        guard let legend, !legend.nodes.isEmpty else { return nil }
        var graph = StyledGraph(name: "legend", isDirected: isDirected,
                                graphAttributes: graphAttributes.filter { $0.name != "label" },
                                nodeDefaults: nodeDefaults, edgeDefaults: edgeDefaults)
        graph.clusters = [legend.cluster]
        graph.edges = legend.edges
        if row {
            // Top to bottom, every sample is on the first rank, side by side in the order
            // given; a sample line that does not constrain ranks stays level between its ends.
            // (dot 2.42 lays such a rank out right to left, so the samples are given reversed.)
            graph.graphAttributes.set(.plain("rankdir", "TB"))
            graph.clusters[0].nodes.reverse()
            for i in graph.edges.indices { graph.edges[i].attributes.set(.plain("constraint", "false")) }
        }
        return graph
    }

    /// The legend's samples in order, each a swatch or a note alone or a status's label with
    /// the end of its sample line.
    var legendUnits: [[StyledNode]] {
        guard let legend else { return [] }
        let ends = Set(legend.edges.map(\.to))
        var units: [[StyledNode]] = []
        for node in legend.nodes where !ends.contains(node.id) {
            let attached = legend.edges.filter { $0.from == node.id }.compactMap { edge in legend.nodes.first { $0.id == edge.to } }
            units.append([node] + attached)
        }
        return units
    }

    /// The legend's samples in rows, `rows` giving each row's units (ranges of
    /// ``legendUnits``), each a graph for `dot` without the box (the caller draws one box
    /// around them all).
    func legendRows(_ rows: [Range<Int>]) -> [StyledGraph] {
        guard var template = legendGraph(row: true) else { return [] }
        template.clusters = []
        let units = legendUnits
        return rows.map { range in
            let nodes = units[range].flatMap { $0 }
            let ids = Set(nodes.map(\.id))
            var row = template
            // Outside a cluster dot keeps the rank in the order given (inside one it reverses it).
            row.nodes = nodes
            row.edges = template.edges.filter { ids.contains($0.from) }
            return row
        }
    }
}

/// A legend: sample nodes (kinds, communities, notes) and sample lines (statuses) in one box.
public struct StyledLegend: Hashable, Sendable {
    /// The box's id in DOT (`cluster_legend`) and its `id` in SVG (`legend`).
    public static let clusterID = "cluster_legend"
    public static let svgID = "legend"

    /// Attributes of the box (label, style).
    public var attributes: [DOTAttribute]
    public var nodes: [StyledNode]
    public var edges: [StyledEdge]

    public init(attributes: [DOTAttribute] = [], nodes: [StyledNode] = [], edges: [StyledEdge] = []) {
        self.attributes = attributes
        self.nodes = nodes
        self.edges = edges
    }

    /// The box as a cluster, with `id` set so that SVG output names its group `legend`.
    public var cluster: StyledCluster {
        var attributes = self.attributes
        attributes.set(.plain("id", StyledLegend.svgID))
        return StyledCluster(id: StyledLegend.clusterID, attributes: attributes, nodes: nodes)
    }
}

/// One node: its DOT id (any string; the writer escapes it) and its attributes.
public struct StyledNode: Hashable, Sendable {
    public var id: String
    public var attributes: [DOTAttribute]

    public init(id: String, attributes: [DOTAttribute] = []) {
        self.id = id
        self.attributes = attributes
    }
}

/// One edge between two node ids.
public struct StyledEdge: Hashable, Sendable {
    public var from: String
    public var to: String
    public var attributes: [DOTAttribute]

    public init(from: String, to: String, attributes: [DOTAttribute] = []) {
        self.from = from
        self.to = to
        self.attributes = attributes
    }
}

/// A cluster: a subgraph whose name starts with `cluster`, drawn as a box around its nodes by
/// the engines that support clusters (dot and fdp; the others ignore the box).
public struct StyledCluster: Hashable, Sendable {
    /// The subgraph's name; the writer prefixes `cluster_` if it does not start with `cluster`.
    public var id: String
    public var attributes: [DOTAttribute]
    public var nodes: [StyledNode]

    public init(id: String, attributes: [DOTAttribute] = [], nodes: [StyledNode] = []) {
        self.id = id
        self.attributes = attributes
        self.nodes = nodes
    }
}

/// One `name=value` pair. The value is either text shown to a reader (a label, a tooltip),
/// escaped so that it displays exactly as given, or a plain value (a colour, a shape, a number).
public struct DOTAttribute: Hashable, Sendable {
    public enum Value: Hashable, Sendable {
        /// Text to display as is: backslashes, quotes, newlines, `&` and Graphviz's `\N`-style
        /// escapes are neutralised by the writer.
        case text(String)
        /// A value Graphviz interprets (`dashed`, `#1f77b4`, `0.75`); quoted but not reinterpreted.
        case plain(String)
        /// An HTML-like label, already escaped (see ``DOTWriter/htmlEscaped(_:)``); written
        /// between `<` and `>`.
        case html(String)
    }

    public var name: String
    public var value: Value

    public init(_ name: String, _ value: Value) {
        self.name = name
        self.value = value
    }

    public static func text(_ name: String, _ value: String) -> DOTAttribute { DOTAttribute(name, .text(value)) }
    public static func plain(_ name: String, _ value: String) -> DOTAttribute { DOTAttribute(name, .plain(value)) }
    public static func number(_ name: String, _ value: Double) -> DOTAttribute {
        DOTAttribute(name, .plain(DOTWriter.format(value)))
    }
}

extension Array where Element == DOTAttribute {
    /// The value of the last attribute named `name`, if any.
    public subscript(attribute name: String) -> DOTAttribute.Value? {
        last { $0.name == name }?.value
    }

    /// Sets `name`, replacing an earlier value in place or appending.
    public mutating func set(_ attribute: DOTAttribute) {
        guard let i = firstIndex(where: { $0.name == attribute.name }) else { return append(attribute) }
        removeAll { $0.name == attribute.name }
        insert(attribute, at: i)
    }
}
