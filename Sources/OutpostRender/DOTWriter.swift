/// Writes a ``StyledGraph`` as DOT text, in pure Swift.
///
/// The output is deterministic: the same styled graph gives byte-identical text (attributes
/// in the order given, numbers with at most four decimals, `\n` line ends, no dates or
/// versions). Every id and every value is written as a double-quoted string, so no name —
/// `a" -> b`, `}`, `node`, `<script>`, a backslash, a newline — can end a statement, start a
/// new one or set an attribute; ids and text are escaped as described on ``quotedID(_:)`` and
/// ``quotedText(_:)``, which follow Graphviz 2.42's DOT scanner and its label escapes.
public struct DOTWriter: Sendable {
    /// Spaces per nesting level.
    public var indent: Int

    public init(indent: Int = 2) {
        self.indent = indent
    }

    /// The DOT text of `graph`, ending with a newline.
    public func write(_ graph: StyledGraph) -> String {
        let pad = String(repeating: " ", count: indent)
        let arrow = graph.isDirected ? " -> " : " -- "
        var lines: [String] = []
        lines.append((graph.isDirected ? "digraph " : "graph ") + DOTWriter.quotedID(graph.name) + " {")
        if !graph.graphAttributes.isEmpty { lines.append(pad + "graph " + DOTWriter.attributeList(graph.graphAttributes) + ";") }
        if !graph.nodeDefaults.isEmpty { lines.append(pad + "node " + DOTWriter.attributeList(graph.nodeDefaults) + ";") }
        if !graph.edgeDefaults.isEmpty { lines.append(pad + "edge " + DOTWriter.attributeList(graph.edgeDefaults) + ";") }
        for cluster in graph.clusters + (graph.legend.map { [$0.cluster] } ?? []) {
            let name = cluster.id.hasPrefix("cluster") ? cluster.id : "cluster_" + cluster.id
            lines.append(pad + "subgraph " + DOTWriter.quotedID(name) + " {")
            if !cluster.attributes.isEmpty {
                lines.append(pad + pad + "graph " + DOTWriter.attributeList(cluster.attributes) + ";")
            }
            for node in cluster.nodes { lines.append(pad + pad + DOTWriter.statement(node)) }
            lines.append(pad + "}")
        }
        for node in graph.nodes { lines.append(pad + DOTWriter.statement(node)) }
        for edge in (graph.legend?.edges ?? []) + graph.edges {
            var line = pad + DOTWriter.quotedID(edge.from) + arrow + DOTWriter.quotedID(edge.to)
            if !edge.attributes.isEmpty { line += " " + DOTWriter.attributeList(edge.attributes) }
            lines.append(line + ";")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func statement(_ node: StyledNode) -> String {
        quotedID(node.id) + (node.attributes.isEmpty ? "" : " " + attributeList(node.attributes)) + ";"
    }

    static func attributeList(_ attributes: [DOTAttribute]) -> String {
        "[" + attributes.map { quotedID($0.name) + "=" + value($0.value) }.joined(separator: ", ") + "]"
    }

    static func value(_ value: DOTAttribute.Value) -> String {
        switch value {
        case let .text(text): return quotedText(text)
        case let .plain(text): return quotedID(text)
        case let .html(markup): return "<" + markup + ">"
        }
    }

    /// An id (or a plain attribute value) as a double-quoted DOT string.
    ///
    /// Graphviz's scanner keeps a quoted string's characters as they are, except that `\"`
    /// becomes `"` and a backslash before a line end joins the lines; `\\` stays two
    /// characters. So `"` is written `\"`, each backslash is doubled (a backslash can then
    /// never escape the closing quote or a line end), and a control character — which XML
    /// output could not carry — is written as the visible text `\u{XX}` with a single
    /// backslash. The mapping is one-to-one: two different ids never become the same node.
    public static func quotedID(_ id: String) -> String {
        var out = "\""
        for scalar in id.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if isControl(scalar) {
                    out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Text to display (a label, a tooltip) as a double-quoted DOT string.
    ///
    /// Besides the scanner's rules (see ``quotedID(_:)``), Graphviz interprets label text: `\\`
    /// is a backslash, `\n`, `\l`, `\r` end lines, `\N`, `\G`, `\E`, `\T`, `\H`, `\L` are
    /// replaced by names, and `&name;` entities are decoded. So a backslash is written `\\`, a
    /// quote `\"`, a line end (LF, CR or CRLF) `\n` (a centred line break), `&` `&amp;`, a
    /// tab a space, and other control characters are dropped. `<`, `>`, braces, Chinese and
    /// emoji need nothing: a quoted label is never HTML.
    public static func quotedText(_ text: String) -> String {
        var out = "\""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "&": out += "&amp;"
            case "\r": out += "\\n"
            case "\n": if !previousWasCR { out += "\\n" }
            case "\t": out += " "
            default:
                if !isControl(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// Text for an HTML-like label: `&`, `<`, `>`, `"` and `'` as entities, control
    /// characters dropped, line ends as `<br/>`.
    public static func htmlEscaped(_ text: String) -> String {
        var out = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\r": out += "<br/>"
            case "\n": if !previousWasCR { out += "<br/>" }
            case "\t": out += " "
            default:
                if !isControl(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// C0 and C1 control characters and DEL, which XML 1.0 output cannot carry (or should not).
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// A number with at most four decimals and no trailing zeros (`1`, `0.75`, `1.3333`).
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let scaled = (value * 10_000).rounded()
        let negative = scaled < 0
        let magnitude = Int(abs(scaled))
        let whole = magnitude / 10_000
        var fraction = String(magnitude % 10_000)
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let text = fraction.isEmpty ? String(whole) : "\(whole).\(fraction)"
        return negative && magnitude != 0 ? "-" + text : text
    }
}
