import Foundation
import OutpostGraph

/// Reads a CSV edge list: a header row naming `source` and `target` columns, an optional
/// `weight` column, and any other columns, kept as edge attributes.
///
/// Follows RFC 4180 quoting (fields in double quotes may hold commas and doubled quotes).
/// Fields are separated by ``delimiter``; without one, the header line says: commas if it has
/// any outside quotes, else tabs, else semicolons (as spreadsheets in many locales save CSV),
/// else commas.
/// Node ids are the field text; nodes are numbered in order of first appearance, as NetworkX's
/// `read_edgelist`/`from_pandas_edgelist` add them. A repeated pair keeps the last weight,
/// as NetworkX's `Graph.add_edge` does (`GraphIndex.mergedEdgeCount` counts them; the commands warn).
///
/// Errors name the file, line and column and stop the read: no partial graph is returned.
/// The bytes are checked first: a file that is not UTF-8 text, or holds a NUL byte (a binary
/// file), is refused with the line and column of the first bad byte, and no message echoes
/// more than a short, escaped excerpt of the input.
public struct EdgeListReader {
    public var directed: Bool
    /// The field separator (an ASCII character other than a quote or a line end; reading with
    /// another throws ``InputError/badDelimiter(_:)``); nil: sniffed from the header line.
    public var delimiter: Character?

    public init(directed: Bool = false, delimiter: Character? = nil) {
        self.directed = directed
        self.delimiter = delimiter
    }

    /// The delimiter as a byte, or nil to sniff. - Throws: ``InputError/badDelimiter(_:)``.
    func separatorByte() throws -> UInt8? {
        guard let delimiter else { return nil }
        guard let ascii = delimiter.asciiValue, ascii >= 0x20 || ascii == 0x09, delimiter != "\"" else {
            throw InputError.badDelimiter(String(delimiter))
        }
        return ascii
    }

    /// Comma, tab or semicolon, whichever the first non-blank line has outside quotes (in that
    /// order); a comma when it has none.
    static func sniff(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var counts: [UInt8: Int] = [:]
        var quoted = false, seen = false
        for b in bytes {
            if b == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted && (b == UInt8(ascii: "\n")) { if seen { break } else { continue } }
            if b != UInt8(ascii: "\r") && b != UInt8(ascii: " ") { seen = true }
            if !quoted && [UInt8(ascii: ","), UInt8(ascii: "\t"), UInt8(ascii: ";")].contains(b) { counts[b, default: 0] += 1 }
        }
        return [UInt8(ascii: ","), UInt8(ascii: "\t"), UInt8(ascii: ";")].first { counts[$0] != nil } ?? UInt8(ascii: ",")
    }

    public func read(at path: String) throws -> Graph {
        try read(InputBytes.read(path, expecting: "CSV"), file: path)
    }

    public func read(_ data: Data, file: String = "<input>") throws -> Graph {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) throws -> Graph in
            try parse(raw.bindMemory(to: UInt8.self), file: file)
        }
    }

    private func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws -> Graph {
        if let problem = InputBytes.textProblem(in: bytes, file: file) { throw DiagnosticsError([problem]) }
        let separator = try separatorByte() ?? Self.sniff(bytes)
        var scanner = CSVScanner(bytes: bytes, separator: separator)
        let name = separator == UInt8(ascii: "\t") ? "tab" : separator == UInt8(ascii: ",") ? "comma" : "'\(Character(UnicodeScalar(separator)))'"
        func fail(_ line: Int, _ column: Int, _ message: String, hint: String? = nil) -> DiagnosticsError {
            DiagnosticsError([Diagnostic(.error, at: SourceLocation(file: file, line: line, column: column), message, hint: hint)])
        }
        // Header
        var header: [String] = []
        var headerLine = 0
        while header.isEmpty {
            guard let row = try scanner.nextRow(file: file) else {
                throw fail(1, 1, "the file is empty", hint: "an edge list starts with a header line `source,target` (and optionally `,weight`)")
            }
            if row.fields.count == 1 && row.fields[0].text.isEmpty { continue }
            header = row.fields.map { $0.text.trimmingCharacters(in: .whitespaces).lowercased() }
            headerLine = row.line
        }
        guard let sourceColumn = header.firstIndex(of: "source"), let targetColumn = header.firstIndex(of: "target") else {
            let found = printable(header.joined(separator: ","))
            if header.count == 1, let other = [",", ";", "\t", "|"].first(where: { header[0].contains($0) }),
               header[0].contains("source") && header[0].contains("target") {
                let otherName = other == "\t" ? "tabs" : "'\(other)'"
                throw fail(headerLine, 1, "the fields are separated by \(otherName), not by the \(name) delimiter (header: \(found))",
                           hint: "read it with \(other == "\t" ? "tab" : "'\(other)'") as the delimiter, or replace the separators with \(name == "comma" ? "commas" : name)")
            }
            throw fail(headerLine, 1, "the first line must be a header naming the columns `source` and `target`; found \(found)",
                       hint: "add a header line such as `source,target,weight`")
        }
        let weightColumn = header.firstIndex(of: "weight")
        let extraColumns = header.indices.filter { $0 != sourceColumn && $0 != targetColumn && $0 != weightColumn }
        var graph = Graph(directed: directed)
        graph.reserveEdges(bytes.count / 12)
        while let row = try scanner.nextRow(file: file) {
            if row.fields.count == 1 && row.fields[0].text.isEmpty { continue }  // blank line
            guard row.fields.count == header.count else {
                throw fail(row.line, 1, "expected \(header.count) fields (\(printable(header.joined(separator: String(UnicodeScalar(separator)))))) but found \(row.fields.count)",
                           hint: separator == UInt8(ascii: ",") ? "check for a missing or extra comma; quote fields that contain commas"
                                                                : "check for a missing or extra \(name) separator; quote fields that contain one")
            }
            let source = row.fields[sourceColumn], target = row.fields[targetColumn]
            if source.text.isEmpty { throw fail(row.line, source.column, "empty source node id") }
            if target.text.isEmpty { throw fail(row.line, target.column, "empty target node id") }
            var weight = 1.0
            if let weightColumn {
                let field = row.fields[weightColumn]
                let text = field.text.trimmingCharacters(in: .whitespaces)
                if !text.isEmpty {
                    guard let value = Double(text), value.isFinite else {
                        throw fail(row.line, field.column, "weight '\(printable(field.text))' is not a \(Double(text) == nil ? "" : "finite ")number",
                                   hint: "write a decimal number such as 1 or 0.5, or leave it empty for 1")
                    }
                    weight = value
                }
            }
            let u = graph.addNode(source.text), v = graph.addNode(target.text)
            if extraColumns.isEmpty {
                graph.addEdge(u, v, weight: weight)
            } else {
                var attributes: [String: String] = [:]
                for c in extraColumns { attributes[header[c]] = row.fields[c].text }
                graph.addEdge(u, v, weight: weight, attributes: attributes)
            }
        }
        if graph.edgeCount == 0 {
            throw fail(headerLine, 1, "the edge list has a header but no edges",
                       hint: "add one line `source,target` per edge below the header")
        }
        return graph
    }
}

/// A minimal RFC 4180 scanner over bytes, tracking line and column.
struct CSVScanner {
    struct Field { var text: String; var column: Int }
    struct Row { var fields: [Field]; var line: Int }

    let bytes: UnsafeBufferPointer<UInt8>
    let separator: UInt8
    var position = 0
    var line = 1

    init(bytes: UnsafeBufferPointer<UInt8>, separator: UInt8 = UInt8(ascii: ",")) {
        self.bytes = bytes
        self.separator = separator
        // Skip a UTF-8 byte order mark.
        if InputBytes.hasByteOrderMark(bytes) { position = 3 }
    }

    mutating func nextRow(file: String) throws -> Row? {
        guard position < bytes.count else { return nil }
        let rowLine = line
        var fields: [Field] = []
        var lineStart = position
        var fieldStart = position
        while true {
            let column = position - lineStart + 1
            if position < bytes.count && bytes[position] == UInt8(ascii: "\"") {
                // Quoted field
                position += 1
                var text: [UInt8] = []
                while true {
                    guard position < bytes.count else {
                        throw DiagnosticsError([Diagnostic(.error, at: SourceLocation(file: file, line: rowLine, column: column),
                            "a quoted field is never closed", hint: "add the closing double quote")])
                    }
                    let b = bytes[position]
                    if b == UInt8(ascii: "\"") {
                        if position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "\"") {
                            text.append(b); position += 2; continue
                        }
                        position += 1
                        break
                    }
                    if b == UInt8(ascii: "\n") { line += 1; lineStart = position + 1 }
                    text.append(b)
                    position += 1
                }
                fields.append(Field(text: String(decoding: text, as: UTF8.self), column: column))
                if position < bytes.count && bytes[position] == UInt8(ascii: "\r") { position += 1 }
                if position >= bytes.count { break }
                if bytes[position] == separator { position += 1; fieldStart = position; continue }
                if bytes[position] == UInt8(ascii: "\n") { position += 1; line += 1; break }
                throw DiagnosticsError([Diagnostic(.error, at: SourceLocation(file: file, line: line, column: position - lineStart + 1),
                    "unexpected text after a closing quote", hint: "a quoted field must be followed by the delimiter or the end of the line")])
            }
            fieldStart = position
            while position < bytes.count && bytes[position] != separator && bytes[position] != UInt8(ascii: "\n") {
                position += 1
            }
            var end = position
            if end > fieldStart && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<end]), as: UTF8.self)
            fields.append(Field(text: text, column: column))
            if position >= bytes.count { break }
            if bytes[position] == separator { position += 1; continue }
            position += 1  // newline
            line += 1
            break
        }
        return Row(fields: fields, line: rowLine)
    }
}
