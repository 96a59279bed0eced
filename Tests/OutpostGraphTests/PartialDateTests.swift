import Testing
@testable import OutpostGraph

@Suite struct PartialDateTests {
    @Test(arguments: ["2022", "2022-03", "2022-03-15", "2024-02-29"])
    func parsesValidDates(_ text: String) throws {
        let date = try #require(PartialDate(text))
        #expect(date.description == text)
    }

    @Test(arguments: ["", "22", "2022-3", "2022-13", "2022-00", "2022-02-30", "2023-02-29", "2022/03", "2022-03-15-01", "abcd"])
    func rejectsInvalidDates(_ text: String) {
        #expect(PartialDate(text) == nil)
    }

    @Test func partialDateCoversItsPeriod() throws {
        let march = try #require(PartialDate("2022-03"))
        #expect(march.earliest == 20220301)
        #expect(march.latest == 20220331)
        let year = try #require(PartialDate("2022"))
        #expect(year.latest == 20221231)
        #expect(year < march)
        #expect(march < PartialDate("2022-03-02")!)
    }

    @Test func relationHoldsAsOf() throws {
        var relation = Relation(from: "a", type: .established, to: "b", start: PartialDate("2022-03"), end: PartialDate("2022-11"))
        #expect(relation.holds(asOf: PartialDate("2022-03")!))
        #expect(relation.holds(asOf: PartialDate("2022-03-31")!))
        #expect(!relation.holds(asOf: PartialDate("2022-02-28")!))
        #expect(!relation.holds(asOf: PartialDate("2022-12")!))
        relation.start = nil
        relation.end = nil
        #expect(relation.holds(asOf: PartialDate("1990")!), "an undated relation always holds")
        relation.date = PartialDate("2022-10-26")
        #expect(!relation.holds(asOf: PartialDate("2022-10-25")!))
    }
}
