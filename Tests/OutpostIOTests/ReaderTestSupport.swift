import Foundation
import Testing
import OutpostGraph
@testable import OutpostIO

/// Field-by-field comparison of two datasets, ignoring where each value was written
/// (`location`, which names a YAML line in one and an export's line in the other).
enum DatasetComparison {
    static func expectEqual(_ read: Dataset, _ original: Dataset, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(read.name == original.name, sourceLocation: sourceLocation)
        #expect(read.title == original.title, sourceLocation: sourceLocation)
        #expect(read.description == original.description, sourceLocation: sourceLocation)
        #expect(read.sources.count == original.sources.count, sourceLocation: sourceLocation)
        #expect(read.entities.count == original.entities.count, sourceLocation: sourceLocation)
        #expect(read.relations.count == original.relations.count, sourceLocation: sourceLocation)
        #expect(read.totals.count == original.totals.count, sourceLocation: sourceLocation)
        for (a, b) in zip(read.sources, original.sources) {
            #expect(a.id == b.id && a.title == b.title && a.publisher == b.publisher && a.date == b.date
                    && a.url == b.url && a.file == b.file && a.note == b.note, "source \(b.id)", sourceLocation: sourceLocation)
        }
        for (a, b) in zip(read.entities, original.entities) {
            #expect(a.id == b.id, sourceLocation: sourceLocation)
            #expect(a.kind == b.kind, "kind of \(b.id)", sourceLocation: sourceLocation)
            #expect(a.name == b.name, "name of \(b.id)", sourceLocation: sourceLocation)
            #expect(a.aliases == b.aliases, "aliases of \(b.id)", sourceLocation: sourceLocation)
            #expect(a.country == b.country && a.city == b.city, "place of \(b.id)", sourceLocation: sourceLocation)
            #expect(a.attributes == b.attributes, "attributes of \(b.id)", sourceLocation: sourceLocation)
            #expect(citations(a.citations) == citations(b.citations), "citations of \(b.id)", sourceLocation: sourceLocation)
        }
        for (a, b) in zip(read.relations, original.relations) {
            let what = "relation \(b.from) \(b.type.rawValue) \(b.to)"
            #expect(a.from == b.from && a.to == b.to && a.type == b.type, "\(what)", sourceLocation: sourceLocation)
            #expect(a.status == b.status, "status of \(what)", sourceLocation: sourceLocation)
            #expect(a.by == b.by, "by of \(what)", sourceLocation: sourceLocation)
            #expect(a.start == b.start && a.end == b.end && a.date == b.date, "dates of \(what)", sourceLocation: sourceLocation)
            #expect(a.note == b.note, "note of \(what)", sourceLocation: sourceLocation)
            #expect(citations(a.citations) == citations(b.citations), "citations of \(what)", sourceLocation: sourceLocation)
        }
        for (a, b) in zip(read.totals, original.totals) {
            #expect(a.label == b.label && a.measure == b.measure && a.value == b.value && a.countries == b.countries
                    && a.scope == b.scope && a.country == b.country && a.date == b.date, "total \(b.label)", sourceLocation: sourceLocation)
            #expect(citations(a.citations) == citations(b.citations), "citations of total \(b.label)", sourceLocation: sourceLocation)
        }
    }

    static func citations(_ list: [Citation]) -> [[String]] { list.map { [$0.source, $0.excerpt] } }
}

/// Expects `body` to throw an error whose message contains `expected` (a reader's
/// `file:line:column: error: what`); records an issue when it throws nothing.
func expectReadError(_ expected: String, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation, _ body: () throws -> Any) {
    do {
        _ = try body()
        Issue.record("accepted: \(what)", sourceLocation: sourceLocation)
    } catch {
        #expect("\(error)".contains(expected), "\(error)", sourceLocation: sourceLocation)
    }
}

/// The rows of CSV text as the project's own CSV scanner (the edge-list reader's) reads them;
/// the header is the first row.
func csvRows(_ text: String, file: String = "<csv>") throws -> [[String]] {
    try Data(text.utf8).withUnsafeBytes { raw in
        var scanner = CSVScanner(bytes: raw.bindMemory(to: UInt8.self))
        var rows: [[String]] = []
        while try scanner.nextRow(file: file) != nil {
            if scanner.isBlankRow { continue }
            rows.append(scanner.fields.map { scanner.text(of: $0) })
        }
        return rows
    }
}

/// CSV rows as dictionaries keyed by the header's names, checking each row has one cell per column.
func csvRecords(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> (header: [String], rows: [[String: String]]) {
    let rows = try csvRows(text)
    let header = try #require(rows.first, sourceLocation: sourceLocation)
    for row in rows.dropFirst() { #expect(row.count == header.count, "\(row)", sourceLocation: sourceLocation) }
    return (header, rows.dropFirst().map { Dictionary(zip(header, $0), uniquingKeysWith: { a, _ in a }) })
}
