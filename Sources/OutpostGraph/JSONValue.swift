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
        case let .double(d): JSONValue.append(d, into: &out)
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

    /// Appends `d` as Python's `json.dumps` writes a float (`2.0`, `0.5`, `1e-07`); NaN and
    /// infinities, which JSON cannot hold, as `null`.
    public static func append(_ d: Double, into out: inout String) {
        if d.isNaN || d.isInfinite { out += "null" }
        else if d == d.rounded() && abs(d) < 1e15 { out += String(Int(d)); out += ".0" }
        else { out += d.description }
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

/// Writes JSON text to a sink in pieces of about a megabyte, so that a result of a million rows
/// never exists as one String or as a tree of ``JSONValue``s: a row is written as it is made.
/// Strings and numbers are written exactly as ``JSONValue`` writes them (the same routines).
///
///     var json = JSONStreamWriter { print($0, terminator: "") }
///     json.open("{"); json.key("nodes"); json.open("[")
///     for row in rows { json.separator(); json.value(.object(...)) }
///     json.close("]"); json.close("}"); json.flush()
public struct JSONStreamWriter {
    private var buffer = ""
    private let sink: (String) -> Void
    private let limit: Int
    /// Whether the container just opened has no element yet (one entry per open container).
    private var empty: [Bool] = []

    public init(flushingAt limit: Int = 1 << 20, _ sink: @escaping (String) -> Void) {
        self.sink = sink
        self.limit = limit
        buffer.reserveCapacity(limit + 4096)
    }

    /// Opens an object (`{`) or an array (`[`).
    public mutating func open(_ bracket: Character) {
        buffer.append(bracket)
        empty.append(true)
    }

    /// Closes the innermost container with `}` or `]`.
    public mutating func close(_ bracket: Character) {
        empty.removeLast()
        buffer.append(bracket)
        flushIfFull()
    }

    /// Writes `, ` unless this is the innermost container's first element.
    public mutating func separator() {
        if empty[empty.count - 1] { empty[empty.count - 1] = false } else { buffer += ", " }
    }

    /// Writes the next key of the innermost object (with its separator and `: `).
    public mutating func key(_ name: String) {
        separator()
        JSONValue.quote(name, into: &buffer)
        buffer += ": "
    }

    /// Writes a value (spaced, as ``JSONValue/rendered(_:)`` writes it).
    public mutating func value(_ value: JSONValue) {
        value.write(to: &buffer)
        flushIfFull()
    }

    /// Writes a string value without building a ``JSONValue``.
    public mutating func string(_ s: String) { JSONValue.quote(s, into: &buffer) }

    /// Writes a number value as ``JSONValue/double(_:)`` does.
    public mutating func double(_ d: Double) { JSONValue.append(d, into: &buffer) }

    /// Writes `"key": value` pairs into the innermost object.
    public mutating func pairs(_ pairs: [(String, JSONValue)]) {
        for (name, v) in pairs { key(name); value(v) }
    }

    /// Hands what is buffered to the sink.
    public mutating func flush() {
        if !buffer.isEmpty { sink(buffer); buffer.removeAll(keepingCapacity: true) }
    }

    private mutating func flushIfFull() { if buffer.utf8.count >= limit { flush() } }
}
