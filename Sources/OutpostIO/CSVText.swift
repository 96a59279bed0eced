/// Text in CSV (RFC 4180): the one quoting routine shared by every CSV writer (edge list, node
/// table, sheets, Spark GraphX tables, Neo4j import files), as ``XMLText`` is for XML.
enum CSVText {
    /// `text` as one CSV field: quoted, with quotes doubled, when it holds the separator, a
    /// quote or a line break, or starts or ends with a space (which readers may trim); else as it is.
    static func field(_ text: String) -> String {
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            || text.first == " " || text.last == " " {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }

    /// One CSV line: the fields quoted as ``field(_:)`` quotes them, separated by commas, ended by `\n`.
    static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }
}
