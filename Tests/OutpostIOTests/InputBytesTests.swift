import Foundation
import OutpostGraph
@testable import OutpostIO
import Testing

/// The byte checks every reader makes before parsing, and what they let through.
@Suite struct InputBytesTests {
    func problem(_ bytes: [UInt8], xml: Bool = false) -> Diagnostic? {
        bytes.withUnsafeBufferPointer { InputBytes.textProblem(in: $0, file: "f", xml: xml) }
    }

    @Test func findsTheFirstBadByteWithItsLineAndColumn() throws {
        #expect(problem(Array("a,b\nc,é\n".utf8)) == nil)
        let latin1 = try #require(problem(Array("a,b\nc,".utf8) + [0xE9, 0x0A]))
        #expect(latin1.location == SourceLocation(file: "f", line: 2, column: 3))
        // Overlong forms and surrogates are not UTF-8.
        #expect(problem([0xC0, 0x80]) != nil)
        #expect(problem([0xED, 0xA0, 0x80]) != nil)
        #expect(problem([0xF4, 0x90, 0x80, 0x80]) != nil)
        #expect(problem([0xE2, 0x82]) != nil)  // cut short
        #expect(problem([0x61, 0x00])?.message.contains("NUL") == true)
    }

    @Test func xmlAlsoRefusesControlCharactersAndNonCharacters() {
        #expect(problem([0x61, 0x01]) == nil)
        #expect(problem([0x61, 0x01], xml: true)?.location?.column == 2)
        #expect(problem([0x09, 0x0D, 0x0A], xml: true) == nil)
        #expect(problem([0xEF, 0xBF, 0xBF], xml: true) != nil)
    }

    @Test func messagesEscapeWhatIsNotPrintable() {
        let d = Diagnostic(at: nil, "name 'a\u{1B}[31m\u{202E}b\nc'")
        #expect(d.message == "name 'a\\u{1B}[31m\\u{202E}b\\u{A}c'")
        #expect(printable(String(repeating: "x", count: 100), limit: 10) == "xxxxxxxxxx… (100 characters)")
    }

    /// Given to XMLParser whole, libxml2 stops at 10,000,000 bytes; the reader streams such files.
    @Test func readsGraphMLOverTenMillionBytes() throws {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml><graph edgedefault=\"undirected\">\n"
        let n = 200_000
        for i in 0..<n { text += "<node id=\"node-\(i)\"/>\n" }
        for i in 1..<n { text += "<edge source=\"node-\(i - 1)\" target=\"node-\(i)\"/>\n" }
        text += "</graph></graphml>\n"
        #expect(text.utf8.count > 10_000_000)
        let graph = try GraphMLReader().read(Data(text.utf8))
        #expect(graph.nodeCount == n && graph.edgeCount == n - 1)
    }

    /// XMLParser traps on bytes that are not UTF-8 in an element name; they must never reach it.
    @Test func malformedElementNamesAreRefusedBeforeTheParser() throws {
        let bytes = Array("<graphml><graph edgedefault=\"directed\"><no".utf8) + [0xFF, 0xFE] + Array("de id=\"a\"/></graph></graphml>".utf8)
        #expect(throws: DiagnosticsError.self) { try GraphMLReader().read(Data(bytes)) }
    }
}
