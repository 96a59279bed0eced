import Foundation
import Testing
import OutpostGraph
@testable import OutpostIO

/// Sheets written, read back and written as YAML, compared field by field with the dataset
/// they came from; and what the reader says about sheets a person got wrong.
@Suite struct DatasetSheetsTests {
    static func folder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("outpost-sheets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.path
    }

    /// dataset → sheets → dataset → YAML → DatasetReader: each step equals the original.
    static func roundTrip(_ original: Dataset) throws {
        let sheets = try folder(), yaml = try folder()
        defer { try? FileManager.default.removeItem(atPath: sheets); try? FileManager.default.removeItem(atPath: yaml) }
        try DatasetSheetsWriter().write(DatasetView(original, filter: .everything), toFolder: sheets)
        var (read, _) = try DatasetSheetsReader().read(folder: sheets)
        read.name = original.name
        DatasetComparison.expectEqual(read, original)
        try DatasetYAMLWriter().write(read, toFolder: yaml)
        var (reread, _) = try DatasetReader().readValid(at: yaml)
        reread.name = original.name
        DatasetComparison.expectEqual(reread, original)
    }

    @Test func theBundledDatasetSurvivesSheetsAndYAML() throws {
        let (original, _) = try DatasetReader().readValid(at: TestPaths.path("Graphs/overseas-police-stations"))
        try Self.roundTrip(original)
    }

    @Test func awkwardTextSurvivesSheetsAndYAML() throws {
        try Self.roundTrip(DatasetGraphMLWriterTests.dataset(note: "a, \"b\"\r\nc\td # e: f \u{2028}g\u{85}h\u{7F} 'q' \\ {x} [y] &z *w !v %u @t `s"))
    }

    @Test func anUnknownKindNamesSheetRowAndColumn() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try DatasetSheetsWriter().write(DatasetView(DatasetGraphMLWriterTests.dataset(note: "n"), filter: .everything), toFolder: dir)
        let entities = dir + "/entities.csv"
        try (try String(contentsOfFile: entities, encoding: .utf8)).replacingOccurrences(of: ",police-station,", with: ",police-statoin,")
            .write(toFile: entities, atomically: true, encoding: .utf8)
        expectReadError("\(dir)/entities.csv:3:3: error: column kind: unknown kind 'police-statoin' (did you mean 'police-station'?", "a misspelt kind") {
            try DatasetSheetsReader().read(folder: dir)
        }
    }

    @Test func aMissingColumnAndADanglingCitationAreNamed() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try DatasetSheetsWriter().write(DatasetView(DatasetGraphMLWriterTests.dataset(note: "n"), filter: .everything), toFolder: dir)
        let citations = dir + "/citations.csv"
        try (try String(contentsOfFile: citations, encoding: .utf8)).replacingOccurrences(of: "relation,r2,", with: "relation,r9,")
            .write(toFile: citations, atomically: true, encoding: .utf8)
        expectReadError("column id: no relation has the id 'r9'", "a citation of no relation") { try DatasetSheetsReader().read(folder: dir) }
        try "id,title\ns1,A report\n".write(toFile: dir + "/sources.csv", atomically: true, encoding: .utf8)
        expectReadError("\(dir)/sources.csv:1:1: error: the columns are id,title; missing: publisher, date, url, file, note", "a sheet short of columns") {
            try DatasetSheetsReader().read(folder: dir)
        }
    }
}
