/// A JSON value with ordered object keys, so output is byte-for-byte deterministic and keys
/// appear in the documented order. The one JSON writer for the CLI's `--format json` and the
/// explorer's embedded data: strings are quoted by `quote(_:into:)` alone.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.rendered() == rhs.rendered() }

    /// How items are separated: `spaced` as Python's `json.dumps` writes by default (`, ` and
    /// `: `, the CLI's output), `compact` with no spaces (`,` and `:`, for data embedded in a page).
    public enum Separators: Sendable { case spaced, compact }

    /// The JSON text of this value on one line.
    public func rendered(_ separators: Separators = .spaced) -> String {
        var out = ""
        write(to: &out, separators)
        return out
    }

    public func write(to out: inout String, _ separators: Separators = .spaced) {
        let (item, pair) = separators == .spaced ? (", ", ": ") : (",", ":")
        switch self {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .int(i): out += String(i)
        case let .double(d):
            if d.isNaN || d.isInfinite { out += "null" }
            else if d == d.rounded() && abs(d) < 1e15 { out += String(Int(d)) + ".0" }
            else { out += "\(d)" }
        case let .string(s): JSONValue.quote(s, into: &out)
        case let .array(values):
            out += "["
            for (i, value) in values.enumerated() {
                if i > 0 { out += item }
                value.write(to: &out, separators)
            }
            out += "]"
        case let .object(pairs):
            out += "{"
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out += item }
                JSONValue.quote(key, into: &out)
                out += pair
                value.write(to: &out, separators)
            }
            out += "}"
        }
    }

    /// Appends `s` as a JSON string: quotes, backslashes and every control character escaped,
    /// and U+2028/U+2029 too (JavaScript before ES2019 ends a line there).
    public static func quote(_ s: String, into out: inout String) {
        out += "\""
        // Most strings (ids, names) need no escape: one scan of their bytes, one append. 0xE2
        // leads U+2028/U+2029 (and other characters), so it takes the careful path.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
