import CGraphviz
import Foundation

/// A Graphviz layout engine.
public enum LayoutEngine: String, Sendable, CaseIterable {
    /// Layered (hierarchical): reads the direction of relations; clusters supported.
    case dot
    /// Spring model (stress majorisation).
    case neato
    /// Force-directed; clusters supported.
    case fdp
    /// Multiscale force-directed: the engine for large graphs.
    case sfdp
    /// Circular.
    case circo
    /// Radial, around a centre node.
    case twopi

    /// Parses a name; an unknown one is an error listing the valid choices.
    public init(parsing name: String) throws {
        guard let engine = LayoutEngine(rawValue: name.lowercased()) else {
            throw RenderError.unknownEngine(name)
        }
        self = engine
    }

    /// Above this many nodes, `dot` can take minutes to hours on graphs with cycles.
    public static let dotNodeLimit = 2_000

    /// Advice for drawing `nodeCount` nodes with this engine, or nil when there is none.
    public func advice(nodeCount: Int) -> String? {
        guard self == .dot, nodeCount > LayoutEngine.dotNodeLimit else { return nil }
        return "dot on \(nodeCount) nodes (over \(LayoutEngine.dotNodeLimit)) may take a very long time; try --engine sfdp"
    }
}

/// An output format Graphviz writes.
public enum RenderFormat: String, Sendable, CaseIterable {
    case svg, png, pdf
    /// DOT text with the layout's positions (`pos`, `bb`…).
    case dot

    public init(parsing name: String) throws {
        guard let format = RenderFormat(rawValue: name.lowercased()) else { throw RenderError.unknownFormat(name) }
        self = format
    }

    /// The format a file name's extension names (`.svg`, `.png`, `.pdf`, `.dot` or `.gv`).
    public init?(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "gv": self = .dot
        default:
            guard let format = RenderFormat(rawValue: pathExtension.lowercased()) else { return nil }
            self = format
        }
    }
}

/// What went wrong in layout or rendering.
public enum RenderError: Error, CustomStringConvertible, Sendable {
    case unknownEngine(String)
    case unknownFormat(String)
    /// Graphviz could not read the DOT text.
    case unreadableDOT(messages: [String])
    case layoutFailed(engine: LayoutEngine, messages: [String])
    case renderFailed(format: RenderFormat, messages: [String])

    public var description: String {
        func detail(_ messages: [String]) -> String { messages.isEmpty ? "" : ": " + messages.joined(separator: "; ") }
        switch self {
        case let .unknownEngine(name):
            return "unknown layout engine '\(name)'; valid engines: \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", "))"
        case let .unknownFormat(name):
            return "unknown output format '\(name)'; valid formats: \(RenderFormat.allCases.map(\.rawValue).joined(separator: ", "))"
        case let .unreadableDOT(messages):
            return "Graphviz could not read the DOT text" + detail(messages)
        case let .layoutFailed(engine, messages):
            return "Graphviz layout with \(engine.rawValue) failed" + detail(messages)
        case let .renderFailed(format, messages):
            return "Graphviz could not render \(format.rawValue)" + detail(messages)
        }
    }
}

/// The result of a render: the file's bytes and what Graphviz warned about.
public struct Rendering: Sendable {
    public var data: Data
    /// Graphviz's warnings (and non-fatal errors) for this render, one message each, without
    /// the `Warning: ` prefix; plus ``LayoutEngine/advice(nodeCount:)``.
    public var warnings: [String]
    public var nodeCount: Int
    public var edgeCount: Int
}

/// Lays out and renders DOT text with Graphviz's C library, in process.
///
/// This is the only type that touches Graphviz's C pointers. The library (2.42 here) is not
/// thread-safe — its parser, error state, plugin jobs and font cache are process-wide — so
/// every call into it runs under one process-wide lock, on one `GVC_t` context created on first
/// use and never freed (freeing a context and making another leaks and leaves a dangling font
/// pointer in the pango plugin). Each render parses a fresh graph (`agmemread`, then
/// `aglexbad` to reset the scanner), lays it out (`gvLayout`), renders it (`gvRenderData`,
/// copied by length since PNG and PDF contain NUL bytes), and frees the buffer (even when the
/// render fails), the layout and the graph. Graphviz's messages are captured through
/// `agseterrf` and returned as Swift errors and warnings instead of going to stderr; a few
/// that Graphviz prints directly (cairo's "graph is too large for bitmaps") still reach stderr.
///
/// Memory, measured on this machine (Debian 12, Graphviz 2.42.2, Swift 6.3.1 release build):
/// rendering the bundled dataset (110 entities, 118 relations, plus the legend) 200 times in
/// one process with one renderer, resident memory went
///   - svg with dot: 36.4 MB after the first render → 37.2 MB after 200 (about 4 KB a render,
///     consistent with dot's known leak when breaking cycles, `acyclic` → `virtual_edge`);
///   - svg with sfdp: 37.0 → 37.6 MB;
///   - png with dot: 36.8 → 37.7 MB (cairo's caches settle after the first renders).
/// Valgrind on the 3-entity test dataset (2 against 12 renders, dot, svg) shows about 2 KB
/// lost per render, all inside Graphviz 2.42: its HTML-like label parser (`htmlparse`, and
/// pango's markup parser under `make_html_label`) never frees what it allocates for the title
/// label; nothing that this type allocates or frees is among the losses.
/// Repeated renders are therefore fine for a long-running process. Time per render of that
/// dataset: about 0.03 s (dot) to 0.13 s (fdp) for svg; 0.8–1.8 s for png, where cairo's
/// rasterising dominates (circo's sprawling layout took 20 s as png).
public struct GraphvizRenderer: Sendable {
    public init() {}

    /// The Graphviz version the library reports (2.43.0 for Debian's 2.42.2 package).
    public static var version: String {
        Session.shared.withContext { context in
            gvcVersion(context).map { String(cString: $0) } ?? "unknown"
        }
    }

    /// Lays out `dot` with `engine` and renders it as `format`.
    ///
    /// The DOT text is trusted as a description of the drawing: attributes in it (a `layout=`,
    /// an `image=`) are honoured by Graphviz. Text from ``DOTWriter`` sets none of these.
    /// - Throws: ``RenderError`` with Graphviz's messages when the text cannot be read, laid
    ///   out or rendered.
    /// - Complexity: that of the engine; `dot` can be very slow on large graphs with cycles
    ///   (see ``LayoutEngine/advice(nodeCount:)``), and the call cannot be cancelled.
    public func render(dot: String, engine: LayoutEngine = .dot, format: RenderFormat = .svg) throws -> Rendering {
        try Session.shared.withContext { context in
            try Session.render(context: context, dot: dot, engine: engine, format: format)
        }
    }
}

/// Graphviz messages delivered through `agseterrf`; written only while `Session.lock` is held.
nonisolated(unsafe) private var capturedMessages = ""

/// The process's one Graphviz context and the lock that serialises every call into the library.
private final class Session: @unchecked Sendable {
    static let shared = Session()

    private let lock = NSLock()
    private let context: OpaquePointer

    private init() {
        context = gvContext()
        _ = agseterrf { piece in
            if let piece { capturedMessages += String(cString: piece) }
            return 0
        }
    }

    func withContext<T>(_ body: (OpaquePointer) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(context)
    }

    /// Messages captured since the last call, split into (errors, warnings).
    static func takeMessages() -> (errors: [String], warnings: [String]) {
        defer { capturedMessages = "" }
        var errors: [String] = [], warnings: [String] = []
        var current: (isError: Bool, text: String)?
        func flush() {
            guard let message = current else { return }
            let text = message.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty {
                if message.isError { errors.append(text) } else { warnings.append(text) }
            }
            current = nil
        }
        for line in capturedMessages.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("Error: ") || line.hasPrefix("Error:") {
                flush()
                current = (true, String(line.dropFirst("Error:".count)))
            } else if line.hasPrefix("Warning: ") || line.hasPrefix("Warning:") {
                flush()
                current = (false, String(line.dropFirst("Warning:".count)))
            } else if current != nil {
                current!.text += " " + line.trimmingCharacters(in: .whitespaces)
            } else {
                current = (false, String(line))
            }
        }
        flush()
        return (errors, warnings)
    }

    /// One parse → layout → render → free cycle. Call only with the lock held.
    static func render(context: OpaquePointer, dot: String, engine: LayoutEngine, format: RenderFormat) throws -> Rendering {
        capturedMessages = ""
        agreseterrors()
        guard let graph = agmemread(dot) else {
            aglexbad()
            throw RenderError.unreadableDOT(messages: takeMessages().errors)
        }
        // Reset the scanner so that nothing left over from this text reaches the next parse.
        aglexbad()
        defer { agclose(graph) }
        let nodeCount = Int(agnnodes(graph)), edgeCount = Int(agnedges(graph))
        var warnings: [String] = []
        if let advice = engine.advice(nodeCount: nodeCount) { warnings.append(advice) }

        guard gvLayout(context, graph, engine.rawValue) == 0 else {
            throw RenderError.layoutFailed(engine: engine, messages: takeMessages().errors)
        }
        defer { gvFreeLayout(context, graph) }

        var buffer: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        let status = gvRenderData(context, graph, format.rawValue, &buffer, &length)
        // Graphviz allocates the buffer even when it fails; free it in every case.
        defer { if let buffer { gvFreeRenderData(buffer) } }
        let messages = takeMessages()
        guard status == 0, let buffer else {
            throw RenderError.renderFailed(format: format, messages: messages.errors)
        }
        let count = Int(length)
        guard count > 0 else { throw RenderError.renderFailed(format: format, messages: messages.errors + ["empty output"]) }
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { storage, initialized in
            buffer.withMemoryRebound(to: UInt8.self, capacity: count) { source in
                storage.baseAddress!.initialize(from: source, count: count)
            }
            initialized = count
        }
        warnings += messages.errors + messages.warnings
        return Rendering(data: Data(bytes), warnings: warnings, nodeCount: nodeCount, edgeCount: edgeCount)
    }
}
