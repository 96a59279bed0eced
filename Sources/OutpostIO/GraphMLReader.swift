import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import OutpostGraph

/// Reads GraphML (as NetworkX's `write_graphml` and most tools write it).
///
/// Honours `edgedefault` (and a per-edge `directed` attribute only when it agrees), node and
/// edge ids, `<key>` declarations with their `attr.name`, `attr.type` and `<default>`. An edge
/// key named `weight` becomes the edge weight (it must be numeric); a node key named `label`
/// (else `name`, else yEd's `<y:NodeLabel>`) becomes the node's display name; every other
/// `<data>` is kept as an attribute, except yEd's drawing (keys with a `yfiles.type`).
///
/// Unlike NetworkX, an edge whose end is not declared as a `<node>` is an error, not a new
/// node: a typo in an id should not silently grow the graph. Only the first `<graph>` is read;
/// nested graphs and hyperedges are reported as unsupported.
///
/// The bytes are checked before the XML parser sees them: the file must be UTF-8 (as its XML
/// declaration, if any, must say) with only the characters XML 1.0 allows. Malformed bytes
/// never reach Foundation's parser, which can trap on them (bytes that are not UTF-8 in an
/// element name end the process inside FoundationXML). A file of 8,000,000 bytes or more is
/// parsed from a stream, in chunks (given all at once, libxml2 stops at 10,000,000 bytes).
public struct GraphMLReader: DatasetFileReader {
    public static let formatName = "GraphML"

    public init() {}

    public func read(_ data: Data, file: String = "<input>") throws -> Graph {
        try document(data, file: file).graph
    }

    /// Reads the file as a dataset when it is Outpost's export of one (``DatasetGraphMLWriter``;
    /// recognised by its keys as ``DatasetFields`` says), and as a plain graph otherwise.
    ///
    /// A dataset read back is checked as one read from YAML is; its errors name the GraphML
    /// line of the node or edge. - Returns: the input and the dataset's warnings.
    public func readInput(_ data: Data, file: String = "<input>") throws -> (LoadedInput, [Diagnostic]) {
        let document = try document(data, file: file)
        func names(_ domain: String) -> Set<String> {
            Set(document.keys.values.filter { $0.domain == domain || $0.domain == "all" }.map(\.name))
        }
        return try DatasetFields.input(DatasetFields.Exported(
            graph: document.graph, graphValues: document.graphData, file: file, graphLine: document.graphLine,
            nodeLines: document.nodeLines, edgeLines: document.edgeLines),
            graphNames: names("graph"), nodeNames: names("node"), edgeNames: names("edge"))
    }

    /// The file as read: the graph, the graph's own `<data>`, the keys, and the line of every
    /// node and edge (in the graph's order).
    struct Document {
        var graph: Graph
        var graphData: [String: String]
        var graphLine: Int
        var keys: [String: GraphMLDelegate.Key]
        var nodeLines: [Int]
        var edgeLines: [Int]
    }

    func document(_ data: Data, file: String) throws -> Document {
        if let problem = Self.byteProblem(in: data, file: file) { throw DiagnosticsError([problem]) }
        let delegate = GraphMLDelegate(file: file)
        // Given as one chunk, libxml2 stops at 10,000,000 bytes; from a stream it reads any
        // size, but then reports nothing for a file cut short (the checks below still catch
        // a missing </graph>). So: small files whole, large ones as a stream.
        let parser = data.count < 8_000_000 ? XMLParser(data: data) : XMLParser(stream: InputStream(data: data))
        parser.delegate = delegate
        let ok = parser.parse()
        if let failure = delegate.failure { throw DiagnosticsError([failure]) }
        if !ok {
            // Foundation's own wording ("The operation could not be completed.
            // (NSXMLParserErrorDomain error 4.)") says nothing a person can act on.
            let reason = parser.parserError.map { Self.reason(forXMLError: ($0 as NSError).code) } ?? "malformed XML"
            throw DiagnosticsError([Diagnostic(.error, at: SourceLocation(file: file, line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1)),
                "the XML is not well-formed: \(reason)", hint: "check that every element is closed and the file is complete GraphML")])
        }
        if delegate.sawGraph && !delegate.completed {
            throw DiagnosticsError([Diagnostic(.error, at: SourceLocation(file: file, line: parser.lineNumber, column: parser.columnNumber),
                "the file ends before </graph>: it is truncated", hint: "check that the file was written completely")])
        }
        guard delegate.sawGraph, let graph = delegate.graph else {
            throw DiagnosticsError([Diagnostic(.error, at: SourceLocation(file: file, line: 1), "no <graph> element found",
                                               hint: "a GraphML file holds <graphml><graph edgedefault=\"undirected\">…</graph></graphml>")])
        }
        return Document(graph: graph, graphData: delegate.graphData, graphLine: delegate.graphLine, keys: delegate.keys,
                        nodeLines: delegate.nodeLines, edgeLines: delegate.edgeLines)
    }

    /// What is wrong with the bytes as XML text, before any parser sees them.
    /// The same checks serve every XML format (GEXF too): `format` and `skeleton` name it in messages.
    static func byteProblem(in data: Data, file: String, format: String = "GraphML",
                            skeleton: String = "<graphml><graph edgedefault=\"undirected\">…</graph></graphml>") -> Diagnostic? {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            if bytes.isEmpty {
                return Diagnostic(.error, at: SourceLocation(file: file, line: 1), "the file is empty",
                                  hint: "a \(format) file holds \(skeleton)")
            }
            if bytes.count >= 2 && ((bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE)) {
                return Diagnostic(.error, at: SourceLocation(file: file, line: 1), "the file is UTF-16 text; Outpost reads UTF-8 \(format)",
                                  hint: "convert it, e.g. `iconv -f utf-16 -t utf-8`, and say encoding=\"UTF-8\" in its XML declaration")
            }
            // The XML declaration, if any, must not name another encoding.
            let start = InputBytes.hasByteOrderMark(bytes) ? 3 : 0
            let head = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<min(bytes.count, start + 200)]), as: UTF8.self)
            if head.hasPrefix("<?xml"), let end = head.range(of: "?>") {
                let declaration = head[..<end.lowerBound]
                if let range = declaration.range(of: #"encoding\s*=\s*["']([^"']*)["']"#, options: .regularExpression) {
                    let value = declaration[range].split(whereSeparator: { $0 == "\"" || $0 == "'" }).dropFirst().first.map(String.init) ?? ""
                    if !["utf-8", "utf8", "us-ascii", "ascii"].contains(value.lowercased()) {
                        return Diagnostic(.error, at: SourceLocation(file: file, line: 1),
                                          "the XML declaration names encoding '\(printable(value))'; Outpost reads UTF-8 \(format)",
                                          hint: "convert the file to UTF-8 (e.g. `iconv -f \(printable(value)) -t utf-8`) and say encoding=\"UTF-8\"")
                    }
                }
            }
            return InputBytes.textProblem(in: bytes, file: file, xml: true) ?? markupProblem(in: bytes, from: start, file: file, format: format)
        }
    }

    /// Markup GraphML never needs and FoundationXML mishandles: a processing instruction
    /// other than the XML declaration (one without data, `<?x?>`, ends the process inside
    /// FoundationXML, which takes the length of a null pointer), and a DOCTYPE (whose
    /// declarations reach callbacks of the same kind, and whose entities can expand without
    /// bound). Comments and CDATA sections are skipped.
    static func markupProblem(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, file: String, format: String = "GraphML") -> Diagnostic? {
        // The patterns are made once: `skip` tries one at every byte of a comment or CDATA section.
        let declaration = Array("<?xml".utf8), declarationEnd = Array("?>".utf8)
        let comment = Array("<!--".utf8), commentEnd = Array("-->".utf8)
        let cdata = Array("<![CDATA[".utf8), cdataEnd = Array("]]>".utf8)
        let instruction = Array("<?".utf8), doctype = Array("<!DOCTYPE".utf8)
        func matches(_ pattern: [UInt8], at i: Int) -> Bool {
            guard i + pattern.count <= bytes.count else { return false }
            for k in pattern.indices where bytes[i + k] != pattern[k] { return false }
            return true
        }
        func skip(to end: [UInt8], from i: Int) -> Int {
            var j = i
            while j < bytes.count && !(bytes[j] == end[0] && matches(end, at: j)) { j += 1 }
            return j
        }
        func location(of i: Int) -> SourceLocation {
            var line = 1, column = 1
            for k in 0..<i where bytes[k] & 0xC0 != 0x80 {
                if bytes[k] == 0x0A { line += 1; column = 1 } else { column += 1 }
            }
            return SourceLocation(file: file, line: line, column: column)
        }
        var i = start
        if matches(declaration, at: i), i + 5 < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i + 5]) {
            // The XML declaration ends at the first `?>`, and holds no markup: a `<` before that
            // means it is never closed (and whatever follows could hide a processing instruction).
            var j = i + 5
            while j < bytes.count && !(bytes[j] == declarationEnd[0] && matches(declarationEnd, at: j)) {
                if bytes[j] == UInt8(ascii: "<") {
                    return Diagnostic(.error, at: location(of: i), "the XML declaration is not closed with ?> before the next tag",
                                      hint: "end the first line with ?>, as in <?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                }
                j += 1
            }
            i = j + 2
        }
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "<") {
                if matches(comment, at: i) { i = skip(to: commentEnd, from: i + 4) + 3; continue }
                if matches(cdata, at: i) { i = skip(to: cdataEnd, from: i + 9) + 3; continue }
                let what: String? = matches(instruction, at: i) ? "a processing instruction (<?…?>)"
                                  : matches(doctype, at: i) ? "a DOCTYPE declaration" : nil
                if let what {
                    return Diagnostic(.error, at: location(of: i),
                                      "\(what), which \(format) does not use",
                                      hint: "remove it; only the XML declaration <?xml version=\"1.0\" …?> may start the file")
                }
            }
            i += 1
        }
        return nil
    }

    /// A person's words for libxml2's error codes (`xmlParserErrors`, which FoundationXML on
    /// Linux passes on as they are; its `XMLParser.ErrorCode` names are off by one from them).
    static func reason(forXMLError code: Int, format: String = "GraphML") -> String {
        switch code {
        case 3, 4: return "the file does not start with XML (is it \(format)?)"
        case 5: return "there is text after the root element (a second root, or junk at the end)"
        case 23: return "an '&' entity is not closed with ';' (write &amp; for a literal ampersand)"
        case 26, 27: return "an '&' starts an unknown entity (write &amp; for a literal ampersand)"
        case 39, 40, 41: return "an attribute is not written name=\"value\""
        case 68: return "a '<' is not followed by a name (write &lt; for a literal '<')"
        case 73: return "a '>' is missing, or an attribute value is not quoted"
        case 76: return "an end tag does not match its start tag"
        case 77: return "an element is not closed: the file may be truncated"
        case 89: return "an entity refers to itself"
        default: return "XML error \(code)"
        }
    }
}

final class GraphMLDelegate: NSObject, XMLParserDelegate {
    struct Key {
        var name: String; var domain: String; var type: String; var defaultValue: String?
        /// yEd's `yfiles.type` (`nodegraphics`, `edgegraphics`, …): drawing, not data.
        var yfilesType: String? = nil
    }

    let file: String
    var failure: Diagnostic?
    var keys: [String: Key] = [:]
    var graph: Graph?
    var sawGraph = false
    var completed = false
    var graphDepth = 0
    var declared = Set<String>()
    var graphData: [String: String] = [:]
    var graphLine = 1
    var nodeLines: [Int] = []
    var edgeLines: [Int] = []
    var pendingEdges: [(source: String, target: String, attributes: [String: String], weight: String?, line: Int, column: Int)] = []
    // Current element state
    var currentKey: String?
    var currentKeyDefault: String?
    var inDefault = false
    var currentNode: String?
    var currentNodeAttributes: [String: String] = [:]
    var currentEdge: (source: String, target: String, attributes: [String: String], weight: String?, line: Int, column: Int)?
    var dataKey: String?
    /// Inside yEd's `<y:NodeLabel>`: its text is the node's label when it has no `label` or `name`.
    var inNodeLabel = false
    var nodeLabelText = ""
    var yEdLabel: String?
    var text = ""
    weak var parser: XMLParser?

    init(file: String) { self.file = file }

    func fail(_ parser: XMLParser, _ message: String, hint: String? = nil) {
        guard failure == nil else { return }
        failure = Diagnostic(.error, at: SourceLocation(file: file, line: parser.lineNumber, column: parser.columnNumber), message, hint: hint)
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        guard failure == nil else { return }
        switch element {
        case "key":
            guard let id = attributes["id"] else { return fail(parser, "<key> without an id") }
            currentKey = id
            currentKeyDefault = nil
            keys[id] = Key(name: attributes["attr.name"] ?? id, domain: attributes["for"] ?? "all",
                           type: attributes["attr.type"] ?? "string", defaultValue: nil, yfilesType: attributes["yfiles.type"])
        case "default":
            inDefault = true
            text = ""
        case "graph":
            if sawGraph {
                if graphDepth > 0 { return fail(parser, "nested graphs are not supported", hint: "flatten the graph before reading it") }
                return  // a second top-level graph is ignored only if the first is complete: keep the first
            }
            sawGraph = true
            graphDepth = 1
            graphLine = parser.lineNumber
            let edgeDefault = attributes["edgedefault"] ?? "directed"
            guard edgeDefault == "directed" || edgeDefault == "undirected" else {
                return fail(parser, "edgedefault '\(edgeDefault)' is neither directed nor undirected")
            }
            graph = Graph(directed: edgeDefault == "directed")
        case "node":
            guard graphDepth > 0 else { return }
            guard let id = attributes["id"] else { return fail(parser, "<node> without an id", hint: "give every node an id attribute") }
            if declared.contains(id) { return fail(parser, "node id '\(id)' is declared twice") }
            declared.insert(id)
            nodeLines.append(parser.lineNumber)
            currentNode = id
            currentNodeAttributes = [:]
        case "edge":
            guard graphDepth > 0 else { return }
            guard let source = attributes["source"], let target = attributes["target"] else {
                return fail(parser, "<edge> without source and target", hint: "give both attributes; if the file ends here, it is truncated")
            }
            if let directed = attributes["directed"], let graph, (directed == "true") != graph.isDirected {
                return fail(parser, "edge \(source) → \(target) says directed=\"\(directed)\" in a graph whose edgedefault says otherwise",
                            hint: "mixed graphs are not supported")
            }
            var edgeAttributes: [String: String] = [:]
            if let id = attributes["id"] { edgeAttributes["id"] = id }
            currentEdge = (source, target, edgeAttributes, nil, parser.lineNumber, parser.columnNumber)
        case "data":
            guard let key = attributes["key"] else { return fail(parser, "<data> without a key") }
            guard keys[key] != nil else {
                return fail(parser, "<data> refers to undeclared key '\(key)'", hint: "declare it with <key id=\"\(key)\" …/>")
            }
            dataKey = key
            text = ""
        case "hyperedge":
            fail(parser, "hyperedges are not supported")
        case "y:NodeLabel" where currentNode != nil && dataKey.flatMap { keys[$0]?.yfilesType } == "nodegraphics":
            inNodeLabel = true
            nodeLabelText = ""
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inNodeLabel { nodeLabelText += string }
        if dataKey != nil || inDefault { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        guard failure == nil else { return }
        switch element {
        case "default":
            inDefault = false
            if let currentKey { keys[currentKey]?.defaultValue = text }
        case "key":
            currentKey = nil
        case "y:NodeLabel" where inNodeLabel:
            inNodeLabel = false
            if yEdLabel == nil { yEdLabel = nodeLabelText.trimmingCharacters(in: .whitespacesAndNewlines) }
        case "data":
            guard let key = dataKey, let declaration = keys[key] else { return }
            dataKey = nil
            if declaration.yfilesType != nil { return }  // yEd's drawing: its node label is read above
            if let problem = Self.typeProblem(text, declaration) {
                return fail(parser, "<data> for '\(printable(declaration.name))' holds '\(printable(text, limit: 40))', which is not \(problem)",
                            hint: "write a value of the key's attr.type (\(declaration.type)), or declare the key as a string")
            }
            if currentNode != nil {
                currentNodeAttributes[declaration.name] = text
            } else if currentEdge != nil {
                if declaration.name == "weight" { currentEdge!.weight = text } else { currentEdge!.attributes[declaration.name] = text }
            } else if graphDepth > 0 {
                graphData[declaration.name] = text  // <data> on the graph itself (a dataset export's sources)
            }
        case "node":
            guard let id = currentNode else { return }
            var attributes = currentNodeAttributes
            // The display name: `label` (igraph writes it after `name`), else `name`, else yEd's label.
            let label = attributes["label"] ?? attributes["name"] ?? yEdLabel
            yEdLabel = nil
            for (_, key) in keys where (key.domain == "node" || key.domain == "all") && attributes[key.name] == nil {
                if let value = key.defaultValue { attributes[key.name] = value }
            }
            graph?.addNode(id, label: label, attributes: attributes)
            currentNode = nil
        case "edge":
            if let edge = currentEdge { pendingEdges.append(edge) }
            currentEdge = nil
        case "graph":
            graphDepth -= 1
            if graphDepth == 0 { finishGraph(parser) }
        default:
            break
        }
    }

    /// What a value of `key`'s type `text` is not ("an integer"…), or nil when it is one, as
    /// NetworkX's `read_graphml` converts them (`int`/`long`, `float`/`double`, `boolean` as
    /// `true`/`false`/`1`/`0`, any case).
    static func typeProblem(_ text: String, _ key: Key) -> String? {
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch key.type {
        case "int", "long": return Int(value) == nil ? "an integer (attr.type \(key.type))" : nil
        case "float", "double": return Double(value) == nil ? "a number (attr.type \(key.type))" : nil
        case "boolean": return ["true", "false", "1", "0"].contains(value.lowercased()) ? nil : "true or false (attr.type boolean)"
        default: return nil
        }
    }

    func finishGraph(_ parser: XMLParser) {
        guard var graph else { return }
        let weightKey = keys.values.first { $0.name == "weight" && ($0.domain == "edge" || $0.domain == "all") }
        for edge in pendingEdges {
            for end in [edge.source, edge.target] where graph.index(of: end) == nil {
                failure = Diagnostic(.error, at: SourceLocation(file: file, line: edge.line, column: edge.column),
                                     "edge \(edge.source) → \(edge.target) refers to node '\(end)', which is not declared",
                                     hint: "add <node id=\"\(end)\"/> or correct the id")
                parser.abortParsing()
                return
            }
            var weight = 1.0
            if let text = edge.weight ?? weightKey?.defaultValue {
                guard let value = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)), value.isFinite else {
                    failure = Diagnostic(.error, at: SourceLocation(file: file, line: edge.line, column: edge.column),
                                         "edge \(edge.source) → \(edge.target) has weight '\(printable(text))', which is not a \(Double(text.trimmingCharacters(in: .whitespacesAndNewlines)) == nil ? "" : "finite ")number",
                                         hint: "write a decimal number such as 1 or 0.5, or leave the <data> out for the key's default")
                    parser.abortParsing()
                    return
                }
                weight = value
            }
            var attributes = edge.attributes
            for (_, key) in keys where (key.domain == "edge" || key.domain == "all") && key.name != "weight" && attributes[key.name] == nil {
                if let value = key.defaultValue { attributes[key.name] = value }
            }
            edgeLines.append(edge.line)
            graph.addEdge(graph.index(of: edge.source)!, graph.index(of: edge.target)!, weight: weight,
                          attributes: attributes.isEmpty ? nil : attributes)
        }
        self.graph = graph
        pendingEdges = []
        completed = true
    }
}
