import Foundation
import OutpostGraph

/// Reads node-link JSON as NetworkX's `node_link_data` writes it (and D3 reads it):
/// `{"directed", "multigraph", "graph": {…}, "nodes": [{"id", …}], "edges" | "links": [{"source",
/// "target", "key"?, …}]}`; NetworkX 3.6 calls the edge list `edges`, earlier versions `links`
/// (either is read; a file with both is refused).
///
/// Node ids are strings or numbers (a number is named by its JSON text, `1`); a node's `label`
/// or `name` becomes its display name, an edge's `weight` its weight (it must be a number) and
/// its `key` its `id` when it has none. Other values become attributes: strings as they are,
/// numbers as written, booleans `true`/`false`, arrays and objects as their JSON text in the file; `null`
/// is left out. ``readInput(at:)`` reads Outpost's own export (``NodeLinkJSONWriter`` of
/// ``DatasetView/exportGraph()``) back as the dataset it holds, recognised as ``DatasetFields``
/// says. Errors name the line and column of the node or edge at fault.
public struct NodeLinkJSONReader: DatasetFileReader {
    public static let formatName = "JSON"

    public init() {}

    public func read(_ data: Data, file: String = "<input>") throws -> Graph {
        try exported(data, file: file).graph
    }

    public func readInput(_ data: Data, file: String = "<input>") throws -> (LoadedInput, [Diagnostic]) {
        try DatasetFields.input(exported(data, file: file))
    }

    func exported(_ data: Data, file: String) throws -> DatasetFields.Exported {
        let root = try InputBytes.withText(data, file: file) { bytes -> JSONNode in
            var parser = JSONParser(bytes: bytes, file: file)
            return try parser.document()
        }
        func fail(_ at: JSONNode.Position, _ message: String, _ hint: String) -> DiagnosticsError {
            DiagnosticsError([Diagnostic(.error, at: SourceLocation(file: file, line: at.line, column: at.column), message, hint: hint)])
        }
        guard case let .object(members) = root.kind else {
            throw fail(root.position, "the file is JSON but not an object", "node-link JSON is {\"nodes\": [{\"id\": …}], \"edges\": [{\"source\": …, \"target\": …}]}")
        }
        let top = Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        if top["edges"] != nil && top["links"] != nil {
            throw fail(root.position, "the file has both \"edges\" and \"links\"", "keep one edge list (NetworkX 3.6 writes \"edges\", earlier versions \"links\")")
        }
        var directed = false
        if let value = top["directed"] {
            guard case let .bool(flag) = value.kind else { throw fail(value.position, "\"directed\" is not true or false", "write \"directed\": true or false") }
            directed = flag
        }
        var graph = Graph(directed: directed)
        var graphValues: [String: String] = [:]
        if let value = top["graph"] {
            guard case let .object(fields) = value.kind else { throw fail(value.position, "\"graph\" is not an object", "write \"graph\": {} or leave it out") }
            for (name, field) in fields { if let text = field.attributeText(in: data) { graphValues[name] = text } }
        }
        guard let nodesValue = top["nodes"], case let .array(nodes) = nodesValue.kind else {
            throw fail(top["nodes"]?.position ?? root.position, "no \"nodes\" array", "node-link JSON lists its nodes as \"nodes\": [{\"id\": …}, …]")
        }
        var nodeLocations: [SourceLocation] = [], edgeLocations: [SourceLocation] = []
        for node in nodes {
            guard case let .object(fields) = node.kind else { throw fail(node.position, "a node is not an object", "write each node as {\"id\": …}") }
            guard let idValue = fields.first(where: { $0.key == "id" })?.value, let id = idValue.idText else {
                throw fail(node.position, "a node without an id (a string or a number)", "give every node an \"id\"")
            }
            if graph.index(of: id) != nil { throw fail(idValue.position, "node id '\(printable(id))' is listed twice", "give each node its own id") }
            var attributes: [String: String] = [:]
            for (name, value) in fields where name != "id" { if let text = value.attributeText(in: data) { attributes[name] = text } }
            let label = attributes["label"] ?? attributes["name"]
            graph.addNode(id, label: label, attributes: attributes)
            nodeLocations.append(SourceLocation(file: file, line: node.position.line, column: node.position.column))
        }
        if let edgesValue = top["edges"] ?? top["links"] {
            guard case let .array(edges) = edgesValue.kind else { throw fail(edgesValue.position, "the edge list is not an array", "write \"edges\": [{\"source\": …, \"target\": …}]") }
            for edge in edges {
                guard case let .object(fields) = edge.kind else { throw fail(edge.position, "an edge is not an object", "write each edge as {\"source\": …, \"target\": …}") }
                let named = Dictionary(fields.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
                var ends: [Int] = []
                for key in ["source", "target"] {
                    guard let value = named[key], let id = value.idText else {
                        throw fail(edge.position, "an edge without a \(key) (a node id)", "give every edge a \"source\" and a \"target\"")
                    }
                    guard let index = graph.index(of: id) else {
                        throw fail(value.position, "edge \(key) '\(printable(id))' is not the id of a node", "add the node to \"nodes\" or correct the id")
                    }
                    ends.append(index)
                }
                var weight = 1.0
                var attributes: [String: String] = [:]
                for (name, value) in fields where name != "source" && name != "target" {
                    if name == "weight" {
                        guard case let .number(text) = value.kind, let w = Double(text), w.isFinite else {
                            throw fail(value.position, "edge weight is not a finite number", "write a number such as 1 or 0.5")
                        }
                        weight = w
                    } else if let text = value.attributeText(in: data) {
                        attributes[name] = text
                    }
                }
                if let key = attributes.removeValue(forKey: "key"), attributes["id"] == nil { attributes["id"] = key }
                graph.addEdge(ends[0], ends[1], weight: weight, attributes: attributes.isEmpty ? nil : attributes)
                edgeLocations.append(SourceLocation(file: file, line: edge.position.line, column: edge.position.column))
            }
        }
        return DatasetFields.Exported(graph: graph, graphValues: graphValues,
                                      graphLocation: SourceLocation(file: file, line: top["graph"]?.position.line ?? 1),
                                      nodeLocations: nodeLocations, edgeLocations: edgeLocations)
    }
}

/// A JSON value with where it starts, for messages with a line.
struct JSONNode {
    struct Position { var line: Int; var column: Int }
    indirect enum Kind {
        case object([(key: String, value: JSONNode)])
        case array([JSONNode])
        case string(String)
        /// The number as written.
        case number(String)
        case bool(Bool)
        case null
    }
    var kind: Kind
    var position: Position
    /// Where the value's text lies in the bytes it was parsed from.
    var bytes: Range<Int> = 0..<0

    /// A node id: a string, or a number's text.
    var idText: String? {
        switch kind {
        case let .string(text), let .number(text): return text
        default: return nil
        }
    }

    /// The value as an attribute's text (nil for null); an array or object as its text in
    /// `data`, the bytes it was parsed from.
    func attributeText(in data: Data) -> String? {
        switch kind {
        case let .string(text), let .number(text): return text
        case let .bool(flag): return flag ? "true" : "false"
        case .null: return nil
        case .object, .array: return String(decoding: data[data.startIndex + bytes.lowerBound..<data.startIndex + bytes.upperBound], as: UTF8.self)
        }
    }
}

/// RFC 8259 JSON over bytes, tracking line and column; nesting is bounded so that no input
/// exhausts the stack.
struct JSONParser {
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

    var here: JSONNode.Position { JSONNode.Position(line: line, column: position - lineStart + 1) }

    func fail(_ message: String, hint: String, at: JSONNode.Position? = nil) -> DiagnosticsError {
        let at = at ?? here
        return DiagnosticsError([Diagnostic(.error, at: SourceLocation(file: file, line: at.line, column: at.column), message, hint: hint)])
    }

    mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\n"): position += 1; line += 1; lineStart = position
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): position += 1
            default: return
            }
        }
    }

    mutating func document() throws -> JSONNode {
        skipSpace()
        guard position < bytes.count else { throw fail("the file is empty", hint: "node-link JSON is {\"nodes\": […], \"edges\": […]}") }
        let value = try self.value(depth: 0)
        skipSpace()
        guard position == bytes.count else { throw fail("text after the JSON value", hint: "a JSON file holds one value; remove what follows it") }
        return value
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws {
        skipSpace()
        guard position < bytes.count, bytes[position] == byte else {
            throw fail(position < bytes.count ? "expected \(what)" : "the file ends where \(what) was expected", hint: "check the JSON syntax; the file may be truncated")
        }
        position += 1
    }

    mutating func value(depth: Int) throws -> JSONNode {
        skipSpace()
        let from = position
        var value = try scalarOrContainer(depth: depth)
        value.bytes = from..<position
        return value
    }

    mutating func scalarOrContainer(depth: Int) throws -> JSONNode {
        let start = here
        guard depth < 64 else { throw fail("values nest more than 64 deep", hint: "node-link JSON nests a few levels; this is not a graph") }
        guard position < bytes.count else { throw fail("the file ends where a value was expected", hint: "the file may be truncated") }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            position += 1
            var members: [(key: String, value: JSONNode)] = []
            skipSpace()
            if position < bytes.count && bytes[position] == UInt8(ascii: "}") { position += 1; return JSONNode(kind: .object(members), position: start) }
            while true {
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw fail("expected a \"key\" in an object", hint: "keys are strings in double quotes") }
                let key = try string()
                try expect(UInt8(ascii: ":"), "':' after a key")
                members.append((key, try value(depth: depth + 1)))
                skipSpace()
                guard position < bytes.count else { throw fail("an object is never closed", hint: "add the closing }; the file may be truncated", at: start) }
                if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
                if bytes[position] == UInt8(ascii: "}") { position += 1; return JSONNode(kind: .object(members), position: start) }
                throw fail("expected ',' or '}' in an object", hint: "separate members with commas")
            }
        case UInt8(ascii: "["):
            position += 1
            var items: [JSONNode] = []
            skipSpace()
            if position < bytes.count && bytes[position] == UInt8(ascii: "]") { position += 1; return JSONNode(kind: .array(items), position: start) }
            while true {
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard position < bytes.count else { throw fail("an array is never closed", hint: "add the closing ]; the file may be truncated", at: start) }
                if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
                if bytes[position] == UInt8(ascii: "]") { position += 1; return JSONNode(kind: .array(items), position: start) }
                throw fail("expected ',' or ']' in an array", hint: "separate items with commas")
            }
        case UInt8(ascii: "\""):
            return JSONNode(kind: .string(try string()), position: start)
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            for (word, kind) in [("true", JSONNode.Kind.bool(true)), ("false", .bool(false)), ("null", .null)] {
                let w = Array(word.utf8)
                if position + w.count <= bytes.count && Array(bytes[position..<position + w.count]) == w {
                    position += w.count
                    return JSONNode(kind: kind, position: start)
                }
            }
            throw fail("a word that is not true, false or null", hint: "quote strings in double quotes")
        default:
            let from = position
            while position < bytes.count, [UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[position])
                    || (bytes[position] >= 0x30 && bytes[position] <= 0x39) {
                position += 1
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<position]), as: UTF8.self)
            guard !text.isEmpty, Double(text) != nil else {
                position = from
                throw fail("expected a value (an object, array, string, number, true, false or null)", hint: "check the JSON syntax; NaN and Infinity are not JSON")
            }
            return JSONNode(kind: .number(text), position: start)
        }
    }

    /// A string, the opening quote at `position`.
    mutating func string() throws -> String {
        let start = here
        position += 1
        var out: [UInt8] = []
        func hex4() throws -> UInt32 {
            guard position + 4 <= bytes.count, let value = UInt32(String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<position + 4]), as: UTF8.self), radix: 16) else {
                throw fail("a \\u escape without four hex digits", hint: "write \\u followed by four hex digits, e.g. \\u00e9")
            }
            position += 4
            return value
        }
        while true {
            guard position < bytes.count else { throw fail("a string is never closed", hint: "add the closing \"", at: start) }
            let b = bytes[position]
            if b == UInt8(ascii: "\"") { position += 1; return String(decoding: out, as: UTF8.self) }
            if b < 0x20 { throw fail("a control character inside a string", hint: "write a line break as \\n and a tab as \\t") }
            if b != UInt8(ascii: "\\") { out.append(b); position += 1; continue }
            position += 1
            guard position < bytes.count else { throw fail("a string is never closed", hint: "add the closing \"", at: start) }
            let e = bytes[position]
            position += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar), position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
                    position += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw fail("a \\u surrogate pair is broken", hint: "write the character itself, in UTF-8") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let character = Unicode.Scalar(scalar) else { throw fail("a \\u escape names no character (a lone surrogate)", hint: "write the character itself, in UTF-8") }
                out.append(contentsOf: Array(String(character).utf8))
            default:
                throw fail("an unknown escape \\\(printable(String(UnicodeScalar(e))))", hint: "JSON escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX")
            }
        }
    }
}
