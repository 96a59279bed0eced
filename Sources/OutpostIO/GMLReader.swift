import Foundation
import OutpostGraph

/// Reads GML (as NetworkX's `write_gml`, igraph's `write_gml` and most tools write it).
///
/// Nodes are named as NetworkX's `read_gml` names them: by their `label`, or by their `id` when
/// they have no label; edges refer to nodes by `id`. A node's `name` becomes its display name;
/// an edge's `weight` its weight (it must be a number) and its `key` its `id` attribute; every
/// other number or string is kept as an attribute (numbers as written), and graph-level ones as
/// the graph's own. Nested lists other than `graph`, `node` and `edge` (`graphics`, say) are
/// skipped. Strings are unescaped as NetworkX unescapes them (`&#34;`, `&#x22;`, `&amp;`,
/// `&quot;`, `&lt;`, `&gt;`, `&apos;`).
///
/// ``readInput(at:)`` reads Outpost's own export (``GMLWriter``) back as the dataset it holds,
/// recognised as ``DatasetFields`` says. Errors (a token that is not GML, an unclosed `[` or
/// string, a duplicate id or label, an edge to an undeclared node) name the line and column.
public struct GMLReader: DatasetFileReader {
    public static let formatName = "GML"

    public init() {}

    public func read(_ data: Data, file: String = "<input>") throws -> Graph {
        try exported(data, file: file).graph
    }

    public func readInput(_ data: Data, file: String = "<input>") throws -> (LoadedInput, [Diagnostic]) {
        try DatasetFields.input(exported(data, file: file))
    }

    indirect enum Value {
        case number(String)
        case string(String)
        case list([Pair])
    }

    struct Pair {
        var key: String
        var value: Value
        var line: Int
        var column: Int
    }

    func exported(_ data: Data, file: String) throws -> DatasetFields.Exported {
        let pairs = try InputBytes.withText(data, file: file) { bytes -> [Pair] in
            var parser = Parser(bytes: bytes, file: file)
            return try parser.document()
        }
        func fail(_ line: Int, _ column: Int, _ message: String, _ hint: String) -> DiagnosticsError {
            DiagnosticsError([Diagnostic(.error, at: SourceLocation(file: file, line: line, column: column), message, hint: hint)])
        }
        let graphs = pairs.filter { $0.key == "graph" }
        guard let top = graphs.first, case let .list(body) = top.value else {
            throw fail(1, 1, "no graph [ … ] found", "a GML file holds graph [ node [ id 0 label \"a\" ] edge [ source 0 target 1 ] ]")
        }
        if graphs.count > 1 { throw fail(graphs[1].line, graphs[1].column, "a second graph", "a GML file holds one graph") }
        func number(_ value: Value) -> Double? { if case let .number(text) = value { return Double(text) } else { return nil } }
        func scalar(_ value: Value) -> String? {
            switch value {
            case let .number(text), let .string(text): return text
            case .list: return nil
            }
        }
        let directed = body.first { $0.key == "directed" }.flatMap { number($0.value) } ?? 0
        var graph = Graph(directed: directed != 0)
        var graphValues: [String: String] = [:]
        var nodeLocations: [SourceLocation] = [], edgeLocations: [SourceLocation] = []
        var indexByGMLID: [String: Int] = [:]
        for pair in body {
            switch pair.key {
            case "directed", "multigraph":
                continue
            case "node":
                guard case let .list(fields) = pair.value else { throw fail(pair.line, pair.column, "node is not a list", "write node [ id 0 label \"a\" ]") }
                guard let idPair = fields.first(where: { $0.key == "id" }), let gmlID = scalar(idPair.value) else {
                    throw fail(pair.line, pair.column, "a node without an id", "give every node an id, e.g. node [ id 0 label \"a\" ]")
                }
                if indexByGMLID[gmlID] != nil { throw fail(idPair.line, idPair.column, "node id \(printable(gmlID)) is declared twice", "give each node its own id") }
                let name = fields.first { $0.key == "label" }.flatMap { scalar($0.value) } ?? gmlID
                if graph.index(of: name) != nil {
                    throw fail(pair.line, pair.column, "node label '\(printable(name))' is used twice",
                               "labels name the nodes (as NetworkX's read_gml takes them): give each node its own label")
                }
                var attributes: [String: String] = [:]
                var label: String?
                for field in fields where !["id", "label"].contains(field.key) {
                    guard let value = scalar(field.value) else { continue }  // graphics [ … ] and other lists
                    if field.key == "name" { label = value } else { attributes[field.key] = value }
                }
                indexByGMLID[gmlID] = graph.addNode(name, label: label, attributes: attributes)
                nodeLocations.append(SourceLocation(file: file, line: pair.line, column: pair.column))
            case "edge":
                guard case let .list(fields) = pair.value else { throw fail(pair.line, pair.column, "edge is not a list", "write edge [ source 0 target 1 ]") }
                var ends: [Int] = []
                for key in ["source", "target"] {
                    guard let end = fields.first(where: { $0.key == key }), let text = scalar(end.value) else {
                        throw fail(pair.line, pair.column, "an edge without a \(key)", "give every edge a source and a target node id")
                    }
                    guard let index = indexByGMLID[text] else {
                        throw fail(end.line, end.column, "edge \(key) \(printable(text)) is not the id of a node declared before it",
                                   "declare node [ id \(printable(text)) … ] before the edges, or correct the id")
                    }
                    ends.append(index)
                }
                var weight = 1.0
                var attributes: [String: String] = [:]
                for field in fields where !["source", "target"].contains(field.key) {
                    guard let value = scalar(field.value) else { continue }
                    if field.key == "weight" {
                        guard let w = number(field.value), w.isFinite else {
                            throw fail(field.line, field.column, "edge weight \(printable(value)) is not a finite number", "write a number such as 1 or 0.5")
                        }
                        weight = w
                    } else {
                        attributes[field.key == "key" ? "id" : field.key] = value
                    }
                }
                graph.addEdge(ends[0], ends[1], weight: weight, attributes: attributes.isEmpty ? nil : attributes)
                edgeLocations.append(SourceLocation(file: file, line: pair.line, column: pair.column))
            default:
                if let value = scalar(pair.value) { graphValues[pair.key] = value }
            }
        }
        return DatasetFields.Exported(graph: graph, graphValues: graphValues, graphLocation: SourceLocation(file: file, line: top.line),
                                      nodeLocations: nodeLocations, edgeLocations: edgeLocations)
    }

    /// Replaces character references (`&#34;`, `&#x22;`) and the five XML entities.
    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let tail = rest[amp...]
            if let semi = tail.prefix(12).firstIndex(of: ";") {
                let name = tail[tail.index(after: amp)..<semi]
                var scalar: Unicode.Scalar?
                if name.hasPrefix("#x") || name.hasPrefix("#X") { scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
                else if name.hasPrefix("#") { scalar = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init) }
                else { scalar = ["amp": "&", "quot": "\"", "lt": "<", "gt": ">", "apos": "'"][String(name)] }
                if let scalar {
                    out.unicodeScalars.append(scalar)
                    rest = tail[tail.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = tail.dropFirst()
        }
        return out + rest
    }

    /// GML's tokens over bytes, tracking line and column: keys, numbers, strings, `[`, `]`,
    /// comments from `#` to the end of the line.
    struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        let file: String
        var position = 0
        var line = 1
        var lineStart = 0

        init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
            self.bytes = bytes
            self.file = file
            if InputBytes.hasByteOrderMark(bytes) { position = 3; lineStart = 3 }
        }

        var column: Int { position - lineStart + 1 }

        func fail(_ message: String, hint: String, line: Int? = nil, column: Int? = nil) -> DiagnosticsError {
            DiagnosticsError([Diagnostic(.error, at: SourceLocation(file: file, line: line ?? self.line, column: column ?? self.column), message, hint: hint)])
        }

        mutating func skipSpace() {
            while position < bytes.count {
                let b = bytes[position]
                if b == UInt8(ascii: "\n") { position += 1; line += 1; lineStart = position }
                else if b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r") { position += 1 }
                else if b == UInt8(ascii: "#") { while position < bytes.count && bytes[position] != UInt8(ascii: "\n") { position += 1 } }
                else { return }
            }
        }

        mutating func document() throws -> [Pair] {
            let pairs = try list(closedBy: false)
            if pairs.isEmpty { throw fail("the file holds no GML", hint: "a GML file holds graph [ node [ id 0 label \"a\" ] … ]", line: 1, column: 1) }
            return pairs
        }

        static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
        static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

        mutating func list(closedBy bracket: Bool, openedAt: (Int, Int) = (1, 1), depth: Int = 0) throws -> [Pair] {
            // A graph nests three deep (graph, node, graphics); a deeper file is not a graph, and
            // without a bound it could exhaust the stack.
            guard depth < 32 else {
                throw fail("lists nest more than 32 deep", hint: "a GML graph nests graph [ node [ graphics [ … ] ] ]", line: openedAt.0, column: openedAt.1)
            }
            var pairs: [Pair] = []
            while true {
                skipSpace()
                guard position < bytes.count else {
                    if bracket { throw fail("a [ is never closed", hint: "add the closing ]; the file may be truncated", line: openedAt.0, column: openedAt.1) }
                    return pairs
                }
                if bytes[position] == UInt8(ascii: "]") {
                    guard bracket else { throw fail("a ] closes nothing", hint: "remove it, or add the [ it closes") }
                    position += 1
                    return pairs
                }
                let keyLine = line, keyColumn = column
                guard Self.isLetter(bytes[position]) else {
                    throw fail("expected a key (a name such as node or label), found '\(printable(String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<min(bytes.count, position + 12)]), as: UTF8.self)))'",
                               hint: "GML is a list of key value pairs; quote string values")
                }
                let start = position
                while position < bytes.count && (Self.isLetter(bytes[position]) || Self.isDigit(bytes[position]) || bytes[position] == UInt8(ascii: "_")) { position += 1 }
                let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                skipSpace()
                guard position < bytes.count else { throw fail("key \(key) has no value", hint: "give it a number, a \"string\" or a [ list ]; the file may be truncated") }
                let valueLine = line, valueColumn = column
                let b = bytes[position]
                let value: Value
                if b == UInt8(ascii: "[") {
                    position += 1
                    value = .list(try list(closedBy: true, openedAt: (valueLine, valueColumn), depth: depth + 1))
                } else if b == UInt8(ascii: "\"") {
                    position += 1
                    let from = position
                    while position < bytes.count && bytes[position] != UInt8(ascii: "\"") {
                        if bytes[position] == UInt8(ascii: "\n") { line += 1; lineStart = position + 1 }
                        position += 1
                    }
                    guard position < bytes.count else {
                        throw fail("a string is never closed", hint: "add the closing \"; write a \" inside a string as &#34;", line: valueLine, column: valueColumn)
                    }
                    value = .string(GMLReader.unescape(String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<position]), as: UTF8.self)))
                    position += 1
                } else if Self.isDigit(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: ".") {
                    let from = position
                    position += 1
                    while position < bytes.count, Self.isDigit(bytes[position]) || [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "-"), UInt8(ascii: "+")].contains(bytes[position]) {
                        position += 1
                    }
                    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<position]), as: UTF8.self)
                    guard Double(text) != nil else {
                        throw fail("\(key) \(printable(text)) is not a number", hint: "write a number such as 1 or 0.5, or quote a string", line: valueLine, column: valueColumn)
                    }
                    value = .number(text)
                } else if Self.isLetter(b) {
                    // NetworkX accepts INF and NAN bare, and bare words for id, label, source and target.
                    let from = position
                    while position < bytes.count && (Self.isLetter(bytes[position]) || Self.isDigit(bytes[position]) || bytes[position] == UInt8(ascii: "_")) { position += 1 }
                    let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<position]), as: UTF8.self)
                    if word == "INF" || word == "NAN" { value = .number(word == "INF" ? "inf" : "nan") }
                    else if ["id", "label", "source", "target"].contains(key) { value = .string(word) }
                    else {
                        throw fail("\(key) has the bare word \(printable(word)) for a value", hint: "quote it: \(key) \"\(printable(word))\"", line: valueLine, column: valueColumn)
                    }
                } else {
                    throw fail("\(key) has no value", hint: "give it a number, a \"string\" or a [ list ]", line: valueLine, column: valueColumn)
                }
                pairs.append(Pair(key: key, value: value, line: keyLine, column: keyColumn))
            }
        }
    }
}
