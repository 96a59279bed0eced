import Foundation
import OutpostGraph
import Synchronization

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
public struct EdgeListReader: GraphFileReader {
    public static let formatName = "CSV"

    public var directed: Bool
    /// The field separator (an ASCII character other than a quote or a line end; reading with
    /// another throws ``InputError/badDelimiter(_:)``); nil: sniffed from the header line.
    public var delimiter: Character?

    /// Rows of at least this many bytes are read in parallel blocks (a setting for the tests,
    /// which compare both ways on small inputs).
    var parallelMinimum = 1 << 22

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

    public func read(_ data: Data, file: String = "<input>") throws -> Graph {
        try InputBytes.withText(data, file: file) { try parse($0, file: file, nodes: nil) }
    }

    /// Reads an edge list together with its node table, as ``EdgeListWriter`` writes them
    /// (``EdgeListWriter/nodeTable(_:)``): the table's nodes come first, in its order, with
    /// their labels and attributes (nodes without edges included); nodes only the edge list
    /// names follow, in order of first appearance.
    ///
    /// The node table's header names an `id` column, optionally `label`, and any other columns,
    /// each a node attribute under its name as written; an empty cell is an absent label or
    /// attribute. Its delimiter is ``delimiter``, or sniffed from its own header line.
    /// - Throws: ``DiagnosticsError`` at the file, line and column of the first problem: a
    ///   header without `id`, a repeated column, a row with more or fewer cells than the
    ///   header, an empty or repeated id; and whatever ``read(_:file:)`` refuses in the edge list
    ///   (which may have no edges when the table has nodes).
    public func read(_ data: Data, file: String = "<input>", nodeTable: Data, nodeFile: String = "<nodes>") throws -> Graph {
        let nodes = try InputBytes.withText(nodeTable, file: nodeFile) { try parseNodeTable($0, file: nodeFile) }
        return try InputBytes.withText(data, file: file) { try parse($0, file: file, nodes: nodes) }
    }

    private static func fail(_ file: String, _ line: Int, _ column: Int, _ message: String, hint: String? = nil) -> DiagnosticsError {
        DiagnosticsError([Diagnostic(.error, at: SourceLocation(file: file, line: line, column: column), message, hint: hint)])
    }

    private static func delimiterName(_ separator: UInt8) -> String {
        separator == UInt8(ascii: "\t") ? "tab" : separator == UInt8(ascii: ",") ? "comma" : "'\(Character(UnicodeScalar(separator)))'"
    }

    /// The header row's names, trimmed, as written; a name given twice is an error (its cells would overwrite each other).
    private static func headerNames(_ scanner: CSVScanner, line: Int, file: String) throws -> [String] {
        let names = scanner.fields.map { scanner.text(of: $0).trimmingCharacters(in: .whitespaces) }
        var seen = Set<String>()
        for (name, field) in zip(names, scanner.fields) where !name.isEmpty && !seen.insert(name).inserted {
            throw fail(file, line, field.column, "the column '\(printable(name))' is named twice in the header",
                       hint: "give each column its own name; its cells would overwrite each other's")
        }
        return names
    }

    private func parseNodeTable(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws -> Graph {
        let separator = try separatorByte() ?? Self.sniff(bytes)
        var scanner = CSVScanner(bytes: bytes, separator: separator)
        var header: [String] = [], headerLine = 0
        while header.isEmpty {
            guard let line = try scanner.nextRow(file: file) else {
                throw Self.fail(file, 1, 1, "the node table is empty", hint: "a node table starts with a header line `id,label` (and any attribute columns)")
            }
            if scanner.isBlankRow { continue }
            header = try Self.headerNames(scanner, line: line, file: file)
            headerLine = line
        }
        guard let idColumn = header.firstIndex(where: { $0.lowercased() == "id" }) else {
            throw Self.fail(file, headerLine, 1, "the first line of a node table must be a header naming the column `id`; found \(printable(header.joined(separator: ",")))",
                            hint: "add a header line such as `id,label`, as `outpost export -o NAME.csv` writes NAME.nodes.csv")
        }
        let labelColumn = header.firstIndex { $0.lowercased() == "label" }
        let attributeColumns = header.indices.filter { $0 != idColumn && $0 != labelColumn }
        var graph = Graph(directed: directed)
        while let line = try scanner.nextRow(file: file) {
            if scanner.isBlankRow { continue }
            guard scanner.fields.count == header.count else {
                throw Self.fail(file, line, 1, "expected \(header.count) fields (\(printable(header.joined(separator: String(UnicodeScalar(separator)))))) but found \(scanner.fields.count)",
                                hint: "check for a missing or extra \(Self.delimiterName(separator)) separator; quote fields that contain one")
            }
            let idField = scanner.fields[idColumn]
            if idField.isEmpty { throw Self.fail(file, line, idField.column, "empty node id", hint: "give every row of the node table its node's id") }
            let id = scanner.text(of: idField)
            if graph.index(of: id) != nil {
                throw Self.fail(file, line, idField.column, "node '\(printable(id))' has a second row in the node table",
                                hint: "keep one row per node; merge the two rows' attributes")
            }
            var attributes: [String: String] = [:]
            for c in attributeColumns where !scanner.fields[c].isEmpty { attributes[header[c]] = scanner.text(of: scanner.fields[c]) }
            let label = labelColumn.flatMap { scanner.fields[$0].isEmpty ? nil : scanner.text(of: scanner.fields[$0]) }
            graph.addNode(id, label: label, attributes: attributes)
        }
        return graph
    }

    private func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String, nodes seed: Graph?) throws -> Graph {
        let separator = try separatorByte() ?? Self.sniff(bytes)
        var scanner = CSVScanner(bytes: bytes, separator: separator)
        let name = Self.delimiterName(separator)
        func fail(_ line: Int, _ column: Int, _ message: String, hint: String? = nil) -> DiagnosticsError {
            Self.fail(file, line, column, message, hint: hint)
        }
        // Header
        var header: [String] = []
        var headerLine = 0
        while header.isEmpty {
            guard let line = try scanner.nextRow(file: file) else {
                throw fail(1, 1, "the file is empty", hint: "an edge list starts with a header line `source,target` (and optionally `,weight`)")
            }
            if scanner.isBlankRow { continue }
            header = try Self.headerNames(scanner, line: line, file: file)
            headerLine = line
        }
        // `source`, `target` and `weight` in any case; every other column is an attribute under its name as written.
        let lowered = header.map { $0.lowercased() }
        guard let sourceColumn = lowered.firstIndex(of: "source"), let targetColumn = lowered.firstIndex(of: "target") else {
            let found = printable(header.joined(separator: ","))
            if header.count == 1, let other = [",", ";", "\t", "|"].first(where: { lowered[0].contains($0) }),
               lowered[0].contains("source") && lowered[0].contains("target") {
                let otherName = other == "\t" ? "tabs" : "'\(other)'"
                throw fail(headerLine, 1, "the fields are separated by \(otherName), not by the \(name) delimiter (header: \(found))",
                           hint: "read it with \(other == "\t" ? "tab" : "'\(other)'") as the delimiter, or replace the separators with \(name == "comma" ? "commas" : name)")
            }
            if lowered.contains("id") && file.lowercased().hasSuffix(".nodes.csv") {
                throw fail(headerLine, 1, "this is a node table (header: \(found)), not an edge list",
                           hint: "read the edge list beside it (\(printable((file as NSString).lastPathComponent.dropLast(".nodes.csv".count) + ".csv"))), which brings this table with it")
            }
            throw fail(headerLine, 1, "the first line must be a header naming the columns `source` and `target`; found \(found)",
                       hint: "add a header line such as `source,target,weight`")
        }
        let weightColumn = lowered.firstIndex(of: "weight")
        let extraColumns = header.indices.filter { $0 != sourceColumn && $0 != targetColumn && $0 != weightColumn }
        let rows = EdgeRows(header: header, source: sourceColumn, target: targetColumn, weight: weightColumn,
                            separator: separator, file: file)
        let graph: Graph
        if seed == nil && extraColumns.isEmpty && bytes.count - scanner.position >= parallelMinimum,
           let chunked = try Self.parseInChunks(bytes, from: scanner.position, line: scanner.line, rows: rows, directed: directed) {
            graph = chunked
        } else {
            var g = seed ?? Graph(directed: directed)
            g.reserveEdges(bytes.count / 12)
            var nodes = NodeInterner(inputBytes: bytes.count, knowsEveryNode: g.nodeCount == 0)
            while let line = try scanner.nextRow(file: file) {
                if scanner.isBlankRow { continue }
                let (source, target, weight) = try rows.edge(scanner, line: line)
                let u = scanner.withBytes(of: source) { nodes.index(of: $0, in: &g) }
                let v = scanner.withBytes(of: target) { nodes.index(of: $0, in: &g) }
                if extraColumns.isEmpty {
                    g.addEdge(u, v, weight: weight)
                } else {
                    var attributes: [String: String] = [:]
                    for c in extraColumns { attributes[header[c]] = scanner.text(of: scanner.fields[c]) }
                    g.addEdge(u, v, weight: weight, attributes: attributes)
                }
            }
            graph = g
        }
        if graph.edgeCount == 0 && (seed?.nodeCount ?? 0) == 0 {
            throw fail(headerLine, 1, "the edge list has a header but no edges",
                       hint: "add one line `source,target` per edge below the header")
        }
        return graph
    }

    /// What one block of rows (whole lines of the input) reads to: its edges between nodes
    /// numbered in the block's own order of first appearance, and where each of those nodes'
    /// ids first appears in the input.
    private struct Block: Sendable {
        var sources: [Int32] = []
        var targets: [Int32] = []
        var weights = EdgeWeights()
        var firstSeen: [Range<Int>] = []
        /// Lines the block holds (all of them, when it was read to its end).
        var lines = 0
        /// The block's first error, its line counted from the block's first line (1).
        var error: DiagnosticsError?
    }

    /// Reads the rows from byte `start` (line `line`) on in blocks of whole lines, one per
    /// processor, at the same time; then numbers the nodes block by block, each block's new
    /// ids in its order of first appearance, which is the order of first appearance in the
    /// whole file, and the nodes' ids go through one ``NodeInterner`` in that order, as one
    /// thread reading row by row would have sent them. The graph, and the first error (by
    /// line) if any, are the same as one thread's; so is the order of everything, whatever the
    /// number of processors.
    ///
    /// Only for rows without quotes (a line break inside quotes could not be told from a row's
    /// end at a block's edge): nil if the rows hold a double quote, for the one-thread reader.
    private static func parseInChunks(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, line: Int, rows: EdgeRows,
                                      directed: Bool) throws -> Graph? {
        let body = UnsafeBufferPointer(rebasing: bytes[start...])
        if memchr(body.baseAddress!, Int32(UInt8(ascii: "\"")), body.count) != nil { return nil }
        let count = max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))
        // Block boundaries: just after the first line break at or past each even share.
        var bounds = [start]
        for k in 1..<count {
            var cut = max(bounds[bounds.count - 1], start + body.count * k / count)
            while cut < bytes.count && bytes[cut - 1] != UInt8(ascii: "\n") { cut += 1 }
            bounds.append(cut)
        }
        bounds.append(bytes.count)
        let blocks = SendableBlocks(count: count)
        let input = InputBytes.Bytes(bytes: bytes), cuts = bounds
        DispatchQueueBlocks.run(count) { k in
            blocks.set(k, readBlock(input.bytes, cuts[k]..<cuts[k + 1], rows: rows))
        }
        // The first error in the file: the earliest block's, at its line in the file.
        var firstLine = line
        for k in 0..<count {
            if let error = blocks[k].error {
                throw DiagnosticsError(error.diagnostics.map { diagnostic in
                    var moved = diagnostic
                    if let at = diagnostic.location { moved.location = SourceLocation(file: at.file, line: at.line + firstLine - 1, column: at.column) }
                    return moved
                })
            }
            firstLine += blocks[k].lines
        }
        var graph = Graph(directed: directed)
        var nodes = NodeInterner(inputBytes: bytes.count, knowsEveryNode: true)
        var numbering: [[Int32]] = []
        var edgeCount = 0
        for k in 0..<count {
            let block = blocks.take(k)
            numbering.append(block.firstSeen.map { Int32(nodes.index(of: UnsafeBufferPointer(rebasing: bytes[$0]), in: &graph)) })
            edgeCount += block.sources.count
            blocks.set(k, block)
        }
        // Each block's edges renumbered from its own numbers to the graph's, at the same time.
        let global = numbering
        DispatchQueueBlocks.run(count) { k in
            var block = blocks.take(k)
            global[k].withUnsafeBufferPointer { number in
                for i in block.sources.indices {
                    block.sources[i] = number[Int(block.sources[i])]
                    block.targets[i] = number[Int(block.targets[i])]
                }
            }
            blocks.set(k, block)
        }
        graph.reserveEdges(edgeCount)
        for k in 0..<count {
            let block = blocks.take(k)
            graph.appendEdges(sources: block.sources, targets: block.targets, weights: block.weights)
        }
        return graph
    }

    /// One slot per block, each written and taken by one block's work at a time.
    private final class SendableBlocks: Sendable {
        private let slots: Mutex<[Block?]>
        init(count: Int) { slots = Mutex([Block?](repeating: nil, count: count)) }
        func set(_ k: Int, _ block: Block) { slots.withLock { $0[k] = block } }
        /// The block in slot `k`, moved out (so that its arrays are not shared while it changes).
        func take(_ k: Int) -> Block { slots.withLock { slots in defer { slots[k] = nil }; return slots[k]! } }
        subscript(_ k: Int) -> Block { slots.withLock { $0[k]! } }
    }

    /// Reads the rows in `range` of `bytes` to a ``Block``, stopping at the first error.
    private static func readBlock(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, rows: EdgeRows) -> Block {
        var block = Block()
        let base = range.lowerBound
        var scanner = CSVScanner(bytes: UnsafeBufferPointer(rebasing: bytes[range]), separator: rows.separator, skippingByteOrderMark: false)
        var nodes = NodeInterner(inputBytes: range.count, knowsEveryNode: true)
        block.sources.reserveCapacity(range.count / 12); block.targets.reserveCapacity(range.count / 12)
        do {
            while let line = try scanner.nextRow(file: rows.file) {
                if scanner.isBlankRow { continue }
                let (source, target, weight) = try rows.edge(scanner, line: line)
                let u = scanner.withBytes(of: source) { key in
                    nodes.index(of: key) { _ in block.firstSeen.append(source.bytes.lowerBound + base..<source.bytes.upperBound + base); return block.firstSeen.count - 1 }
                }
                let v = scanner.withBytes(of: target) { key in
                    nodes.index(of: key) { _ in block.firstSeen.append(target.bytes.lowerBound + base..<target.bytes.upperBound + base); return block.firstSeen.count - 1 }
                }
                block.sources.append(Int32(u)); block.targets.append(Int32(v)); block.weights.append(weight)
            }
        } catch let error as DiagnosticsError {
            block.error = error
        } catch {
            block.error = DiagnosticsError([Diagnostic(.error, at: nil, "\(error)")])
        }
        block.lines = scanner.line - 1
        return block
    }
}

/// The shape of an edge list's rows: which columns hold the source, target and weight, and
/// how many there are; reads one row's edge, with the errors both readers give.
struct EdgeRows: Sendable {
    let header: [String]
    let source: Int
    let target: Int
    let weight: Int?
    let separator: UInt8
    let file: String

    init(header: [String], source: Int, target: Int, weight: Int?, separator: UInt8, file: String) {
        self.header = header; self.source = source; self.target = target; self.weight = weight
        self.separator = separator; self.file = file
    }

    private func fail(_ line: Int, _ column: Int, _ message: String, hint: String? = nil) -> DiagnosticsError {
        DiagnosticsError([Diagnostic(.error, at: SourceLocation(file: file, line: line, column: column), message, hint: hint)])
    }

    /// The source and target fields of the row `scanner` read last, on line `line`, and its weight.
    func edge(_ scanner: CSVScanner, line: Int) throws -> (CSVScanner.Field, CSVScanner.Field, Double) {
        guard scanner.fields.count == header.count else {
            let name = separator == UInt8(ascii: "\t") ? "tab" : separator == UInt8(ascii: ",") ? "comma" : "'\(Character(UnicodeScalar(separator)))'"
            throw fail(line, 1, "expected \(header.count) fields (\(printable(header.joined(separator: String(UnicodeScalar(separator)))))) but found \(scanner.fields.count)",
                       hint: separator == UInt8(ascii: ",") ? "check for a missing or extra comma; quote fields that contain commas"
                                                            : "check for a missing or extra \(name) separator; quote fields that contain one")
        }
        let source = scanner.fields[self.source], target = scanner.fields[self.target]
        if source.isEmpty { throw fail(line, source.column, "empty source node id") }
        if target.isEmpty { throw fail(line, target.column, "empty target node id") }
        var weight = 1.0
        if let column = self.weight {
            let field = scanner.fields[column]
            let raw = scanner.text(of: field)
            let text = raw.trimmingCharacters(in: .whitespaces)
            if !text.isEmpty {
                guard let value = Double(text), value.isFinite else {
                    throw fail(line, field.column, "weight '\(printable(raw))' is not a \(Double(text) == nil ? "" : "finite ")number",
                               hint: "write a decimal number such as 1 or 0.5, or leave it empty for 1")
                }
                weight = value
            }
        }
        return (source, target, weight)
    }
}

/// Node ids, as the bytes of their fields, to node indices. A row's two ids are looked up here
/// without making a String of either; a String is made once per distinct byte sequence.
/// Hashing a new String with SipHash for every field was the largest single cost of reading a
/// large edge list, and hashing each new id again into the graph's own table the next.
///
/// What is one node is what the graph says: two byte sequences that are canonically
/// equivalent Strings (a precomposed "é" and "e" with a combining accent, or the Kelvin sign
/// and "K") are one node. Two different ASCII byte sequences are never equivalent, so while
/// every id so far is ASCII and this table holds every node of the graph, a new ASCII id is
/// appended without a lookup (``Graph/appendNode(new:)``); from the first id that is not
/// ASCII on (or when the graph came with nodes of its own), a new byte sequence goes through
/// ``Graph/addNode(_:label:attributes:)``, which compares Strings.
struct NodeInterner {
    /// One slot of the table: the id's first 8 bytes inline (most ids fit, so one memory read
    /// answers a lookup), its length (−1: empty slot), its node, and where longer ids' bytes
    /// are kept in `arena`.
    private struct Slot {
        var word: UInt64 = 0
        var length: Int32 = -1
        var node: Int32 = 0
        var arenaStart = 0
    }
    /// Open addressing, a power of two at most half full.
    private var slots = [Slot](repeating: Slot(), count: 1024)
    private var count = 0
    /// The bytes of ids longer than 8 bytes.
    private var arena: [UInt8] = []

    /// Nodes by the value of ids written as plain decimal numbers (no sign, no leading zero),
    /// as most large edge lists number their nodes: −1 where no node has that id yet. Such an
    /// id equals another only if the numbers do, so this is the same mapping as by bytes, held
    /// in 4 bytes per number instead of a table slot read at random.
    private var numbered: [Int32] = []
    /// Ids up to this value go to `numbered`; larger numbers, and every other id, go to the
    /// table. Numbering every node from 0 takes at least two bytes of input per number (the
    /// digits and a separator), so half the input's size bounds dense ids; above it the ids are
    /// sparse and the array would be mostly empty (a lone id of 30,000,000 would cost 120 MB).
    /// Never more than 2^25 (128 MB).
    private let largestNumbered: Int

    /// Whether every node of the graph came through this table with an ASCII id, so that a
    /// byte sequence it does not hold is a new node.
    private var knowsEveryNode: Bool

    /// - Parameters:
    ///   - inputBytes: the size of the input, which bounds the numbers worth an array.
    ///   - knowsEveryNode: whether the graph starts empty.
    init(inputBytes: Int, knowsEveryNode: Bool) {
        largestNumbered = min(1 << 25, max(1024, inputBytes / 2))
        self.knowsEveryNode = knowsEveryNode
    }

    /// Adds the node of a byte sequence this table does not hold.
    private static func add(_ key: UnsafeBufferPointer<UInt8>, to graph: inout Graph, knowsEveryNode: inout Bool) -> Int {
        if knowsEveryNode && !key.contains(where: { $0 >= 0x80 }) {
            return graph.appendNode(new: String(decoding: key, as: UTF8.self))
        }
        knowsEveryNode = false
        return graph.addNode(String(decoding: key, as: UTF8.self))
    }

    /// The index of the node whose id is `key`, added to `graph` if new.
    mutating func index(of key: UnsafeBufferPointer<UInt8>, in graph: inout Graph) -> Int {
        var knows = knowsEveryNode
        let node = index(of: key) { Self.add($0, to: &graph, knowsEveryNode: &knows) }
        knowsEveryNode = knows
        return node
    }

    /// The number of the id `key`: the one it was given before, or, for bytes not seen
    /// before, what `new(key)` returns.
    mutating func index(of key: UnsafeBufferPointer<UInt8>, new: (UnsafeBufferPointer<UInt8>) -> Int) -> Int {
        if let number = NodeInterner.plainNumber(key), number <= largestNumbered {
            if number >= numbered.count { numbered.append(contentsOf: repeatElement(-1, count: max(number + 1, 2 * numbered.count, 1024) - numbered.count)) }
            let known = numbered[number]
            if known >= 0 { return Int(known) }
            let node = new(key)
            numbered[number] = Int32(node)
            return node
        }
        let word = NodeInterner.prefixWord(key)
        let mask = slots.count - 1
        var slot = NodeInterner.hash(key, word, length: key.count) & mask
        while true {
            let s = slots[slot]
            if s.length < 0 { break }
            if s.word == word && Int(s.length) == key.count && (key.count <= 8 || longEquals(s.arenaStart, key)) {
                return Int(s.node)
            }
            slot = (slot + 1) & mask
        }
        let node = new(key)
        var entry = Slot(word: word, length: Int32(key.count), node: Int32(node), arenaStart: arena.count)
        if key.count > 8 { arena.append(contentsOf: key) } else { entry.arenaStart = 0 }
        slots[slot] = entry
        count += 1
        if count * 2 > slots.count { grow() }
        return node
    }

    /// The value of `key` if it is a plain decimal number of at most 8 digits.
    private static func plainNumber(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        guard key.count > 0, key.count <= 8, key[0] != UInt8(ascii: "0") || key.count == 1 else { return nil }
        var value = 0
        for b in key {
            let digit = Int(b) &- 48
            guard digit >= 0 && digit <= 9 else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    /// The first (up to) 8 bytes, little-endian.
    private static func prefixWord(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var word: UInt64 = 0
        for i in 0..<min(8, key.count) { word |= UInt64(key[i]) << (8 * UInt64(i)) }
        return word
    }

    /// A multiplicative mix of the prefix and length, and of the remaining bytes (FNV-1a) for
    /// longer ids; the slot comes from the high bits.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>, _ word: UInt64, length: Int) -> Int {
        var h = (word ^ UInt64(length) << 59) &* 0x9e37_79b9_7f4a_7c15
        if length > 8 {
            for i in 8..<length { h = (h ^ UInt64(key[i])) &* 0x100_0000_01b3 }
            h = (h ^ (h >> 31)) &* 0x9e37_79b9_7f4a_7c15
        }
        return Int(truncatingIfNeeded: h >> 24)
    }

    private func longEquals(_ start: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        for i in 8..<key.count where arena[start + i] != key[i] { return false }
        return true
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        let mask = slots.count - 1
        for s in old where s.length >= 0 {
            // An id of up to 8 bytes hashes from its prefix word and length alone.
            let start = s.length > 8 ? s.arenaStart : 0, end = s.length > 8 ? s.arenaStart + Int(s.length) : 0
            let h = arena.withUnsafeBufferPointer { NodeInterner.hash(UnsafeBufferPointer(rebasing: $0[start..<end]), s.word, length: Int(s.length)) }
            var slot = h & mask
            while slots[slot].length >= 0 { slot = (slot + 1) & mask }
            slots[slot] = s
        }
    }
}

/// A minimal RFC 4180 scanner over bytes, tracking line and column. A row's fields are byte
/// ranges of the input (or, for a quoted field with doubled quotes, of a per-row scratch
/// buffer), held in one array reused from row to row: reading makes no String per field.
struct CSVScanner {
    struct Field {
        /// The field's text: `bytes` of the input, or of `scratch` when `unescaped`.
        var bytes: Range<Int>
        var unescaped: Bool
        /// Column (in bytes, from 1) where the field starts.
        var column: Int
        var isEmpty: Bool { bytes.isEmpty }
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let separator: UInt8
    var position = 0
    var line = 1
    /// The fields of the row `nextRow` read last.
    private(set) var fields: [Field] = []
    private var scratch: [UInt8] = []

    /// - Parameter skippingByteOrderMark: skip a UTF-8 byte order mark at the start (false
    ///   for bytes from the middle of a file, whose first id may start with U+FEFF).
    init(bytes: UnsafeBufferPointer<UInt8>, separator: UInt8 = UInt8(ascii: ","), skippingByteOrderMark: Bool = true) {
        self.bytes = bytes
        self.separator = separator
        if skippingByteOrderMark && InputBytes.hasByteOrderMark(bytes) { position = 3 }
    }

    /// Whether the last row read is a blank line.
    var isBlankRow: Bool { fields.count == 1 && fields[0].isEmpty }

    func withBytes<R>(of field: Field, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if field.unescaped {
            return scratch.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[field.bytes])) }
        }
        return body(UnsafeBufferPointer(rebasing: bytes[field.bytes]))
    }

    func text(of field: Field) -> String { withBytes(of: field) { String(decoding: $0, as: UTF8.self) } }

    /// Reads the next row into `fields` and returns the line it starts on, or nil at the end.
    mutating func nextRow(file: String) throws -> Int? {
        guard position < bytes.count else { return nil }
        let rowLine = line
        fields.removeAll(keepingCapacity: true)
        scratch.removeAll(keepingCapacity: true)
        var lineStart = position
        let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        while true {
            let column = position - lineStart + 1
            if position < bytes.count && bytes[position] == quote {
                // Quoted field: its text is the input between the quotes unless a doubled quote
                // makes it differ; then it is copied, unescaped, into `scratch`.
                position += 1
                let start = position
                var copied: Int? = nil  // where in scratch this field starts, once copying
                while true {
                    guard position < bytes.count else {
                        throw DiagnosticsError([Diagnostic(.error, at: SourceLocation(file: file, line: rowLine, column: column),
                            "a quoted field is never closed", hint: "add the closing double quote")])
                    }
                    let b = bytes[position]
                    if b == quote {
                        if position + 1 < bytes.count && bytes[position + 1] == quote {
                            if copied == nil { copied = scratch.count; scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position])) }
                            scratch.append(b); position += 2; continue
                        }
                        break
                    }
                    if b == newline { line += 1; lineStart = position + 1 }
                    if copied != nil { scratch.append(b) }
                    position += 1
                }
                if let copied {
                    fields.append(Field(bytes: copied..<scratch.count, unescaped: true, column: column))
                } else {
                    fields.append(Field(bytes: start..<position, unescaped: false, column: column))
                }
                position += 1  // the closing quote
                if position < bytes.count && bytes[position] == cr { position += 1 }
                if position >= bytes.count { break }
                if bytes[position] == separator { position += 1; continue }
                if bytes[position] == newline { position += 1; line += 1; break }
                throw DiagnosticsError([Diagnostic(.error, at: SourceLocation(file: file, line: line, column: position - lineStart + 1),
                    "unexpected text after a closing quote", hint: "a quoted field must be followed by the delimiter or the end of the line")])
            }
            let fieldStart = position
            while position < bytes.count && bytes[position] != separator && bytes[position] != newline {
                position += 1
            }
            var end = position
            if end > fieldStart && bytes[end - 1] == cr { end -= 1 }
            fields.append(Field(bytes: fieldStart..<end, unescaped: false, column: column))
            if position >= bytes.count { break }
            if bytes[position] == separator { position += 1; continue }
            position += 1  // newline
            line += 1
            break
        }
        return rowLine
    }
}
