import Foundation
import OutpostGraph

/// Writes GML as NetworkX's `write_gml` writes it and its `read_gml` (and igraph's
/// `Read_GML`) reads it.
///
/// `graph [ directed 1 multigraph 1 … node [ id 0 label "…" … ] edge [ source 0 target 1 … ] ]`:
/// nodes are numbered from 0 in node order and `label` holds the node id, because NetworkX's
/// `read_gml` names each node by its `label`: ids survive a round trip through NetworkX.
///
/// A dataset is written lossless with ``DatasetFields``' names and encodings, except that an
/// entity's name (the field `label` elsewhere) is the node key `name`, since `label` holds its
/// id; each relation is an edge with `key` `rN`; integers are bare numbers, booleans `1`/`0`,
/// everything else a string. A plain graph is written with its labels as `name`, its attributes
/// as strings and its weights as `weight`.
///
/// Strings are escaped so that both libraries read them back (``escape(_:)``): `"` and `&` as
/// `&quot;` and `&amp;` (which NetworkX and igraph decode), every other character outside
/// printable ASCII as a character reference (`&#10;`, `&#1040;`), as NetworkX writes them (its
/// `read_gml` takes ASCII only). igraph 0.11 leaves character references as they are: for
/// igraph, write with ``Characters/utf8``, which igraph reads and writes. Keys must be GML names
/// (a letter, then letters, digits or `_`): another attribute name is refused, naming it.
public struct GMLWriter {
    /// How a string's characters outside printable ASCII are written.
    public enum Characters: String, Sendable, CaseIterable {
        /// As character references (`&#20029;`), as the GML spec and NetworkX's `write_gml` write
        /// them: the file is ASCII, which NetworkX's `read_gml` requires. igraph 0.11's
        /// `Read_GML` keeps the references as text (and warns), so non-ASCII names arrive there
        /// as `&#20029;…`.
        case ascii
        /// As UTF-8, as igraph's `write_gml` writes them, and as igraph's `Read_GML` reads them
        /// (names with Chinese or accented letters survive); only `"` and `&` are escaped.
        /// NetworkX's `read_gml` refuses such a file ("input is not ASCII-encoded").
        case utf8
    }

    public var characters: Characters

    public init(characters: Characters = .ascii) {
        self.characters = characters
    }

    /// Writes the file atomically: a failed write leaves no partial file.
    public func write(_ view: DatasetView, to path: String) throws {
        try writeAtomically(write(view), to: path)
    }

    public func write(_ view: DatasetView) throws -> String {
        let dataset = view.dataset
        var out = "graph [\n  directed 1\n  multigraph 1\n"
        let graphValues = DatasetFields.values(of: view)
        out += try pairs(DatasetFields.graph, graphValues, indent: "  ", owner: "the dataset")
        var number: [String: Int] = [:]
        let nodeFields = DatasetFields.node.map { $0.name == "label" ? ExportField("name") : $0 }
        for entity in view.entities {
            number[entity.id] = number.count
            var values = DatasetFields.values(of: entity)
            values["name"] = values.removeValue(forKey: "label")
            out += "  node [\n    id \(number[entity.id]!)\n    label \"\(escape(entity.id))\"\n"
            out += try pairs(nodeFields, values, indent: "    ", owner: "entity '\(entity.id)'")
            out += "  ]\n"
        }
        for r in view.relationIndices {
            let relation = dataset.relations[r]
            guard let a = number[relation.from], let b = number[relation.to] else { continue }
            out += "  edge [\n    source \(a)\n    target \(b)\n    key \"\(DatasetFields.edgeID(r))\"\n"
            out += try pairs(DatasetFields.edge, DatasetFields.values(of: relation), indent: "    ",
                                  owner: "relation \(relation.from) \(relation.type.rawValue) \(relation.to)")
            out += "  ]\n"
        }
        return out + "]\n"
    }

    /// Writes the file atomically: a failed write leaves no partial file.
    public func write(_ graph: Graph, to path: String) throws {
        try writeAtomically(write(graph), to: path)
    }

    public func write(_ graph: Graph) throws -> String {
        let weighted = graph.edgeWeights.contains { $0 != 1 }
        var out = "graph [\n  directed \(graph.isDirected ? 1 : 0)\n"
        // NetworkX's read_gml refuses a repeated pair (b–a after a–b, undirected) unless the graph says multigraph.
        let pairs = Set(zip(graph.edgeSources, graph.edgeTargets).map { graph.isDirected ? [$0, $1] : [min($0, $1), max($0, $1)] })
        if pairs.count < graph.edgeCount { out += "  multigraph 1\n" }
        for v in 0..<graph.nodeCount {
            out += "  node [\n    id \(v)\n    label \"\(escape(graph.nodeIDs[v]))\"\n"
            var values = graph.nodeAttributes[v]
            values.removeValue(forKey: "label")
            if let label = graph.nodeLabels[v] { values["name"] = label }
            out += try self.pairs(values.keys.sorted().map { ExportField($0) }, values, indent: "    ", owner: "node '\(graph.nodeIDs[v])'")
            out += "  ]\n"
        }
        for e in 0..<graph.edgeCount {
            out += "  edge [\n    source \(graph.edgeSources[e])\n    target \(graph.edgeTargets[e])\n"
            if weighted { out += "    weight \(graph.edgeWeights[e])\n" }
            var values = graph.attributes(ofEdge: e)
            values.removeValue(forKey: "weight")
            if let id = values.removeValue(forKey: "id") { values["key"] = id }
            out += try self.pairs(values.keys.sorted().map { ExportField($0) }, values, indent: "    ",
                                  owner: "edge \(graph.nodeIDs[Int(graph.edgeSources[e])]) → \(graph.nodeIDs[Int(graph.edgeTargets[e])])")
            out += "  ]\n"
        }
        return out + "]\n"
    }

    /// `key value` lines for the fields that have a value.
    func pairs(_ fields: [ExportField], _ values: [String: String], indent: String, owner: String) throws -> String {
        var out = ""
        for field in fields {
            guard let value = values[field.name] else { continue }
            guard Self.isName(field.name), !["id", "source", "target", "node", "edge", "graph"].contains(field.name) else {
                throw ExportError.nameNotAllowed(owner: owner, name: field.name, format: "GML",
                                                 rule: "a letter, then letters, digits or _; not id, source, target, node, edge or graph")
            }
            switch field.type {
            case .integer: out += "\(indent)\(field.name) \(value)\n"
            case .boolean: out += "\(indent)\(field.name) \(value == "true" ? 1 : 0)\n"
            case .string: out += "\(indent)\(field.name) \"\(escape(value))\"\n"
            }
        }
        return out
    }

    /// Whether `name` is a GML key: a letter, then letters, digits or `_` (ASCII).
    static func isName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
    }

    /// A GML string's content in this writer's ``characters``.
    func escape(_ text: String) -> String { Self.escape(text, characters: characters) }

    /// A GML string's content: `&quot;`, `&amp;`, and (``Characters/ascii``) every other
    /// character outside printable ASCII (space to `~`) as `&#N;` with N the scalar's decimal
    /// value, as NetworkX writes it; (``Characters/utf8``) every other character as it is.
    static func escape(_ text: String, characters: Characters = .ascii) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if scalar == "\"" {
                out += "&quot;"
            } else if scalar == "&" {
                out += "&amp;"
            } else if characters == .utf8 || (scalar.value >= 0x20 && scalar.value <= 0x7E) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "&#\(scalar.value);"
            }
        }
        return out
    }
}
