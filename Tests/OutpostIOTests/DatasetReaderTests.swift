import Foundation
import Testing
import OutpostGraph
@testable import OutpostIO

@Suite struct DatasetReaderTests {
    @Test func readsTheMiniDataset() throws {
        let result = try DatasetReader().read(at: TestPaths.data + "/mini")
        #expect(result.diagnostics.isEmpty)
        let d = result.dataset
        #expect(d.name == "mini")
        #expect(d.title == "A small test network")
        #expect(d.entities.map(\.id) == ["springfield-psb", "station-shelbyville", "shelbyville-council"])
        #expect(d.entity("springfield-psb")?.aliases == ["Springfield police", "春田市公安局"])
        let investigated = try #require(d.relations.first { $0.type == .investigated })
        #expect(investigated.status == .confirmed)
        #expect(investigated.by == ["shelbyville-council"])
        #expect(investigated.date == PartialDate("2022-04"))
        #expect(investigated.location?.line == 10)
        #expect(investigated.location?.file.hasSuffix("mini/relations.yaml") == true)
        #expect(d.totals.first?.value == 2)
        #expect(d.validate().isEmpty)
    }

    @Test func brokenDatasetReportsAllFivePlantedProblemsWithLines() throws {
        let result = try DatasetReader().read(at: TestPaths.data + "/broken")
        let all = result.problems
        func find(_ fragment: String) -> Diagnostic? { all.first { $0.message.contains(fragment) } }
        let date = try #require(find("'2022-13-40' is not a date"))
        #expect(date.location?.line == 17 && date.location?.file.hasSuffix("relations.yaml") == true)
        let duplicate = try #require(find("duplicate entity id 'springfield-psb'"))
        #expect(duplicate.location?.line == 15)
        let dangling = try #require(find("unknown entity 'station-shelbyvile'"))
        #expect(dangling.location?.line == 2)
        #expect(dangling.hint?.contains("station-shelbyville") == true)
        let uncited = try #require(find("operated-by station-shelbyville has no citation"))
        #expect(uncited.location?.line == 9)
        // operated-by runs from the station to the bureau; the fixture has it the other way.
        let reversed = try #require(find("operated-by station-shelbyville runs the wrong way"))
        #expect(reversed.location?.line == 9 && reversed.hint?.hasPrefix("swap from and to") == true)
        #expect(all.count == 5)
    }

    func readString(_ yaml: String) throws -> DatasetReader.Result {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("outpost-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try yaml.write(to: dir.appendingPathComponent("data.yaml"), atomically: true, encoding: .utf8)
        return try DatasetReader().read(at: dir.path)
    }

    @Test func unknownWordsGetSuggestions() throws {
        let result = try readString("""
        entities:
          - id: a
            kind: persn
            name: A
            cites: []
        relations:
          - from: a
            type: establised
            to: a
            status: rumoured
        """)
        let messages = result.diagnostics.map(\.description)
        #expect(messages.contains { $0.contains(":3:11: error: unknown kind 'persn'") && $0.contains("did you mean 'person'") })
        #expect(messages.contains { $0.contains(":5:5: error: unknown key 'cites'") && $0.contains("did you mean 'cite'") })
        #expect(messages.contains { $0.contains(":8:11: error: unknown type 'establised'") && $0.contains("'established'") })
        #expect(messages.contains { $0.contains("unknown status 'rumoured'") })
    }

    @Test func yamlSyntaxErrorHasLineAndColumn() throws {
        let result = try readString("entities:\n  - id: a\n    name: \"unclosed\n")
        let problem = try #require(result.diagnostics.first)
        #expect(problem.message.hasPrefix("YAML syntax"))
        #expect((problem.location?.line ?? 0) >= 3)
    }

    @Test func missingPathIsAClearError() {
        #expect(throws: InputError.self) { try DatasetReader().read(at: "/nonexistent/outpost") }
    }

    @Test func excerptCheckerNormalisesWhitespaceAndQuotesOnly() throws {
        let d = try DatasetReader().read(at: TestPaths.data + "/mini").dataset
        let report = ExcerptChecker(directory: TestPaths.data + "/sources").check(d)
        #expect(report.diagnostics.isEmpty)
        #expect(report.checked == 7)
        #expect(ExcerptChecker.normalise("a\n “b”  c’s") == "a \"b\" c's")
        let broken = Dataset(name: "x", sources: d.sources, entities: [
            Entity(id: "e", kind: .person, name: "E", citations: [Citation(source: "example-daily", excerpt: "the Springfield police opened")]),
        ], relations: [])
        #expect(ExcerptChecker(directory: TestPaths.data + "/sources").check(broken).diagnostics.count == 1)
    }
}
