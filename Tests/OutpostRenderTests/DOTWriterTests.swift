import Testing
import OutpostGraph
@testable import OutpostRender

@Suite struct DOTWriterTests {
    /// A graph whose names try to break out of DOT strings, labels and XML.
    static func hostileGraph() -> Graph {
        var g = Graph(directed: true)
        let quote = g.addNode("a\" -> b")
        let script = g.addNode("<script>alert(1)</script>")
        let brace = g.addNode("}")
        let slash = g.addNode("back\\slash\\", label: "C:\\dir\\ ends with \\")
        let lines = g.addNode("line\nbreak", label: "first line\nsecond line\r\nthird")
        let keyword = g.addNode("node")
        let chinese = g.addNode("中文", label: "福州市公安局 🚓")
        let amp = g.addNode("a&b", label: "AT&T &lt;b&gt; \\N \\G")
        g.addEdge(quote, script)
        g.addEdge(brace, slash)
        g.addEdge(lines, keyword, weight: 2)
        g.addEdge(chinese, amp)
        g.addEdge(amp, quote)
        return g
    }

    @Test func hostileNamesMatchGolden() throws {
        let diagram = try Self.hostileGraph().diagram(named: "hostile \"graph\" {", DiagramOptions(edgeLabels: true, legend: false))
        let dot = DOTWriter().write(diagram)
        #expect(try TestPaths.matchesGolden(dot, "hostile.dot"), "\(dot)")
    }

    @Test func idsAreQuotedAndEscapedOneToOne() {
        #expect(DOTWriter.quotedID("plain") == #""plain""#)
        #expect(DOTWriter.quotedID(#"a" -> b"#) == #""a\" -> b""#)
        #expect(DOTWriter.quotedID(#"ends\"#) == #""ends\\""#)
        #expect(DOTWriter.quotedID("two\nlines") == #""two\u{A}lines""#)
        // A literal backslash-u text and a control character stay different ids.
        #expect(DOTWriter.quotedID(#"two\u{A}lines"#) != DOTWriter.quotedID("two\nlines"))
        #expect(DOTWriter.quotedID("}") == #""}""#)
    }

    @Test func textIsEscapedForGraphvizLabels() {
        #expect(DOTWriter.quotedText("a\nb\r\nc\rd") == #""a\nb\nc\nd""#)
        #expect(DOTWriter.quotedText(#"\N"#) == #""\\N""#)
        #expect(DOTWriter.quotedText("AT&T") == #""AT&amp;T""#)
        #expect(DOTWriter.quotedText("tab\there\u{7}") == #""tab here""#)
        #expect(DOTWriter.quotedText("<b>{x}</b> 中文 🚓") == #""<b>{x}</b> 中文 🚓""#)
        #expect(DOTWriter.htmlEscaped(#"<a href="x">&'"#) == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;")
    }

    @Test func numbersHaveAtMostFourDecimals() {
        #expect(DOTWriter.format(1) == "1")
        #expect(DOTWriter.format(0.75) == "0.75")
        #expect(DOTWriter.format(1.0 / 3) == "0.3333")
        #expect(DOTWriter.format(-2.5) == "-2.5")
        #expect(DOTWriter.format(.nan) == "0")
    }

    @Test func clustersGetTheClusterPrefixAndHTMLIsWrittenBare() {
        var graph = StyledGraph(name: "g", isDirected: false)
        graph.graphAttributes = [DOTAttribute("label", .html("<b>x</b>"))]
        graph.clusters = [StyledCluster(id: "box", nodes: [StyledNode(id: "a")])]
        graph.edges = [StyledEdge(from: "a", to: "b")]
        #expect(DOTWriter().write(graph) == """
        graph "g" {
          graph ["label"=<<b>x</b>>];
          subgraph "cluster_box" {
            "a";
          }
          "a" -- "b";
        }

        """)
    }

    @Test func sameInputGivesByteIdenticalText() throws {
        let view = try TestPaths.miniView()
        let options = DiagramOptions(edgeLabels: true, sizeBy: .degree, clusterBy: .country)
        let first = DOTWriter().write(try view.diagram(options))
        let second = DOTWriter().write(try TestPaths.miniView().diagram(options))
        #expect(first == second)
    }
}
