import OutpostGraph
import OutpostAlgorithms

/// What to show in a diagram, beyond the graph itself. Every option changes the drawing as
/// ``DiagramStyle`` describes.
public struct DiagramOptions: Sendable, Hashable {
    /// What node size follows.
    public enum NodeSize: Sendable, Hashable {
        /// The number of distinct neighbours (NetworkX's `Graph.degree` on the undirected graph
        /// with parallel relations merged).
        case degree
        /// Scores computed elsewhere (PageRank, betweenness…), one per node in the graph's node
        /// order (for a dataset view, `view.entityIndices` order), named for the legend.
        case scores(name: String, values: [Double])
    }

    /// What fills nodes.
    public enum Coloring: String, Sendable, Hashable, CaseIterable {
        /// The entity's kind (plain graphs: one colour).
        case kind
        /// The node's community, from ``DiagramOptions/communities``.
        case community
    }

    /// What groups nodes into boxes.
    public enum Clustering: String, Sendable, Hashable, CaseIterable {
        /// One box per country (`country` of an entity, or a plain graph's `country` attribute).
        case country
        /// One box per entity that `established` stations, holding it and those stations;
        /// stations claimed by several founders get a box naming all of them. Datasets only.
        case jurisdiction
    }

    /// The two ends of a path to highlight, as node ids.
    public struct PathEnds: Sendable, Hashable {
        public var from: String
        public var to: String
        public init(from: String, to: String) {
            self.from = from
            self.to = to
        }
    }

    /// The title at the top (default: the dataset's title, or the graph's name).
    public var title: String?
    /// Replaces the caption under the title (default: dataset, filter, newest source, counts).
    public var caption: String?
    /// Write each relation's type (a plain graph: its weight when not 1) on its line.
    public var edgeLabels: Bool
    /// Scale nodes by a measure; nil: all nodes fit their labels.
    public var sizeBy: NodeSize?
    public var colorBy: Coloring
    /// A community number per node, in the graph's node order; required by `colorBy: .community`.
    public var communities: [Int]?
    public var clusterBy: Clustering?
    /// Highlight a shortest path (fewest links, direction ignored) and dim everything else.
    public var highlightPath: PathEnds?
    /// Draw the legend box.
    public var legend: Bool
    /// Draw only these nodes (ids) and the relations among them: a focused figure. nil: all.
    public var onlyNodes: Set<String>?
    /// Nodes and links to emphasise (paths found elsewhere); the rest drawn is faded context.
    public var emphasis: Emphasis?
    /// Draw this node (an id) with a thick magenta outline: the centre of a focused figure.
    public var center: String?
    /// What the figure is focused on, said first in the caption ("within 1 hop of …").
    public var scope: String?
    /// Write names only on nodes with at least this many distinct neighbours; the others are
    /// drawn as small unlabelled marks of their kind, their names in their tooltips. An
    /// overview of a whole network then fits a page with its text still legible. nil: every
    /// node is labelled.
    public var labelsFromDegree: Int?

    /// What to emphasise in a drawing: the nodes and links of paths, with the legend's words
    /// for them. Links join two node ids, in either order; every relation between such a pair
    /// is emphasised and labelled with its type and status.
    public struct Emphasis: Sendable, Hashable {
        public var nodes: Set<String>
        public var links: Set<[String]>
        public var note: String

        public init(nodes: Set<String>, links: [(String, String)], note: String) {
            self.nodes = nodes
            self.links = Set(links.map { $0.0 < $0.1 ? [$0.0, $0.1] : [$0.1, $0.0] })
            self.note = note
        }
    }

    public init(title: String? = nil, caption: String? = nil, edgeLabels: Bool = false, sizeBy: NodeSize? = nil,
                colorBy: Coloring = .kind, communities: [Int]? = nil, clusterBy: Clustering? = nil,
                highlightPath: PathEnds? = nil, legend: Bool = true) {
        self.title = title
        self.caption = caption
        self.edgeLabels = edgeLabels
        self.sizeBy = sizeBy
        self.colorBy = colorBy
        self.communities = communities
        self.clusterBy = clusterBy
        self.highlightPath = highlightPath
        self.legend = legend
    }

    /// Whether node `id` passes ``onlyNodes``.
    func shows(_ id: String) -> Bool { onlyNodes?.contains(id) ?? true }
}

/// A diagram request that cannot be drawn as asked.
public enum DiagramError: Error, CustomStringConvertible, Sendable {
    case communitiesMissing
    case wrongCount(what: String, expected: Int, got: Int)
    case unknownNode(String)
    case noPath(from: String, to: String)
    case needsDataset(String)

    public var description: String {
        switch self {
        case .communitiesMissing:
            return "colouring by community needs a partition (DiagramOptions.communities: one community number per node)"
        case let .wrongCount(what, expected, got):
            return "\(what) has \(got) values but the graph has \(expected) nodes"
        case let .unknownNode(id):
            return "'\(id)' is not a node of the graph being drawn (it may have been filtered out)"
        case let .noPath(from, to):
            return "no path links '\(from)' and '\(to)' in the graph being drawn (check the filters)"
        case let .needsDataset(what):
            return "\(what) needs a dataset (entities with kinds and relations); this is a plain graph"
        }
    }
}

extension DatasetView {
    /// The view as a styled diagram, ready for ``DOTWriter`` and ``GraphvizRenderer``.
    ///
    /// One node per entity (dataset order), one line per relation (dataset order), styled as
    /// ``DiagramStyle`` describes. The caption names the dataset, the filter
    /// (``DatasetFilter/summary``) and the newest source date.
    /// - Throws: ``DiagramError`` when an option cannot be honoured (no partition, a path end
    ///   that is not in the view, no path).
    public func diagram(_ options: DiagramOptions = DiagramOptions()) throws -> StyledGraph {
        let shown = entityIndices.filter { options.shows(dataset.entities[$0].id) }
        let nodes = shown.map { i -> DiagramBuilder.Node in
            let e = dataset.entities[i]
            var tip = [e.name, "kind: " + e.kind.rawValue.replacingOccurrences(of: "-", with: " ")]
            if let place = [e.city, e.country].compactMap({ $0 }).joined(separator: ", ").nilIfEmpty { tip.append("in: " + place) }
            tip.append(DiagramBuilder.sources(e.citations.sourceIDs.count))
            return DiagramBuilder.Node(id: e.id, label: e.name, kind: e.kind, country: e.country, tooltip: tip.joined(separator: "\n"))
        }
        var position: [String: Int] = [:]
        for (n, i) in shown.enumerated() { position[dataset.entities[i].id] = n }
        var edges: [DiagramBuilder.Edge] = []
        for r in relationIndices {
            let relation = dataset.relations[r]
            guard let a = position[relation.from], let b = position[relation.to] else { continue }
            let names = (dataset.entities[shown[a]].name, dataset.entities[shown[b]].name)
            let tip = ["\(names.0) \(relation.isDirected ? "→" : "—") \(names.1)", "relation: " + relation.type.rawValue,
                       "status: " + relation.status.rawValue, DiagramBuilder.sources(relation.citations.sourceIDs.count)]
            edges.append(DiagramBuilder.Edge(from: a, to: b, label: relation.type.rawValue, status: relation.status,
                                             directed: relation.isDirected, isEstablishment: relation.type == .established,
                                             tooltip: tip.joined(separator: "\n")))
        }
        var parts = options.scope.map { [$0] } ?? []
        parts.append("Dataset: \(dataset.name)")
        parts.append(filter.summary)
        if let newest = dataset.newestSourceDate { parts.append("newest source \(newest)") }
        parts.append("\(nodes.count) entities, \(edges.count) relations shown")
        let builder = DiagramBuilder(name: dataset.name, title: dataset.title ?? dataset.name,
                                     caption: parts.joined(separator: " · "), isDataset: true,
                                     isDirected: true, nodes: nodes, edges: edges)
        return try builder.build(options)
    }
}

extension Graph {
    /// A plain graph (CSV, GraphML) as a styled diagram: one style for every node, lines by
    /// direction only, no kinds or statuses to show.
    /// - Parameter name: the graph's name, for the title and caption (a file name).
    public func diagram(named name: String, _ options: DiagramOptions = DiagramOptions()) throws -> StyledGraph {
        let shown = (0..<nodeCount).filter { options.shows(nodeIDs[$0]) }
        var position = [Int](repeating: -1, count: nodeCount)
        for (k, n) in shown.enumerated() { position[n] = k }
        let nodes = shown.map { n in
            DiagramBuilder.Node(id: nodeIDs[n], label: self.name(of: n), kind: nil, country: nodeAttributes[n]["country"],
                                tooltip: self.name(of: n))
        }
        var edges: [DiagramBuilder.Edge] = []
        edges.reserveCapacity(edgeCount)
        for e in 0..<edgeCount where position[Int(edgeSources[e])] >= 0 && position[Int(edgeTargets[e])] >= 0 {
            let weight = edgeWeights[e]
            let label = attributes(ofEdge: e)["relation"] ?? (weight == 1 ? nil : DOTWriter.format(weight))
            let (a, b) = (Int(edgeSources[e]), Int(edgeTargets[e]))
            let tip = "\(self.name(of: a)) \(isDirected ? "→" : "—") \(self.name(of: b))" + (label.map { "\n" + $0 } ?? "")
            edges.append(DiagramBuilder.Edge(from: position[a], to: position[b], label: label, status: nil, directed: isDirected,
                                             isEstablishment: false, tooltip: tip))
        }
        let counts = options.onlyNodes == nil ? "\(nodeCount) nodes, \(edgeCount) edges" : "\(nodes.count) of \(nodeCount) nodes, \(edges.count) edges shown"
        let caption = (options.scope.map { $0 + " · " } ?? "") + "Graph: \(name) · \(counts)" + (isDirected ? ", directed" : "")
        let builder = DiagramBuilder(name: name, title: name, caption: caption, isDataset: false,
                                     isDirected: isDirected, nodes: nodes, edges: edges)
        return try builder.build(options)
    }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

/// Turns nodes and edges plus options into a ``StyledGraph``; shared by datasets and plain graphs.
struct DiagramBuilder {
    struct Node {
        var id: String
        var label: String
        var kind: EntityKind?
        var country: String?
        /// What a reader sees on hovering the node: the full name and what is known of it.
        var tooltip: String
    }

    struct Edge {
        var from: Int
        var to: Int
        var label: String?
        var status: EvidenceStatus?
        var directed: Bool
        var isEstablishment: Bool
        var tooltip: String
    }

    var name: String
    var title: String
    var caption: String
    var isDataset: Bool
    var isDirected: Bool
    var nodes: [Node]
    var edges: [Edge]

    /// "1 source", "3 sources", for tooltips.
    static func sources(_ count: Int) -> String { count == 1 ? "1 source" : "\(count) sources" }

    /// The undirected graph of the diagram, for degree and paths.
    func undirectedIndex() -> GraphIndex {
        var graph = Graph(directed: false)
        for node in nodes { graph.addNode(node.id) }
        graph.reserveEdges(edges.count)
        for edge in edges { graph.addEdge(edge.from, edge.to) }
        return GraphIndex(graph)
    }

    func build(_ options: DiagramOptions) throws -> StyledGraph {
        let n = nodes.count
        let needsIndex = options.sizeBy == .degree || options.highlightPath != nil || options.labelsFromDegree != nil
        let index = needsIndex ? undirectedIndex() : nil

        // Sizes: square root of the score relative to the largest.
        var sizeFactor: [Double]?
        var sizeName = ""
        switch options.sizeBy {
        case .none: break
        case .degree:
            sizeName = "degree"
            sizeFactor = (0..<n).map { Double(index!.degree(of: $0)) }
        case let .scores(name, values):
            guard values.count == n else { throw DiagramError.wrongCount(what: name, expected: n, got: values.count) }
            sizeName = name
            sizeFactor = values.map { $0.isFinite ? max($0, 0) : 0 }
        }
        if let raw = sizeFactor {
            let top = raw.max() ?? 0
            sizeFactor = raw.map { top > 0 ? ($0 / top).squareRoot() : 0 }
        }

        // Community fills: largest community first, ties by smallest number.
        var communityFill: [String]?
        var communityLegend: [(fill: String, label: String)] = []
        if options.colorBy == .community {
            guard let communities = options.communities else { throw DiagramError.communitiesMissing }
            guard communities.count == n else {
                throw DiagramError.wrongCount(what: "the community partition", expected: n, got: communities.count)
            }
            var sizes: [Int: Int] = [:]
            for c in communities { sizes[c, default: 0] += 1 }
            let ranked = sizes.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            var fillOf: [Int: String] = [:]
            for (rank, entry) in ranked.enumerated() {
                let fill = rank < DiagramStyle.communityFills.count ? DiagramStyle.communityFills[rank] : DiagramStyle.otherCommunityFill
                fillOf[entry.key] = fill
                if rank < DiagramStyle.communityFills.count {
                    communityLegend.append((fill, "community \(rank + 1): \(entry.value) node\(entry.value == 1 ? "" : "s")"))
                }
            }
            if ranked.count > DiagramStyle.communityFills.count {
                communityLegend.append((DiagramStyle.otherCommunityFill, "\(ranked.count - DiagramStyle.communityFills.count) smaller communities"))
            }
            communityFill = communities.map { fillOf[$0]! }
        }

        // Highlighted path.
        var onPath: Set<Int>?
        var pathLinks: Set<[Int]> = []
        if let ends = options.highlightPath, let index {
            guard let a = index.index(of: ends.from) else { throw DiagramError.unknownNode(ends.from) }
            guard let b = index.index(of: ends.to) else { throw DiagramError.unknownNode(ends.to) }
            guard let path = try index.shortestPath(from: a, to: b)?.nodes else {
                throw DiagramError.noPath(from: nodes[a].label, to: nodes[b].label)
            }
            onPath = Set(path)
            for (u, v) in zip(path, path.dropFirst()) { pathLinks.insert([min(u, v), max(u, v)]) }
        }
        var labelsPathLinks = false
        if let emphasis = options.emphasis {
            var position: [String: Int] = [:]
            for (i, node) in nodes.enumerated() { position[node.id] = i }
            onPath = Set(emphasis.nodes.compactMap { position[$0] })
            for link in emphasis.links {
                if let u = position[link[0]], let v = position[link[1]] { pathLinks.insert([min(u, v), max(u, v)]) }
            }
            labelsPathLinks = true
        }

        // Nodes.
        var styledNodes: [StyledNode] = []
        styledNodes.reserveCapacity(n)
        for (i, node) in nodes.enumerated() {
            let kindStyle = node.kind.map(DiagramStyle.style(of:)) ?? DiagramStyle.plainNode
            var attributes: [DOTAttribute] = [
                .text("label", DiagramStyle.shortened(node.label)),
                .text("tooltip", node.tooltip),
                .plain("shape", kindStyle.shape),
                .plain("fillcolor", communityFill?[i] ?? kindStyle.fill),
            ]
            if let extra = kindStyle.extraStyle { attributes.append(.plain("style", "filled," + extra)) }
            if let threshold = options.labelsFromDegree, let index, index.degree(of: i) < threshold {
                attributes.set(.text("label", ""))
                attributes += [.plain("fixedsize", "true"), .plain("width", "0.32"), .plain("height", "0.22"), .plain("class", "unlabelled")]
            } else if let factor = sizeFactor?[i] {
                attributes.append(.number("width", 0.4 + 1.6 * factor))
                attributes.append(.number("height", 0.3 + 0.9 * factor))
                attributes.append(.number("fontsize", 10 + 10 * factor))
            }
            if node.id == options.center {
                attributes += [.plain("color", DiagramStyle.highlight), .plain("penwidth", "3"), .plain("class", "center")]
            }
            if let onPath {
                if onPath.contains(i) {
                    attributes += [.plain("class", "path"), .plain("color", DiagramStyle.highlight), .plain("penwidth", "3")]
                } else {
                    attributes.set(.plain("fillcolor", DiagramStyle.dimmedFill))
                    attributes += [.plain("color", DiagramStyle.dimmedLine), .plain("fontcolor", DiagramStyle.dimmedText)]
                }
            }
            styledNodes.append(StyledNode(id: node.id, attributes: attributes))
        }

        // Edges.
        var styledEdges: [StyledEdge] = []
        styledEdges.reserveCapacity(edges.count)
        for edge in edges {
            let line = edge.status.map(DiagramStyle.style(of:)) ?? DiagramStyle.plainLine
            var attributes: [DOTAttribute] = [
                .plain("style", line.style),
                .plain("color", line.color),
                .number("penwidth", line.penwidth),
            ]
            if isDirected {
                attributes.append(edge.directed ? .plain("arrowhead", line.arrowhead) : .plain("dir", "none"))
            }
            attributes.append(.text("tooltip", edge.tooltip))
            if options.edgeLabels, let label = edge.label { attributes.append(.text("label", label)) }
            if onPath != nil {
                if pathLinks.contains([min(edge.from, edge.to), max(edge.from, edge.to)]) {
                    attributes.set(.plain("color", DiagramStyle.highlight))
                    attributes.set(.plain("penwidth", "3"))
                    attributes.append(.plain("class", "path"))
                    if labelsPathLinks, let label = edge.label {
                        attributes.set(.text("label", edge.status.map { "\(label) (\($0.rawValue))" } ?? label))
                        // The labels are what the figure is about: as large as the entities'.
                        attributes.set(.plain("fontsize", "11"))
                        attributes.set(.plain("fontcolor", DiagramStyle.highlight))
                    }
                } else {
                    attributes.set(.plain("color", DiagramStyle.dimmedLine))
                    attributes.append(.plain("fontcolor", DiagramStyle.dimmedText))
                }
            }
            styledEdges.append(StyledEdge(from: nodes[edge.from].id, to: nodes[edge.to].id, attributes: attributes))
        }

        // Clusters.
        var clusters: [StyledCluster] = []
        var clustered = Set<Int>()
        if let clusterBy = options.clusterBy {
            var groups: [(label: String, members: [Int])] = []
            switch clusterBy {
            case .country:
                var byCountry: [String: [Int]] = [:]
                for (i, node) in nodes.enumerated() {
                    if let country = node.country, !country.isEmpty { byCountry[country, default: []].append(i) }
                }
                groups = byCountry.keys.sorted().map { ($0, byCountry[$0]!) }
            case .jurisdiction:
                guard isDataset else { throw DiagramError.needsDataset("--cluster-by jurisdiction") }
                groups = jurisdictionGroups()
            }
            for (number, group) in groups.enumerated() {
                let attributes: [DOTAttribute] = [
                    .text("label", group.label), .plain("style", "rounded,filled"),
                    .plain("fillcolor", DiagramStyle.clusterFill), .plain("color", DiagramStyle.clusterLine),
                    .plain("fontsize", "12"), .plain("labeljust", "l"),
                ]
                let members = group.members.map { styledNodes[$0] }
                clustered.formUnion(group.members)
                clusters.append(StyledCluster(id: "cluster_\(clusterBy.rawValue)_\(number + 1)", attributes: attributes, nodes: members))
            }
        }

        var graph = StyledGraph(name: name, isDirected: isDirected)
        graph.graphAttributes = DiagramStyle.graphAttributes
        let heading = options.title ?? title
        let subheading = options.caption ?? caption
        graph.graphAttributes.append(DOTAttribute("label", .html(
            "<font point-size=\"20\"><b>\(DOTWriter.htmlEscaped(heading))</b></font><br align=\"left\"/>"
                + "<font point-size=\"11\" color=\"#4d4d4d\">\(DOTWriter.htmlEscaped(subheading))</font><br align=\"left\"/>")))
        graph.nodeDefaults = DiagramStyle.nodeDefaults
        graph.edgeDefaults = DiagramStyle.edgeDefaults
        graph.nodes = styledNodes.indices.filter { !clustered.contains($0) }.map { styledNodes[$0] }

        if options.legend {
            var legend = Legend(taken: Set(nodes.map(\.id)), isDirected: isDirected)
            if isDataset {
                let kinds = Set(nodes.compactMap(\.kind)).sorted()
                for kind in kinds {
                    let style = DiagramStyle.style(of: kind)
                    legend.addSwatch(key: "kind:\(kind.rawValue)", label: kind.rawValue.replacingOccurrences(of: "-", with: " "),
                                     shape: style.shape, fill: options.colorBy == .community ? "white" : style.fill,
                                     extraStyle: style.extraStyle)
                }
                let statuses = Set(edges.compactMap(\.status)).sorted(by: >)
                for status in statuses { legend.addLine(status: status) }
            }
            for (number, entry) in communityLegend.enumerated() {
                legend.addSwatch(key: "community:\(number + 1)", label: entry.label, shape: "box", fill: entry.fill, extraStyle: nil)
            }
            if sizeFactor != nil { legend.addNote(key: "size", text: "size: \(sizeName)") }
            if let threshold = options.labelsFromDegree {
                legend.addNote(key: "labels", text: "small marks: entities with fewer than \(threshold) neighbours (hover for the name)")
            }
            if let emphasis = options.emphasis {
                legend.addNote(key: "path", text: emphasis.note)
            } else if let ends = options.highlightPath, let onPath {
                legend.addNote(key: "path", text: "magenta: a shortest path from \(ends.from) to \(ends.to) (\(onPath.count - 1) links)")
            }
            if !legend.nodes.isEmpty {
                graph.legend = StyledLegend(attributes: [
                    .text("label", "Legend"), .plain("style", "rounded"), .plain("color", DiagramStyle.clusterLine),
                    .plain("fontsize", "12"), .plain("labeljust", "l"),
                ], nodes: legend.nodes, edges: legend.edges)
            }
        }
        graph.clusters = clusters
        graph.edges += styledEdges
        return graph
    }

    /// Groups for `--cluster-by jurisdiction`: for each set of founders, the stations they are
    /// said to have established; a single founder sits in its own group.
    func jurisdictionGroups() -> [(label: String, members: [Int])] {
        var founders: [Int: [Int]] = [:]
        for edge in edges where edge.isEstablishment {
            if !(founders[edge.to]?.contains(edge.from) ?? false) { founders[edge.to, default: []].append(edge.from) }
        }
        let founderNodes = Set(founders.values.joined())
        var groups: [[Int]: [Int]] = [:]
        for target in founders.keys.sorted() where !founderNodes.contains(target) {
            groups[founders[target]!.sorted(), default: []].append(target)
        }
        for founder in founderNodes where groups[[founder]] == nil { groups[[founder]] = [] }
        return groups.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { key in
            let names = key.map { nodes[$0].label }
            if key.count == 1 { return ("Jurisdiction: " + names[0], key + groups[key]!) }
            return ("Claimed by several: " + names.joined(separator: "; "), groups[key]!)
        }
    }
}

/// The legend's nodes and sample lines, with ids that cannot collide with the graph's.
struct Legend {
    var taken: Set<String>
    var isDirected: Bool
    var nodes: [StyledNode] = []
    var edges: [StyledEdge] = []

    mutating func id(_ key: String) -> String {
        var id = "legend:" + key
        while taken.contains(id) { id = "_" + id }
        taken.insert(id)
        return id
    }

    mutating func addSwatch(key: String, label: String, shape: String, fill: String, extraStyle: String?) {
        var attributes: [DOTAttribute] = [.text("label", label), .plain("shape", shape), .plain("fillcolor", fill)]
        if let extraStyle { attributes.append(.plain("style", "filled," + extraStyle)) }
        attributes.append(.plain("class", "legend"))
        nodes.append(StyledNode(id: id(key), attributes: attributes))
    }

    mutating func addNote(key: String, text: String) {
        nodes.append(StyledNode(id: id(key), attributes: [
            .text("label", text), .plain("shape", "plaintext"), .plain("style", "solid"), .plain("class", "legend"),
        ]))
    }

    mutating func addLine(status: EvidenceStatus) {
        let line = DiagramStyle.style(of: status)
        let from = id("status:\(status.rawValue)")
        let to = id("status:\(status.rawValue):end")
        nodes.append(StyledNode(id: from, attributes: [
            .text("label", status.rawValue), .plain("shape", "plaintext"), .plain("style", "solid"), .plain("class", "legend"),
        ]))
        nodes.append(StyledNode(id: to, attributes: [
            .text("label", ""), .plain("shape", "point"), .plain("width", "0.05"), .plain("class", "legend"),
        ]))
        var attributes: [DOTAttribute] = [
            .plain("style", line.style), .plain("color", line.color), .number("penwidth", line.penwidth),
        ]
        if isDirected { attributes.append(.plain("arrowhead", line.arrowhead)) }
        attributes.append(.plain("class", "legend"))
        edges.append(StyledEdge(from: from, to: to, attributes: attributes))
    }
}
