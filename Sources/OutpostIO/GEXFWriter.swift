import Foundation
import OutpostGraph

/// Writes GEXF 1.3, Gephi's own format (namespace `http://gexf.net/1.3`, as Gephi 0.9 and later
/// write it and NetworkX 3.6's `read_gexf` reads it).
///
/// A dataset is written lossless, with ``DatasetFields``' names and encodings:
/// - one `<node>` per entity, `label` the name; the other node fields as typed attributes
///   (`<attributes class="node">`).
/// - one `<edge>` per relation, `id` `rN`, `label` and `kind` the relation type (GEXF 1.3's
///   edge kind, which Gephi reads as the edge type, so that its import, which may merge
///   parallel edges of one type, keeps the denial and the disputed establishment between the
///   same two entities apart; not checked against Gephi itself), the edge fields as typed
///   attributes (`directed` `boolean`, `citation_count` `long`, the rest `string`).
/// - the dates as a spell, so that Gephi's timeline plays the network: a relation with `start`
///   or `end` lives from the first day of its start to the last day of its end (either side
///   open when absent); a one-off act (`date`) lives for the period its date names (a day, a
///   month or a year). Spells are days (`timeformat="date"`); the dates as written
///   (`2022`, `2022-09`) are also kept as the `start`, `end` and `date` attributes, which is
///   what ``GEXFReader`` reads back. Undated relations have no spell (they always hold).
/// - the dataset's own fields (`name`, `sources`, `totals`, …): GEXF has no graph attributes,
///   so they are written in `<meta>` as `<outpost:field name="…">` elements in Outpost's own
///   namespace (`https://outpost.example/gexf`), which GEXF readers that do not know it skip;
///   the title and description also go in GEXF's own `<title>` and `<description>`.
///
/// A plain graph is written with its node labels, its attributes as `string` attributes and
/// its weights as edge `weight`s. Text goes through ``XMLText``: characters XML 1.0 cannot hold
/// are refused with the entity or relation and the field named.
public struct GEXFWriter {
    public init() {}

    /// The namespace of the `<outpost:field>` elements in `<meta>`.
    public static let outpostNamespace = "https://outpost.example/gexf"

    /// Writes the file atomically: a failed write leaves no partial file.
    public func write(_ view: DatasetView, to path: String) throws {
        try writeAtomically(write(view), to: path)
    }

    public func write(_ view: DatasetView) throws -> String {
        let dataset = view.dataset
        var document = Document(directed: true, nodeFields: DatasetFields.node.filter { $0.name != "label" }, edgeFields: DatasetFields.edge)
        let graphValues = DatasetFields.values(of: view)
        for field in DatasetFields.graph {
            if let value = graphValues[field.name] { document.meta.append((field.name, value)) }
        }
        document.title = dataset.title
        document.description = dataset.description
        for entity in view.entities {
            var values = DatasetFields.values(of: entity)
            let label = values.removeValue(forKey: "label")
            document.nodes.append(Node(id: entity.id, label: label, values: values, owner: "entity '\(entity.id)'"))
        }
        for r in view.relationIndices {
            let relation = dataset.relations[r]
            let first = relation.start ?? relation.date, last = relation.end ?? relation.date
            document.edges.append(Edge(id: DatasetFields.edgeID(r), source: relation.from, target: relation.to,
                                       label: relation.type.rawValue, kind: relation.type.rawValue, weight: nil,
                                       values: DatasetFields.values(of: relation),
                                       spell: first == nil && last == nil ? nil : (first.map { Self.day($0.earliest) }, last.map { Self.day($0.latest) }),
                                       owner: "relation \(relation.from) \(relation.type.rawValue) \(relation.to)"))
        }
        return try document.text()
    }

    /// Writes the file atomically: a failed write leaves no partial file.
    public func write(_ graph: Graph, to path: String) throws {
        try writeAtomically(write(graph), to: path)
    }

    public func write(_ graph: Graph) throws -> String {
        let nodeNames = Set(graph.nodeAttributes.flatMap(\.keys)).subtracting(["label"]).sorted()
        let edgeNames = Set((0..<graph.edgeCount).flatMap { graph.attributes(ofEdge: $0).keys }).subtracting(["id", "weight"]).sorted()
        var document = Document(directed: graph.isDirected, nodeFields: nodeNames.map { ExportField($0) }, edgeFields: edgeNames.map { ExportField($0) })
        let weighted = graph.edgeWeights.contains { $0 != 1 }
        for v in 0..<graph.nodeCount {
            document.nodes.append(Node(id: graph.nodeIDs[v], label: graph.nodeLabels[v], values: graph.nodeAttributes[v],
                                       owner: "node '\(graph.nodeIDs[v])'"))
        }
        for e in 0..<graph.edgeCount {
            let attributes = graph.attributes(ofEdge: e)
            let source = graph.nodeIDs[Int(graph.edgeSources[e])], target = graph.nodeIDs[Int(graph.edgeTargets[e])]
            document.edges.append(Edge(id: attributes["id"] ?? String(e), source: source, target: target, label: nil, kind: nil,
                                       weight: weighted ? graph.edgeWeights[e] : nil, values: attributes, spell: nil,
                                       owner: "edge \(source) → \(target)"))
        }
        return try document.text()
    }

    /// `yyyymmdd` as `yyyy-mm-dd`.
    static func day(_ value: Int) -> String {
        let year = value / 10_000, month = value / 100 % 100, day = value % 100
        return PartialDate(year: year, month: month, day: day).description
    }

    /// GEXF's name for a value type.
    static func typeName(_ type: ExportField.ValueType) -> String {
        switch type {
        case .string: return "string"
        case .integer: return "long"
        case .boolean: return "boolean"
        }
    }

    struct Node { var id: String; var label: String?; var values: [String: String]; var owner: String }
    struct Edge {
        var id: String, source: String, target: String, label: String?, kind: String?, weight: Double?
        var values: [String: String]
        var spell: (start: String?, end: String?)?
        var owner: String
    }

    struct Document {
        var directed: Bool
        var nodeFields: [ExportField]
        var edgeFields: [ExportField]
        var meta: [(String, String)] = []
        var title: String?
        var description: String?
        var nodes: [Node] = []
        var edges: [Edge] = []

        init(directed: Bool, nodeFields: [ExportField], edgeFields: [ExportField]) {
            self.directed = directed
            self.nodeFields = nodeFields
            self.edgeFields = edgeFields
        }

        func text() throws -> String {
            func checked(_ value: String, _ field: String, _ owner: String) throws -> String {
                try XMLText.check(value, field: field, of: owner)
                return XMLText.escape(value)
            }
            let dynamic = edges.contains { $0.spell != nil }
            var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            out += "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
            out += "xmlns:outpost=\"\(GEXFWriter.outpostNamespace)\" "
            out += "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
            out += "  <meta>\n    <creator>Outpost</creator>\n"
            if let title { out += "    <title>\(try checked(title, "title", "the dataset"))</title>\n" }
            if let description { out += "    <description>\(try checked(description, "description", "the dataset"))</description>\n" }
            for (name, value) in meta {
                out += "    <outpost:field name=\"\(XMLText.escape(name))\">\(try checked(value, name, "the dataset"))</outpost:field>\n"
            }
            out += "  </meta>\n"
            out += "  <graph defaultedgetype=\"\(directed ? "directed" : "undirected")\" mode=\"\(dynamic ? "dynamic" : "static")\""
            out += dynamic ? " timeformat=\"date\">\n" : ">\n"
            var nodeID: [String: String] = [:], edgeID: [String: String] = [:]
            var next = 0
            for (domain, fields) in [("node", nodeFields), ("edge", edgeFields)] where !fields.isEmpty {
                out += "    <attributes class=\"\(domain)\" mode=\"static\">\n"
                for field in fields {
                    let id = String(next); next += 1
                    if domain == "node" { nodeID[field.name] = id } else { edgeID[field.name] = id }
                    out += "      <attribute id=\"\(id)\" title=\"\(try checked(field.name, "an attribute name", "the graph"))\" type=\"\(GEXFWriter.typeName(field.type))\"/>\n"
                }
                out += "    </attributes>\n"
            }
            func attvalues(_ fields: [ExportField], _ ids: [String: String], _ values: [String: String], _ owner: String) throws -> String {
                var body = ""
                for field in fields {
                    guard let value = values[field.name] else { continue }
                    body += "          <attvalue for=\"\(ids[field.name]!)\" value=\"\(try checked(value, field.name, owner))\"/>\n"
                }
                return body.isEmpty ? "" : "        <attvalues>\n\(body)        </attvalues>\n"
            }
            out += "    <nodes>\n"
            for node in nodes {
                out += "      <node id=\"\(try checked(node.id, "id", node.owner))\""
                out += " label=\"\(try checked(node.label ?? node.id, "label", node.owner))\""
                let body = try attvalues(nodeFields, nodeID, node.values, node.owner)
                out += body.isEmpty ? "/>\n" : ">\n\(body)      </node>\n"
            }
            out += "    </nodes>\n    <edges>\n"
            for edge in edges {
                out += "      <edge id=\"\(try checked(edge.id, "id", edge.owner))\" source=\"\(XMLText.escape(edge.source))\" target=\"\(XMLText.escape(edge.target))\""
                if let label = edge.label { out += " label=\"\(XMLText.escape(label))\"" }
                if let kind = edge.kind { out += " kind=\"\(XMLText.escape(kind))\"" }
                if let weight = edge.weight { out += " weight=\"\(weight)\"" }
                var body = try attvalues(edgeFields, edgeID, edge.values, edge.owner)
                if let spell = edge.spell {
                    body += "        <spells>\n          <spell"
                    if let start = spell.start { body += " start=\"\(start)\"" }
                    if let end = spell.end { body += " end=\"\(end)\"" }
                    body += "/>\n        </spells>\n"
                }
                out += body.isEmpty ? "/>\n" : ">\n\(body)      </edge>\n"
            }
            out += "    </edges>\n  </graph>\n</gexf>\n"
            return out
        }
    }
}
