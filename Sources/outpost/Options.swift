import ArgumentParser
import Foundation
import Outpost

/// Output formats every table-printing command accepts.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// `--format`, shared by every command that prints tables.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table (aligned text for people), json or csv (same content, for programs).")
    var format: OutputFormat = .table
}

/// The input graph: a dataset folder, a CSV edge list or a GraphML file.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("A dataset folder (YAML, see Graphs/FORMAT.md), a CSV edge list (.csv), a .graphml, .gexf, .gml, .net (Pajek) or node-link .json file, or - for standard input (with --input-format).",
                                 valueName: "path"))
    var path: String

    @Flag(name: .long, help: "Read a CSV edge list as directed (GraphML says so itself; datasets keep each relation's direction where an algorithm uses it).")
    var directed = false

    @Option(name: .long, help: ArgumentHelp("The field separator of a CSV edge list: one character, or `tab` (default: a comma, a tab or a semicolon, as the header line has them).",
                                            valueName: "char"))
    var delimiter: String?

    @Option(name: .customLong("input-format"), help: ArgumentHelp(
        "Read the input as \(GraphLoader.Format.names) (one dataset file), whatever its extension; needed for `-` (standard input).",
        valueName: "format"))
    var inputFormat: String?

    var format: GraphLoader.Format? { inputFormat.flatMap(GraphLoader.Format.init(name:)) }

    /// `--delimiter` as a character (`tab` and `\t` mean a tab).
    var delimiterCharacter: Character? {
        guard let delimiter else { return nil }
        return delimiter == "tab" || delimiter == "\\t" ? "\t" : delimiter.first
    }

    func validate() throws {
        if let delimiter, delimiter != "tab", delimiter != "\\t" {
            guard delimiter.count == 1, let ascii = delimiter.first?.asciiValue, ascii >= 0x20 || ascii == 0x09, delimiter != "\"" else {
                throw ValidationError("--delimiter '\(delimiter)': give one ASCII character other than a double quote, such as ';' or '|', or `tab`")
            }
        }
        if let inputFormat, GraphLoader.Format(name: inputFormat) == nil {
            throw ValidationError("--input-format \(inputFormat): give \(GraphLoader.Format.names)")
        }
        if path == GraphLoader.standardInput && inputFormat == nil {
            throw ValidationError("- reads standard input, which has no extension to tell its format; add --input-format with one of \(GraphLoader.Format.names)")
        }
        if delimiter != nil, format.map({ $0 != .edgeList }) ?? !path.lowercased().hasSuffix(".csv") {
            throw ValidationError("--delimiter applies to CSV edge lists (.csv or --input-format csv); \(path) is not one")
        }
    }
}

/// The dataset filters; they apply to datasets only (a plain graph has no evidence to filter).
struct FilterOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Count relations in these layers: network (ties between actors), responses (what authorities did), claims (who reported what), denials (denied relations), or all. Repeatable. Analyses default to network; path, ego and show to all.",
        valueName: "layer"))
    var layer: [String] = []

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp(
        "Keep only entities of these kinds: \(EntityKind.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "kind"))
    var kind: [String] = []

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp(
        "Keep only relations of these types (see Graphs/FORMAT.md).", valueName: "type"))
    var relation: [String] = []

    @Option(name: .customLong("min-status"), help: ArgumentHelp(
        "Keep relations at least this well established: denied < disputed < reported < confirmed. `confirmed` keeps only what a host government, court or operator confirmed.",
        valueName: "status"))
    var minStatus: String?

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp(
        "Keep entities in these countries and the entities directly related to them.", valueName: "country"))
    var country: [String] = []

    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "Keep relations that held on this date (YYYY, YYYY-MM or YYYY-MM-DD); undated relations are kept.", valueName: "date"))
    var asOf: String?

    var isEmpty: Bool { layer.isEmpty && kind.isEmpty && relation.isEmpty && minStatus == nil && country.isEmpty && asOf == nil }

    func validate() throws {
        _ = try makeFilter()
    }

    /// The filter these options ask for, built by ``DatasetFilter/init(layers:kinds:relationTypes:minimumStatus:countries:asOf:dropIsolated:)``,
    /// which owns the rule for layers left unsaid (the analyses' default, or every layer when
    /// relation types are named).
    /// - Parameter defaultLayers: the layers when `--layer` is not given; nil leaves them to
    ///   that rule.
    func makeFilter(defaultLayers: Set<RelationLayer>? = nil) throws -> DatasetFilter {
        var layers: Set<RelationLayer>?
        if !layer.isEmpty {
            layers = []
            for word in layer.flatMap({ $0.split(separator: ",").map(String.init) }) {
                if word == "all" { layers!.formUnion(RelationLayer.all); continue }
                guard let l = RelationLayer(rawValue: word) else {
                    throw ValidationError("unknown layer '\(word)'; valid layers: \(RelationLayer.allCases.map(\.rawValue).joined(separator: ", ")), all")
                }
                layers!.insert(l)
            }
        }
        let kinds = kind.isEmpty ? nil : Set(try kind.map { word -> EntityKind in
            guard let k = EntityKind(rawValue: word) else {
                throw ValidationError("unknown kind '\(word)'; valid kinds: \(EntityKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return k
        })
        let types = relation.isEmpty ? nil : Set(try relation.map { word -> RelationType in
            guard let t = RelationType(rawValue: word) else {
                throw ValidationError("unknown relation type '\(word)'; valid types: \(RelationType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return t
        })
        var status: EvidenceStatus?
        if let minStatus {
            guard let s = EvidenceStatus(rawValue: minStatus) else {
                throw ValidationError("unknown status '\(minStatus)'; valid: \(EvidenceStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            status = s
        }
        var date: PartialDate?
        if let asOf {
            guard let d = PartialDate(asOf) else { throw ValidationError("--as-of '\(asOf)' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD") }
            date = d
        }
        return DatasetFilter(layers: layers ?? defaultLayers, kinds: kinds, relationTypes: types, minimumStatus: status,
                             countries: country.isEmpty ? nil : Set(country), asOf: date)
    }
}

/// Writes bytes to standard output as they are, unbuffered (for a result streamed in large
/// pieces, such as ``JSONStreamWriter``'s; nothing else may be `print`ed to standard output
/// while such a result is written, or the two could interleave out of order).
func writeOutput(_ bytes: UnsafeBufferPointer<UInt8>) {
    FileHandle.standardOutput.write(Data(buffer: bytes))
}

/// Writes to standard error, every line with its non-printable characters escaped.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((terminalLines(text) + "\n").utf8))
}

/// Text for a terminal: each line with its control and bidirectional-override characters
/// written as `\u{…}` (``escapingNonPrintable(_:)``), so that no name in the data can move the
/// cursor, recolour or retitle the terminal. Line breaks the command itself put there stay.
func terminalLines(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { escapingNonPrintable(String($0)) }.joined(separator: "\n")
}

/// Runs a command body, turning Outpost's errors into messages on stderr and exit code 1.
/// Usage errors (bad options) are left to ArgumentParser, which exits with 64.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as DiagnosticsError {
        for d in error.diagnostics { printError(d.description) }
        if error.diagnostics.contains(where: { $0.location?.file.hasSuffix(".yaml") ?? false }) {
            printError("(run `outpost validate` on the dataset to see every problem)")
        }
        throw ExitCode(1)
    } catch let error as ExitCode {
        throw error
    } catch let error as ValidationError {
        // Thrown while running, ArgumentParser would print the root command's usage; print the
        // running subcommand's instead, with the same exit code 64.
        let name = CommandLine.arguments.dropFirst().first ?? ""
        guard let command = OutpostCommand.configuration.subcommands.first(where: { $0._commandName == name }) else { throw error }
        printError("Error: \(error.message)")
        printError("Usage: \(OutpostCommand.usageString(for: command))")
        printError("  See 'outpost \(name) --help' for more information.")
        throw ExitCode.validationFailure
    } catch let error as EntityLookupError {
        printError("error: \(error)")
        if case let .unknown(_, candidates) = error, candidates.isEmpty {
            printError("(`outpost find PATH TEXT` lists the entities whose id, name or alias contains TEXT)")
        }
        throw ExitCode(1)
    } catch {
        printError("error: \(error)")
        throw ExitCode(1)
    }
}

/// Prints tables in the chosen format.
/// One table prints as a JSON array of rows and a plain CSV; several (or `keyed`) as a JSON
/// object of arrays and CSV blocks whose first column names the table. `context` fields
/// (such as the layers and filter a dataset answer counted) lead a JSON object, which is then
/// always keyed.
func emit(_ tables: [Table], format: OutputFormat, preamble: [String] = [], keyed: Bool = false,
          context: [(String, JSONValue)] = []) {
    switch format {
    case .table:
        var blocks = preamble.map(escapingNonPrintable)
        blocks += tables.map { $0.renderText() }
        print(blocks.joined(separator: "\n\n"))
    case .json:
        if tables.count == 1 && !keyed && context.isEmpty {
            print(tables[0].jsonRows.rendered())
        } else {
            print(JSONValue.object(context + tables.map { ($0.key, $0.jsonRows) }).rendered())
        }
    case .csv:
        if tables.count == 1 && !keyed {
            print(tables[0].renderCSV())
        } else {
            print(tables.map { $0.renderCSV(prefixColumn: $0.key) }.joined(separator: "\n\n"))
        }
    }
}

/// "Filter: layer: network; confirmed only" above a table, for a dataset view that keeps less
/// than everything; nothing for a plain graph or an unfiltered dataset.
func filterPreamble(_ view: DatasetView?) -> [String] {
    guard let view, !view.filter.isEmpty else { return [] }
    return ["Filter: \(view.filter.summary)"]
}

extension LoadedNetwork {
    /// Loads the input and applies the filters; a plain graph with filters is a usage error.
    /// - Parameters:
    ///   - directed: for a dataset, follow relations in their stated direction (default: `--directed`).
    ///   - defaultLayers: the layers counted when `--layer` is not given; nil: network.
    ///   - dropIsolated: also drop the entities the filter leaves without a relation.
    init(_ options: InputOptions, filters: FilterOptions? = nil, directed: Bool? = nil,
         defaultLayers: Set<RelationLayer>? = nil, dropIsolated: Bool = false) throws {
        let (input, warnings) = try GraphLoader(directed: options.directed, delimiter: options.delimiterCharacter,
                                                inputFormat: options.format).load(options.path)
        for w in warnings where w.severity == .warning { printError(w.description) }
        if case .plain = input, let filters, !filters.isEmpty {
            throw ValidationError("--layer, --kind, --relation, --min-status, --country and --as-of apply to datasets; \(options.path) is a plain graph")
        }
        var filter = try filters?.makeFilter(defaultLayers: defaultLayers) ?? DatasetFilter(layers: defaultLayers)
        if case let .dataset(dataset) = input, let unknown = filter.unknownCountries(in: dataset).first {
            let hint = unknown.suggestions.isEmpty ? "`outpost stats` lists the countries" : "did you mean \(unknown.suggestions.map { "'\($0)'" }.joined(separator: " or "))?"
            throw CommandFailure("--country '\(unknown.country)': no entity in \(options.path) is in that country (\(hint))")
        }
        filter.dropIsolated = dropIsolated
        self.init(input, name: URL(fileURLWithPath: options.path).lastPathComponent, filter: filter,
                  directed: directed ?? options.directed)
    }

    /// "Filter: layer: network; confirmed only" above a table, for a dataset whose view keeps
    /// less than everything; nothing for a plain graph or an unfiltered dataset.
    var filterPreamble: [String] { OutpostCLI.filterPreamble(view) }

    /// The `layers` and `filter` fields of a JSON answer about a dataset, so that a program
    /// reading it knows which relations were counted; none for a plain graph.
    var filterFields: [(String, JSONValue)] {
        guard let view else { return [] }
        return [("layers", .array(view.filter.layers.sorted().map { .string($0.rawValue) })),
                ("filter", .string(view.filter.summary))]
    }

    /// The same input under the same options with another default for the layers (a dataset
    /// is not read again); a plain graph is returned as it is.
    func relayered(_ filters: FilterOptions, defaultLayers: Set<RelationLayer>) throws -> LoadedNetwork {
        filtered(by: try filters.makeFilter(defaultLayers: defaultLayers))
    }
}

/// A progress line on standard error for the all-pairs measures (and the seconds a layout has
/// taken), drawn only when standard error is a terminal (scripts and pipes see nothing of it)
/// and redrawn at most four times a second.
final class TerminalProgress: @unchecked Sendable {
    private let label: String
    private let lock = NSLock()
    private var lastDraw: ContinuousClock.Instant?
    private var shown = -1
    private var timer: DispatchSourceTimer?

    init(_ label: String) { self.label = label }

    /// The handler to pass to the library, or nil when standard error is not a terminal.
    var handler: ProgressHandler? {
        guard isatty(STDERR_FILENO) != 0 else { return nil }
        return { [self] done, total in update(done, total) }
    }

    private func update(_ done: Int, _ total: Int) {
        lock.lock(); defer { lock.unlock() }
        let now = ContinuousClock.now
        // Workers report out of order: never draw less than has been drawn.
        guard done > shown, done == total || lastDraw.map({ now - $0 >= .milliseconds(250) }) ?? true else { return }
        lastDraw = now; shown = done
        let percent = total > 0 ? done * 100 / total : 100
        FileHandle.standardError.write(Data("\r\(label): \(percent)% (\(done) of \(total))\u{1B}[K".utf8))
    }

    /// For work that reports no counts (a Graphviz layout cannot): from one second on, the
    /// seconds elapsed, redrawn each second until ``finish()``.
    func showElapsed() {
        guard isatty(STDERR_FILENO) != 0 else { return }
        let start = ContinuousClock.now
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + 1, repeating: 1)
        timer.setEventHandler { [self] in
            lock.lock(); defer { lock.unlock() }
            shown = max(shown, 0)
            FileHandle.standardError.write(Data("\r\(label): \((ContinuousClock.now - start).components.seconds) s\u{1B}[K".utf8))
        }
        lock.lock(); self.timer = timer; lock.unlock()
        timer.resume()
    }

    /// Ends the line, if one was drawn.
    func finish() {
        lock.lock(); defer { lock.unlock() }
        timer?.cancel()
        timer = nil
        if shown >= 0 { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
