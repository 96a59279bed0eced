import Testing
@testable import OutpostGraph

/// The one JSON writer: what it escapes (as Python's `json.dumps(..., ensure_ascii=False)`
/// writes it, plus U+2028/U+2029) and its two separator styles.
@Suite struct JSONValueTests {
    @Test func quotesOnlyWhatJSONNeedsAndTheJavaScriptLineSeparators() {
        let cases: [(String, String)] = [
            ("fuzhou-psb", #""fuzhou-psb""#),
            ("", #""""#),
            ("say \"hi\"", #""say \"hi\"""#),
            ("a\\b", #""a\\b""#),
            ("line\nbreak\r\ttab", #""line\nbreak\r\ttab""#),
            ("\u{01}\u{1F}\u{7F}", "\"\\u0001\\u001f\u{7F}\""),
            ("福州 “quoted” – dash…", "\"福州 “quoted” – dash…\""),
            ("sep\u{2028}par\u{2029}", #""sep\u2028par\u2029""#),
            ("\u{1B}[31mred", #""\u001b[31mred""#),
        ]
        for (text, expected) in cases {
            #expect(JSONValue.string(text).rendered() == expected, "\(text.debugDescription)")
        }
    }

    @Test func spacedAsPythonWritesAndCompactForPages() {
        let value = JSONValue.object([("a", .array([.int(1), .double(2), .double(0.5), .null, .bool(true)])), ("b", .string("x"))])
        #expect(value.rendered() == #"{"a": [1, 2.0, 0.5, null, true], "b": "x"}"#)
        #expect(value.rendered(.compact) == #"{"a":[1,2.0,0.5,null,true],"b":"x"}"#)
        #expect(JSONValue.double(.nan).rendered() == "null")
    }
}
