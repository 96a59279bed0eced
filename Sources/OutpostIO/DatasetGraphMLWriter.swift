import Foundation
import OutpostGraph

/// Writes a dataset view as GraphML with nothing of its evidence lost: a directed multigraph
/// with one `<edge>` per relation, as NetworkX's `read_graphml` reads it into a `MultiDiGraph`,
/// and as ``GraphMLReader/readInput(at:)`` reads it back into the same dataset.
///
/// The fields, their names and encodings are ``DatasetFields``' (graph, node and edge keys,
/// in that order); keys are typed as NetworkX writes them (`string`, `long` for integers,
/// `boolean`). Node ids are entity ids; edge ids `r` and the relation's position in the whole
/// dataset. Undirected relation types are written once, from `from` to `to` (`directed` false).
///
/// Characters XML 1.0 cannot hold (control characters other than tab and line ends, U+FFFE,
/// U+FFFF) are refused, not escaped (``XMLText/check(_:field:of:)``): the error names the
/// entity or relation and the field.
public struct DatasetGraphMLWriter {
    public init() {}

    /// Writes the file atomically: a failed write leaves no partial file.
    public func write(_ view: DatasetView, to path: String) throws {
        try writeAtomically(write(view), to: path)
    }

    public func write(_ view: DatasetView) throws -> String {
        let dataset = view.dataset
        var out = GraphMLWriter.prolog
        var keyID: [String: String] = [:]
        var next = 0
        for (domain, fields) in [("graph", DatasetFields.graph), ("node", DatasetFields.node), ("edge", DatasetFields.edge)] {
            for field in fields {
                let id = "d\(next)"; next += 1
                keyID[domain + ":" + field.name] = id
                out += "  <key id=\"\(id)\" for=\"\(domain)\" attr.name=\"\(field.name)\" attr.type=\"\(Self.typeName(field.type))\"/>\n"
            }
        }
        func data(_ domain: String, _ fields: [ExportField], _ values: [String: String], of owner: String, indent: String) throws -> String {
            var body = ""
            for field in fields {
                guard let value = values[field.name] else { continue }
                try XMLText.check(value, field: field.name, of: owner)
                body += "\(indent)<data key=\"\(keyID[domain + ":" + field.name]!)\">\(XMLText.escape(value))</data>\n"
            }
            return body
        }
        out += "  <graph id=\"\(XMLText.escape(dataset.name))\" edgedefault=\"directed\">\n"
        out += try data("graph", DatasetFields.graph, DatasetFields.values(of: view), of: "the dataset", indent: "    ")
        for entity in view.entities {
            let owner = "entity '\(entity.id)'"
            try XMLText.check(entity.id, field: "id", of: owner)
            let body = try data("node", DatasetFields.node, DatasetFields.values(of: entity), of: owner, indent: "      ")
            out += "    <node id=\"\(XMLText.escape(entity.id))\">\n\(body)    </node>\n"
        }
        for r in view.relationIndices {
            let relation = dataset.relations[r]
            let owner = "relation \(relation.from) \(relation.type.rawValue) \(relation.to)"
            let body = try data("edge", DatasetFields.edge, DatasetFields.values(of: relation), of: owner, indent: "      ")
            out += "    <edge id=\"\(DatasetFields.edgeID(r))\" source=\"\(XMLText.escape(relation.from))\" target=\"\(XMLText.escape(relation.to))\">\n\(body)    </edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }

    /// GraphML's name for a value type, as NetworkX writes it.
    static func typeName(_ type: ExportField.ValueType) -> String {
        switch type {
        case .string: return "string"
        case .integer: return "long"
        case .boolean: return "boolean"
        }
    }
}

/// Why an export could not be written.
public enum ExportError: Error, CustomStringConvertible, Sendable {
    /// A character the target syntax cannot hold (XML 1.0 has no escape for most control characters).
    case characterNotAllowed(owner: String, field: String, scalar: UInt32, format: String)
    /// An attribute name the format cannot hold as a key (GML keys are letters, digits and `_`).
    case nameNotAllowed(owner: String, name: String, format: String, rule: String)
    /// A value the format cannot hold (a Pajek label with a double quote or a line break).
    case valueNotAllowed(owner: String, field: String, format: String, reason: String)
    /// A plain graph to a format whose entities need a dataset's kinds (FollowTheMoney).
    case needsDataset(format: String)

    public var description: String {
        switch self {
        case let .characterNotAllowed(owner, field, scalar, format):
            let code = String(scalar, radix: 16, uppercase: true)
            return "\(owner): \(field) holds the control character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code), which \(format) 1.0 cannot hold in any form; remove it from the dataset (or export to CSV or JSON, which can)"
        case let .nameNotAllowed(owner, name, format, rule):
            return "\(owner): the attribute name '\(printable(name))' cannot be a \(format) key (\(rule)); rename the attribute, or export to GraphML or JSON, which can hold it"
        case let .needsDataset(format):
            return "a \(format) export needs a dataset (entity kinds say which schema each node is); this is a plain graph: export it as GraphML, GEXF, GML, Pajek, JSON or CSV"
        case let .valueNotAllowed(owner, field, format, reason):
            return "\(owner): \(field) \(reason), which \(format) cannot hold; change the value, or export to GraphML, GML or JSON, which can"
        }
    }
}
