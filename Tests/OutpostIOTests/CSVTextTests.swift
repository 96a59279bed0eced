import Testing
@testable import OutpostIO

/// The one CSV quoting routine, read back with the project's CSV scanner.
@Suite struct CSVTextTests {
    @Test func whatWouldSplitOrBeTrimmedIsQuotedAndReadsBack() throws {
        let values = ["plain", "福州", "a,b", "say \"hi\"", "line\nbreak", "cr\rhere", "crlf\r\nhere", " padded", "end ", ""]
        #expect(values.map(CSVText.field) == ["plain", "福州", "\"a,b\"", "\"say \"\"hi\"\"\"", "\"line\nbreak\"", "\"cr\rhere\"",
                                             "\"crlf\r\nhere\"", "\" padded\"", "\"end \"", ""])
        let rows = try csvRows(CSVText.row(values) + CSVText.row(values.reversed()))
        #expect(rows == [values, values.reversed()])
    }
}
