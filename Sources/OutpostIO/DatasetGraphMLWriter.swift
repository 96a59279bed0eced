import Foundation
import OutpostGraph

/// Writes a dataset view as GraphML with nothing of its evidence lost: a directed multigraph
/// with one `<edge>` per relation, as NetworkX's `read_graphml` reads it into a `MultiDiGraph`.
///
/// Keys are typed as NetworkX writes them (`string`, `long` for integers, `boolean`):
/// - graph: `name`, `title`, `filter` (what the view kept), `sources` (every source of the
///   dataset as a JSON array of objects with `id`, `title`, `publisher`, `date`, `url`, `file`,
///   `note`, absent fields left out).
/// - node (one per entity, `id` = entity id): `label` (the name), `kind`, `aliases` (JSON array
///   of strings), `country`, `city`, `attributes` (JSON object of strings), `citations`.
/// - edge (one per relation, `id` = `r` and the relation's position in the whole dataset, so
///   a filtered export keeps the ids): `relation` (type), `layer`, `status`, `directed` (false
///   for types without direction, which are written once from `from` to `to`), `start`, `end`,
///   `date` (as written: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`), `by` and `sources` (ids separated
///   by one space; ids hold no spaces), `note`, `citations`, `citation_count` (`long`).
///
/// `citations` is a JSON array of `{"source": id, "excerpt": text}` objects, in the dataset's
/// order. JSON is written with sorted keys, so the same view always gives the same bytes.
///
/// Characters XML 1.0 cannot hold (control characters other than tab and line ends, U+FFFE,
/// U+FFFF) are refused, not escaped: no escape for them exists in XML 1.0, and dropping them
/// would lose text silently. The error names the entity or relation and the field.
public struct DatasetGraphMLWriter {
    public init() {}

    /// Writes the file atomically: a failed write leaves no partial file.
    public func write(_ view: DatasetView, to path: String) throws {
        try writeAtomically(write(view), to: path)
    }

    public func write(_ view: DatasetView) throws -> String {
        let dataset = view.dataset
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
        out += "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        out += "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        let graphKeys = ["name", "title", "filter", "sources"]
        let nodeKeys = ["label", "kind", "aliases", "country", "city", "attributes", "citations"]
        let edgeKeys: [(String, String)] = [("relation", "string"), ("layer", "string"), ("status", "string"), ("directed", "boolean"),
                                            ("start", "string"), ("end", "string"), ("date", "string"), ("by", "string"),
                                            ("note", "string"), ("sources", "string"), ("citations", "string"), ("citation_count", "long")]
        var keyID: [String: String] = [:]
        var next = 0
        func declare(_ name: String, _ domain: String, _ type: String) {
            let id = "d\(next)"; next += 1
            keyID[domain + ":" + name] = id
            out += "  <key id=\"\(id)\" for=\"\(domain)\" attr.name=\"\(name)\" attr.type=\"\(type)\"/>\n"
        }
        for name in graphKeys { declare(name, "graph", "string") }
        for name in nodeKeys { declare(name, "node", "string") }
        for (name, type) in edgeKeys { declare(name, "edge", type) }

        func data(_ domain: String, _ name: String, _ value: String?, _ owner: @autoclosure () -> String, indent: String) throws -> String {
            guard let value else { return "" }
            try Self.checkXMLCharacters(value, field: name, of: owner())
            return "\(indent)<data key=\"\(keyID[domain + ":" + name]!)\">\(GraphMLWriter.escape(value))</data>\n"
        }
        out += "  <graph id=\"\(GraphMLWriter.escape(dataset.name))\" edgedefault=\"directed\">\n"
        out += try data("graph", "name", dataset.name, "the dataset", indent: "    ")
        out += try data("graph", "title", dataset.title, "the dataset", indent: "    ")
        out += try data("graph", "filter", view.filter.summary, "the dataset", indent: "    ")
        out += try data("graph", "sources", Self.json(dataset.sources.map(Self.fields(of:))), "the dataset's sources", indent: "    ")

        for entity in view.entities {
            let owner = "entity '\(entity.id)'"
            try Self.checkXMLCharacters(entity.id, field: "id", of: owner)
            var body = ""
            body += try data("node", "label", entity.name, owner, indent: "      ")
            body += try data("node", "kind", entity.kind.rawValue, owner, indent: "      ")
            if !entity.aliases.isEmpty { body += try data("node", "aliases", Self.json(entity.aliases), owner, indent: "      ") }
            body += try data("node", "country", entity.country, owner, indent: "      ")
            body += try data("node", "city", entity.city, owner, indent: "      ")
            if !entity.attributes.isEmpty { body += try data("node", "attributes", Self.json(entity.attributes), owner, indent: "      ") }
            if !entity.citations.isEmpty { body += try data("node", "citations", Self.json(entity.citations.map(Self.fields(of:))), owner, indent: "      ") }
            out += "    <node id=\"\(GraphMLWriter.escape(entity.id))\">\n\(body)    </node>\n"
        }
        for r in view.relationIndices {
            let relation = dataset.relations[r]
            let owner = "relation \(relation.from) \(relation.type.rawValue) \(relation.to)"
            var body = ""
            body += try data("edge", "relation", relation.type.rawValue, owner, indent: "      ")
            body += try data("edge", "layer", relation.layer.rawValue, owner, indent: "      ")
            body += try data("edge", "status", relation.status.rawValue, owner, indent: "      ")
            body += try data("edge", "directed", relation.isDirected ? "true" : "false", owner, indent: "      ")
            body += try data("edge", "start", relation.start?.description, owner, indent: "      ")
            body += try data("edge", "end", relation.end?.description, owner, indent: "      ")
            body += try data("edge", "date", relation.date?.description, owner, indent: "      ")
            if !relation.by.isEmpty { body += try data("edge", "by", relation.by.joined(separator: " "), owner, indent: "      ") }
            body += try data("edge", "note", relation.note, owner, indent: "      ")
            body += try data("edge", "sources", relation.citations.sourceIDs.joined(separator: " "), owner, indent: "      ")
            body += try data("edge", "citations", Self.json(relation.citations.map(Self.fields(of:))), owner, indent: "      ")
            body += try data("edge", "citation_count", String(relation.citations.count), owner, indent: "      ")
            out += "    <edge id=\"r\(r)\" source=\"\(GraphMLWriter.escape(relation.from))\" target=\"\(GraphMLWriter.escape(relation.to))\">\n\(body)    </edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }

    static func fields(of source: Source) -> [String: String] {
        var fields = ["id": source.id, "title": source.title]
        fields["publisher"] = source.publisher
        fields["date"] = source.date?.description
        fields["url"] = source.url
        fields["file"] = source.file
        fields["note"] = source.note
        return fields
    }

    static func fields(of citation: Citation) -> [String: String] {
        ["source": citation.source, "excerpt": citation.excerpt]
    }

    /// JSON text with sorted keys and unescaped slashes (stable bytes, readable URLs).
    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
    }

    /// Refuses a character XML 1.0 cannot hold in any form.
    static func checkXMLCharacters(_ text: String, field: String, of owner: String) throws {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0xFFFE || v == 0xFFFF {
                throw ExportError.characterNotAllowed(owner: owner, field: field, scalar: v, format: "XML")
            }
        }
    }
}

/// Why an export could not be written.
public enum ExportError: Error, CustomStringConvertible, Sendable {
    /// A character the target syntax cannot hold (XML 1.0 has no escape for most control characters).
    case characterNotAllowed(owner: String, field: String, scalar: UInt32, format: String)

    public var description: String {
        switch self {
        case let .characterNotAllowed(owner, field, scalar, format):
            let code = String(scalar, radix: 16, uppercase: true)
            return "\(owner): \(field) holds the control character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code), which \(format) 1.0 cannot hold in any form; remove it from the dataset (or export to CSV or JSON, which can)"
        }
    }
}
