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
        var out: [UInt8] = []
        write(to: &out, separators)
        return String(decoding: out, as: UTF8.self)
    }

    public func write(to out: inout String, _ separators: Separators = .spaced) {
        out += rendered(separators)
    }

    /// Appends the JSON text of this value, as UTF-8, to `out`: the one JSON writer, which
    /// the String forms and ``JSONStreamWriter`` go through.
    public func write(to out: inout [UInt8], _ separators: Separators = .spaced) {
        let (item, pair): (StaticString, StaticString) = separators == .spaced ? (", ", ": ") : (",", ":")
        switch self {
        case .null: JSONValue.append("null", into: &out)
        case let .bool(b): JSONValue.append(b ? "true" : "false", into: &out)
        case let .int(i): JSONValue.append(integer: i, into: &out)
        case let .double(d): JSONValue.append(d, into: &out)
        case let .string(s): JSONValue.quote(s, into: &out)
        case let .array(values):
            out.append(UInt8(ascii: "["))
            for (i, value) in values.enumerated() {
                if i > 0 { JSONValue.append(item, into: &out) }
                value.write(to: &out, separators)
            }
            out.append(UInt8(ascii: "]"))
        case let .object(pairs):
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { JSONValue.append(item, into: &out) }
                JSONValue.quote(key, into: &out)
                JSONValue.append(pair, into: &out)
                value.write(to: &out, separators)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    static func append(_ text: StaticString, into out: inout [UInt8]) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// Appends the decimal digits of `i`, as `String(i)` writes them.
    static func append(integer i: Int, into out: inout [UInt8]) {
        if i < 0 {
            out.append(UInt8(ascii: "-"))
            if i == .min { out.append(contentsOf: String(i).utf8.dropFirst()); return }
        }
        var value = i.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 digits, written from the end
        var count = 0
        withUnsafeMutableBytes(of: &digits) { room in
            repeat {
                count += 1
                room[24 - count] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            } while value > 0
            out.append(contentsOf: room[(24 - count)...])
        }
    }

    /// Appends `d` as Python's `json.dumps` writes a float (`2.0`, `0.5`, `1e-07`); NaN and
    /// infinities, which JSON cannot hold, as `null`.
    public static func append(_ d: Double, into out: inout [UInt8]) {
        if d.isNaN || d.isInfinite { append("null", into: &out) }
        else if d == d.rounded() && abs(d) < 1e15 {
            append(integer: Int(d), into: &out); append(".0", into: &out)
        }
        else { out.append(contentsOf: d.description.utf8) }
    }

    /// Appends `s` as a JSON string: quotes, backslashes and every control character escaped,
    /// and U+2028/U+2029 too (JavaScript before ES2019 ends a line there).
    public static func quote(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most strings (ids, names) need no escape: one scan of their bytes, one append. 0xE2
        // leads U+2028/U+2029 (and other characters), so it takes the careful path.
        let plain = s.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            for b in bytes where b < 0x20 || b == 0x22 || b == 0x5C || b == 0xE2 { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if plain == true {
            out.append(UInt8(ascii: "\""))
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": append("\\\"", into: &out)
            case "\\": append("\\\\", into: &out)
            case "\n": append("\\n", into: &out)
            case "\r": append("\\r", into: &out)
            case "\t": append("\\t", into: &out)
            case "\u{2028}": append("\\u2028", into: &out)
            case "\u{2029}": append("\\u2029", into: &out)
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    append("\\u", into: &out)
                    out.append(contentsOf: (String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                } else {
                    out.append(contentsOf: String(scalar).utf8)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
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
    private var buffer: [UInt8] = []
    private let sink: (UnsafeBufferPointer<UInt8>) -> Void
    private let limit: Int
    /// Whether the container just opened has no element yet (one entry per open container).
    private var empty: [Bool] = []

    /// A writer that hands its text to `sink` as Strings.
    public init(flushingAt limit: Int = 1 << 20, _ sink: @escaping (String) -> Void) {
        self.init(flushingAt: limit, bytes: { sink(String(decoding: $0, as: UTF8.self)) })
    }

    /// A writer that hands its text to `sink` as UTF-8 bytes, valid only during the call (to
    /// write them to a file or a pipe without making a String).
    public init(flushingAt limit: Int = 1 << 20, bytes sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        self.sink = sink
        self.limit = limit
        buffer.reserveCapacity(limit + 4096)
    }

    /// Opens an object (`{`) or an array (`[`).
    public mutating func open(_ bracket: Character) {
        buffer.append(bracket.asciiValue!)
        empty.append(true)
    }

    /// Closes the innermost container with `}` or `]`.
    public mutating func close(_ bracket: Character) {
        empty.removeLast()
        buffer.append(bracket.asciiValue!)
        flushIfFull()
    }

    /// Writes `, ` unless this is the innermost container's first element.
    public mutating func separator() {
        if empty[empty.count - 1] { empty[empty.count - 1] = false } else { JSONValue.append(", ", into: &buffer) }
    }

    /// Writes the next key of the innermost object (with its separator and `: `).
    public mutating func key(_ name: String) {
        separator()
        JSONValue.quote(name, into: &buffer)
        JSONValue.append(": ", into: &buffer)
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

    /// Ends the line (after the outermost container, so the text ends as `print` would end it).
    public mutating func newline() { buffer.append(UInt8(ascii: "\n")) }

    /// Hands what is buffered to the sink.
    public mutating func flush() {
        if !buffer.isEmpty {
            buffer.withUnsafeBufferPointer { sink($0) }
            buffer.removeAll(keepingCapacity: true)
        }
    }

    private mutating func flushIfFull() { if buffer.count >= limit { flush() } }
}
