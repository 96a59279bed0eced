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

    @Test func streamedJSONEqualsTheRenderedValue() {
        // Rows written one by one, handed on in pieces of at most about 64 bytes, give the same
        // text as the whole value rendered at once.
        let rows: [JSONValue] = (0..<200).map { k in
            .object([("id", .string("n\(k) \"q\"\u{2028}")), ("score", .double(Double(k) / 7)), ("count", .int(k))])
        }
        let whole = JSONValue.object([("measure", .string("pagerank")), ("layers", .array([.string("network")])), ("nodes", .array(rows))])
        var pieces: [String] = []
        var json = JSONStreamWriter(flushingAt: 64) { pieces.append($0) }
        json.open("{")
        json.pairs([("measure", .string("pagerank")), ("layers", .array([.string("network")]))])
        json.key("nodes")
        json.open("[")
        for k in 0..<200 {
            json.separator()
            json.open("{")
            json.key("id"); json.string("n\(k) \"q\"\u{2028}")
            json.key("score"); json.double(Double(k) / 7)
            json.key("count"); json.value(.int(k))
            json.close("}")
        }
        json.close("]")
        json.close("}")
        json.flush()
        #expect(pieces.joined() == whole.rendered())
        #expect(pieces.count > 100 && pieces.allSatisfy { $0.utf8.count < 64 + 200 })
    }

    @Test func spacedAsPythonWritesAndCompactForPages() {
        let value = JSONValue.object([("a", .array([.int(1), .double(2), .double(0.5), .null, .bool(true)])), ("b", .string("x"))])
        #expect(value.rendered() == #"{"a": [1, 2.0, 0.5, null, true], "b": "x"}"#)
        #expect(value.rendered(.compact) == #"{"a":[1,2.0,0.5,null,true],"b":"x"}"#)
        #expect(JSONValue.double(.nan).rendered() == "null")
    }
}

@Suite struct JSONNumberTests {
    @Test func integersAndWholeDoublesAreWrittenAsStringDoes() {
        for i in [0, 7, -7, 10, 1_000_000, Int.max, Int.min, -1] {
            #expect(JSONValue.int(i).rendered() == String(i))
        }
        #expect(JSONValue.double(4).rendered() == "4.0" && JSONValue.double(-12).rendered() == "-12.0")
        #expect(JSONValue.double(0.5).rendered() == "0.5" && JSONValue.double(1e-7).rendered() == "1e-07")
        #expect(JSONValue.double(.nan).rendered() == "null")
    }
}
