import Foundation
import OutpostGraph

/// Reads Pajek `.net` (as Pajek, NetworkX's `write_pajek` and igraph's `write_pajek` write it).
///
/// Nodes are named as NetworkX's `read_pajek` names them: by their label (the second token of a
/// `*vertices` line); a node listed without a label, or not listed, is named by its number.
/// `*arcs` and `*arcslist` make a directed graph, `*edges` and `*edgeslist` an undirected one (a
/// file with both is refused: mixed graphs are not supported). The third token of an arc or edge
/// line is its weight (it must be a number); the words after it, and after a vertex's
/// coordinates and shape, are kept as `name value` attributes, as NetworkX keeps them.
/// `*network NAME` is skipped; `*matrix` and multi-relational `*arcs :2` sections are refused.
/// Errors name the line and column.
public struct PajekReader: GraphFileReader {
    public static let formatName = "Pajek"

    public init() {}

    public func read(_ data: Data, file: String = "<input>") throws -> Graph {
        try InputBytes.withText(data, file: file) { try parse($0, file: file) }
    }

    /// The tokens of the line `bytes[range]` with their columns (in characters, from 1): words,
    /// and strings in double quotes; nil when a quote is never closed. Spaces, tabs and carriage
    /// returns separate them.
    static func tokens(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [(text: String, column: Int, quoted: Bool)]? {
        var out: [(text: String, column: Int, quoted: Bool)] = []
        func isSeparator(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }
        var i = range.lowerBound, characters = 1, counted = range.lowerBound
        func column(at k: Int) -> Int {
            while counted < k { if bytes[counted] & 0xC0 != 0x80 { characters += 1 }; counted += 1 }
            return characters
        }
        while i < range.upperBound {
            if isSeparator(bytes[i]) { i += 1; continue }
            let start = column(at: i)
            if bytes[i] == UInt8(ascii: "\"") {
                var j = i + 1
                while j < range.upperBound && bytes[j] != UInt8(ascii: "\"") { j += 1 }
                guard j < range.upperBound else { return nil }
                out.append((String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 1)..<j]), as: UTF8.self), start, true))
                i = j + 1
            } else {
                var j = i
                while j < range.upperBound && !isSeparator(bytes[j]) { j += 1 }
                out.append((String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<j]), as: UTF8.self), start, false))
                i = j
            }
        }
        return out
    }

    private func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws -> Graph {
        func fail(_ line: Int, _ column: Int, _ message: String, _ hint: String) -> DiagnosticsError {
            DiagnosticsError([Diagnostic(.error, at: SourceLocation(file: file, line: line, column: column), message, hint: hint)])
        }
        enum Section { case none, vertices, arcs, edges, arcsList, edgesList }
        var section = Section.none
        var directed: Bool?
        var names: [String: String] = [:]  // vertex number → node id
        var listed = Set<String>()
        var labelOwner: [String: String] = [:]
        var declared = 0
        var nodeAttributes: [String: [String: String]] = [:]
        var edges: [(u: String, v: String, weight: Double, attributes: [String: String])] = []
        // Lines end at each LF byte (as Characters, CR LF would be one, and never split at LF).
        var lineStart = InputBytes.hasByteOrderMark(bytes) ? 3 : 0, number = 0
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let range = lineStart..<lineEnd
            lineStart = lineEnd + 1
            number += 1
            var first = range.lowerBound
            while first < range.upperBound && [0x20, 0x09, 0x0D].contains(bytes[first]) { first += 1 }
            if first == range.upperBound || bytes[first] == UInt8(ascii: "%") { continue }
            if bytes[first] == UInt8(ascii: "*") {
                let trimmed = String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<range.upperBound]), as: UTF8.self)
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                let words = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" })
                let head = words[0].lowercased()
                if words.count > 1 && words[1].hasPrefix(":") && head != "*vertices" {
                    throw fail(number, 1, "multi-relational sections (\(printable(String(words[0]))) \(printable(String(words[1])))) are not supported", "write one *arcs or *edges section")
                }
                var nextDirected: Bool?
                switch head {
                case "*network": section = .none; continue
                case "*vertices":
                    section = .vertices
                    if words.count > 1, let count = Int(words[1]), count > 0 {
                        // Vertices need no line of their own; a count far beyond the file is a mistake, not a graph.
                        guard count <= max(bytes.count, 1000) else {
                            throw fail(number, 1, "*vertices \(count) declares far more vertices than the file could list", "check the count")
                        }
                        declared = count
                    }
                    continue
                case "*arcs": section = .arcs; nextDirected = true
                case "*edges": section = .edges; nextDirected = false
                case "*arcslist": section = .arcsList; nextDirected = true
                case "*edgeslist": section = .edgesList; nextDirected = false
                case "*matrix": throw fail(number, 1, "*matrix sections are not supported", "write the graph as *arcs or *edges lines")
                default: throw fail(number, 1, "unknown section \(printable(String(words[0])))", "Pajek sections are *vertices, *arcs, *edges, *arcslist and *edgeslist")
                }
                if let directed, let nextDirected, directed != nextDirected {
                    throw fail(number, 1, "a file with both arcs and edges (a mixed graph) is not supported", "write every tie as an arc, or every tie as an edge")
                }
                directed = nextDirected
                continue
            }
            guard let tokens = Self.tokens(bytes, range) else {
                throw fail(number, 1, "a quoted label is never closed", "add the closing double quote")
            }
            if tokens.isEmpty { continue }  // only carriage returns or other separators (found by fuzzing)
            switch section {
            case .none:
                throw fail(number, 1, "a line before any section", "start the file with *vertices N")
            case .vertices:
                let vertex = tokens[0].text
                guard Int(vertex) != nil else { throw fail(number, tokens[0].column, "vertex number '\(printable(vertex))' is not a number", "start the line with the vertex number, from 1") }
                let label = tokens.count > 1 ? tokens[1].text : vertex
                guard listed.insert(vertex).inserted else { throw fail(number, 1, "vertex \(vertex) is listed twice", "list each vertex once") }
                if let other = labelOwner[label] {
                    throw fail(number, tokens.count > 1 ? tokens[1].column : 1, "label '\(printable(label))' is also vertex \(other)'s",
                               "labels name the nodes (as NetworkX's read_pajek takes them): give each vertex its own label")
                }
                labelOwner[label] = vertex
                names[vertex] = label
                var attributes: [String: String] = [:]
                var rest = Array(tokens.dropFirst(2))
                // x y [z] coordinates and a shape, as NetworkX reads them (x y shape).
                if rest.count >= 2, let x = Double(rest[0].text), let y = Double(rest[1].text) {
                    attributes["x"] = "\(x)"; attributes["y"] = "\(y)"
                    rest.removeFirst(2)
                    if let first = rest.first, Double(first.text) != nil { rest.removeFirst() }
                    if rest.count % 2 == 1 { attributes["shape"] = rest.removeFirst().text }
                }
                for k in stride(from: 0, to: rest.count - 1, by: 2) { attributes[rest[k].text] = rest[k + 1].text }
                nodeAttributes[label] = attributes
            case .arcs, .edges:
                guard tokens.count >= 2 else { throw fail(number, 1, "an arc or edge line needs two vertex numbers", "write `1 2` or `1 2 0.5`") }
                var weight = 1.0
                if tokens.count >= 3 {
                    guard let w = Double(tokens[2].text), w.isFinite else {
                        throw fail(number, tokens[2].column, "weight '\(printable(tokens[2].text))' is not a finite number", "write a number such as 1 or 0.5")
                    }
                    weight = w
                }
                var attributes: [String: String] = [:]
                let rest = tokens.dropFirst(3).map(\.text)
                for k in stride(from: 0, to: rest.count - 1, by: 2) { attributes[rest[k]] = rest[k + 1] }
                edges.append((tokens[0].text, tokens[1].text, weight, attributes))
            case .arcsList, .edgesList:
                for target in tokens.dropFirst() { edges.append((tokens[0].text, target.text, 1, [:])) }
            }
        }
        var graph = Graph(directed: directed ?? false)
        let numbered = Set(names.keys.compactMap(Int.init)).union(declared > 0 ? Set(1...declared) : []).sorted()
        for i in numbered {
            let id = names["\(i)"] ?? "\(i)"
            names["\(i)"] = id
            graph.addNode(id, attributes: nodeAttributes[id] ?? [:])
        }
        for edge in edges {
            // An end is a vertex number; NetworkX also takes a label, or a number no line listed.
            let u = graph.addNode(names[edge.u] ?? edge.u), v = graph.addNode(names[edge.v] ?? edge.v)
            graph.addEdge(u, v, weight: edge.weight, attributes: edge.attributes.isEmpty ? nil : edge.attributes)
        }
        if graph.nodeCount == 0 {
            throw fail(1, 1, "the file holds no vertices", "a Pajek file starts with *vertices N, one line per vertex, then *arcs or *edges")
        }
        return graph
    }
}
