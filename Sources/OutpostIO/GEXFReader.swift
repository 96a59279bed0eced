import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import OutpostGraph

/// Reads GEXF (1.2draft and 1.3, as NetworkX and Gephi write it; 1.1 is read the same way, untested).
///
/// Honours `defaultedgetype` (an edge of `type="mutual"` in a directed graph is two edges),
/// node and edge ids, node `label`s, edge `weight`s, and `<attributes>` declarations with their
/// `title`, `type` and `<default>`: each `<attvalue>` becomes an attribute named by its
/// attribute's title, its value checked against the type (a bad `integer` is an error with its
/// line). An edge's `label` and `kind` are kept as attributes, and `start`/`end` on a node or
/// edge element too, as NetworkX keeps them; `<spells>`, `viz` and dynamic attribute values
/// beyond the first are not read.
///
/// Like ``GraphMLReader``: an edge whose end is not a declared `<node>` is an error, the bytes
/// are checked before the XML parser sees them, and ``readInput(at:)`` reads Outpost's own
/// export (``GEXFWriter``) back as the dataset it holds, recognised as ``DatasetFields`` says
/// (the dataset's own fields come from `<outpost:field>` elements in `<meta>`).
/// Nested nodes (hierarchical graphs) are reported as unsupported.
public struct GEXFReader: DatasetFileReader {
    public static let formatName = "GEXF"

    public init() {}

    public func read(_ data: Data, file: String = "<input>") throws -> Graph {
        try document(data, file: file).graph
    }

    /// Reads the file as a dataset when it is Outpost's export of one, and as a plain graph
    /// otherwise. - Returns: the input and the dataset's warnings.
    public func readInput(_ data: Data, file: String = "<input>") throws -> (LoadedInput, [Diagnostic]) {
        let document = try document(data, file: file)
        func titles(_ domain: String) -> Set<String> { Set(document.attributes.values.filter { $0.domain == domain }.map(\.title)) }
        return try DatasetFields.input(DatasetFields.Exported(
            graph: document.graph, graphValues: document.fields, file: file, graphLine: document.graphLine,
            nodeLines: document.nodeLines, edgeLines: document.edgeLines),
            graphNames: Set(document.fields.keys), nodeNames: titles("node"), edgeNames: titles("edge"))
    }

    struct Document {
        var graph: Graph
        var fields: [String: String]
        var attributes: [String: GEXFDelegate.Attribute]
        var graphLine: Int
        var nodeLines: [Int]
        var edgeLines: [Int]
    }

    func document(_ data: Data, file: String) throws -> Document {
        let skeleton = "<gexf version=\"1.3\"><graph><nodes>…</nodes><edges>…</edges></graph></gexf>"
        if let problem = GraphMLReader.byteProblem(in: data, file: file, format: "GEXF", skeleton: skeleton) {
            throw DiagnosticsError([problem])
        }
        let delegate = GEXFDelegate(file: file)
        // As for GraphML: libxml2 stops at 10,000,000 bytes given at once, not from a stream.
        let parser = data.count < 8_000_000 ? XMLParser(data: data) : XMLParser(stream: InputStream(data: data))
        parser.delegate = delegate
        let ok = parser.parse()
        if let failure = delegate.failure { throw DiagnosticsError([failure]) }
        if !ok {
            let reason = parser.parserError.map { GraphMLReader.reason(forXMLError: ($0 as NSError).code, format: "GEXF") } ?? "malformed XML"
            throw DiagnosticsError([Diagnostic(.error, at: SourceLocation(file: file, line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1)),
                "the XML is not well-formed: \(reason)", hint: "check that every element is closed and the file is complete GEXF")])
        }
        guard let graph = delegate.graph else {
            throw DiagnosticsError([Diagnostic(.error, at: SourceLocation(file: file, line: 1), "no <graph> element found",
                                               hint: "a GEXF file holds \(skeleton)")])
        }
        if !delegate.completed {
            throw DiagnosticsError([Diagnostic(.error, at: SourceLocation(file: file, line: parser.lineNumber, column: parser.columnNumber),
                "the file ends before </graph>: it is truncated", hint: "check that the file was written completely")])
        }
        return Document(graph: graph, fields: delegate.fields, attributes: delegate.attributes, graphLine: delegate.graphLine,
                        nodeLines: delegate.nodeLines, edgeLines: delegate.edgeLines)
    }
}

final class GEXFDelegate: NSObject, XMLParserDelegate {
    struct Attribute { var domain: String; var title: String; var type: String; var defaultValue: String? }

    let file: String
    var failure: Diagnostic?
    /// Attributes by class and id (`node:0`).
    var attributes: [String: Attribute] = [:]
    var fields: [String: String] = [:]
    var graph: Graph?
    var completed = false
    var graphLine = 1
    var nodeLines: [Int] = []
    var edgeLines: [Int] = []
    var attributeClass = "node"
    var currentAttribute: String?
    var inMeta = false
    var fieldName: String?
    var inDefault = false
    var text = ""
    var currentNode: (id: String, label: String?, attributes: [String: String])?
    var currentEdge: (source: Int, target: Int, mutual: Bool, weight: Double, attributes: [String: String])?
    var nodeDepth = 0

    init(file: String) { self.file = file }

    func fail(_ parser: XMLParser, _ message: String, hint: String? = nil) {
        guard failure == nil else { return }
        failure = Diagnostic(.error, at: SourceLocation(file: file, line: parser.lineNumber, column: parser.columnNumber), message, hint: hint)
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement qualified: String, namespaceURI: String?,
                qualifiedName: String?, attributes xml: [String: String] = [:]) {
        guard failure == nil else { return }
        let element = qualified.split(separator: ":").last.map(String.init) ?? qualified
        switch element {
        case "meta":
            inMeta = true
        case "field" where inMeta:
            fieldName = xml["name"]
            text = ""
        case "graph":
            guard graph == nil else { return fail(parser, "a second <graph> element", hint: "a GEXF file holds one graph") }
            let type = xml["defaultedgetype"] ?? "undirected"
            guard type == "directed" || type == "undirected" else {
                return fail(parser, "defaultedgetype '\(printable(type))' is neither directed nor undirected",
                            hint: "mutual edges are read within a directed graph; give the graph one default")
            }
            graph = Graph(directed: type == "directed")
            graphLine = parser.lineNumber
        case "attributes":
            attributeClass = xml["class"] ?? "node"
            guard attributeClass == "node" || attributeClass == "edge" else {
                return fail(parser, "<attributes class=\"\(printable(attributeClass))\">: only node and edge attributes exist")
            }
        case "attribute":
            guard let id = xml["id"] else { return fail(parser, "<attribute> without an id", hint: "give it id=\"0\" and a title") }
            currentAttribute = attributeClass + ":" + id
            attributes[attributeClass + ":" + id] = Attribute(domain: attributeClass, title: xml["title"] ?? id,
                                                              type: xml["type"] ?? "string", defaultValue: nil)
        case "default":
            inDefault = true
            text = ""
        case "node":
            guard graph != nil else { return }
            nodeDepth += 1
            guard nodeDepth == 1 else { return fail(parser, "nested nodes (a hierarchical graph) are not supported", hint: "flatten the graph before reading it") }
            guard let id = xml["id"] else { return fail(parser, "<node> without an id", hint: "give every node an id attribute") }
            if graph!.index(of: id) != nil { return fail(parser, "node id '\(printable(id))' is declared twice") }
            var own: [String: String] = [:]
            own["start"] = xml["start"]
            own["end"] = xml["end"]
            currentNode = (id, xml["label"], own)
            nodeLines.append(parser.lineNumber)
        case "edge":
            guard let graph else { return }
            guard let source = xml["source"], let target = xml["target"] else {
                return fail(parser, "<edge> without source and target", hint: "give both attributes; if the file ends here, it is truncated")
            }
            for end in [source, target] where graph.index(of: end) == nil {
                return fail(parser, "edge \(printable(source)) → \(printable(target)) refers to node '\(printable(end))', which is not declared",
                            hint: "add <node id=\"\(printable(end))\"/> to <nodes> or correct the id")
            }
            let type = xml["type"]
            let mutual = type == "mutual" && graph.isDirected
            if let type, !mutual, (type == "directed") != graph.isDirected {
                return fail(parser, "edge \(printable(source)) → \(printable(target)) has type=\"\(printable(type))\" in a graph whose defaultedgetype says otherwise",
                            hint: "mixed graphs are not supported")
            }
            var weight = 1.0
            if let text = xml["weight"] {
                guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
                    return fail(parser, "edge \(printable(source)) → \(printable(target)) has weight '\(printable(text))', which is not a finite number",
                                hint: "write a decimal number such as 1 or 0.5, or leave the weight out")
                }
                weight = value
            }
            var own: [String: String] = [:]
            for name in ["id", "label", "kind", "start", "end"] { own[name] = xml[name] }
            currentEdge = (graph.index(of: source)!, graph.index(of: target)!, mutual, weight, own)
            edgeLines.append(parser.lineNumber)
        case "attvalue":
            let domain = currentNode != nil ? "node" : currentEdge != nil ? "edge" : nil
            guard let domain else { return }
            guard let id = xml["for"] ?? xml["id"] else { return fail(parser, "<attvalue> without for=", hint: "name the attribute's id") }
            guard let attribute = attributes[domain + ":" + id] else {
                return fail(parser, "<attvalue for=\"\(printable(id))\"> names no \(domain) attribute",
                            hint: "declare it in <attributes class=\"\(domain)\"> with <attribute id=\"\(printable(id))\" …/>")
            }
            let value = xml["value"] ?? ""
            if let problem = Self.typeProblem(value, attribute.type) {
                return fail(parser, "<attvalue> for '\(printable(attribute.title))' holds '\(printable(value, limit: 40))', which is not \(problem)",
                            hint: "write a value of the attribute's type (\(attribute.type)), or declare it as a string")
            }
            if domain == "node" {
                if currentNode!.attributes[attribute.title] == nil { currentNode!.attributes[attribute.title] = value }
            } else if currentEdge!.attributes[attribute.title] == nil {
                currentEdge!.attributes[attribute.title] = value
            }
        default:
            if inMeta { text = "" }
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inDefault || fieldName != nil || inMeta { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement qualified: String, namespaceURI: String?, qualifiedName: String?) {
        guard failure == nil else { return }
        let element = qualified.split(separator: ":").last.map(String.init) ?? qualified
        switch element {
        case "meta":
            inMeta = false
        case "field" where fieldName != nil:
            fields[fieldName!] = text
            fieldName = nil
        case "title" where inMeta, "description" where inMeta:
            // GEXF's own title and description; an Outpost field of the same name wins.
            if fields[element] == nil { fields[element] = text }
        case "default":
            inDefault = false
            if let currentAttribute { attributes[currentAttribute]?.defaultValue = text }
        case "attribute":
            currentAttribute = nil
        case "node":
            nodeDepth -= 1
            guard let node = currentNode, graph != nil else { return }
            var values = node.attributes
            for attribute in attributes.values where attribute.domain == "node" && values[attribute.title] == nil {
                values[attribute.title] = attribute.defaultValue
            }
            graph!.addNode(node.id, label: node.label, attributes: values)  // in place: no copy of the graph per node
            currentNode = nil
        case "edge":
            guard let edge = currentEdge, graph != nil else { return }
            var values = edge.attributes
            for attribute in attributes.values where attribute.domain == "edge" && values[attribute.title] == nil {
                values[attribute.title] = attribute.defaultValue
            }
            graph!.addEdge(edge.source, edge.target, weight: edge.weight, attributes: values.isEmpty ? nil : values)
            if edge.mutual {
                graph!.addEdge(edge.target, edge.source, weight: edge.weight, attributes: values.isEmpty ? nil : values)
                edgeLines.append(edgeLines.last!)
            }
            currentEdge = nil
        case "graph":
            completed = true
        default:
            break
        }
    }

    /// What a value of GEXF type `type` is not, or nil when it is one.
    static func typeProblem(_ text: String, _ type: String) -> String? {
        let value = text.trimmingCharacters(in: .whitespaces)
        switch type {
        case "integer", "long": return Int(value) == nil ? "an integer (type \(type))" : nil
        case "float", "double": return Double(value) == nil ? "a number (type \(type))" : nil
        case "boolean": return ["true", "false", "1", "0"].contains(value.lowercased()) ? nil : "true or false (type boolean)"
        default: return nil
        }
    }
}
