import Foundation
import Testing
import OutpostGraph
@testable import OutpostIO

/// Readers checked against files NetworkX wrote (Tests/Fixtures/generate.py).
@Suite struct PlainGraphReaderTests {
    static let graphs = ["karate", "florentine", "lesmis", "davis", "directed", "weighted", "components",
                         "gnp-50", "gnp-directed-40", "ba-200"]

    @Test(arguments: graphs)
    func graphMLMatchesNetworkX(_ name: String) throws {
        let expected = try TestPaths.expected(name)
        let graph = try GraphMLReader().read(at: "\(TestPaths.fixtures)/graphs/\(name).graphml")
        #expect(graph.isDirected == (expected["directed"] as! Bool))
        #expect(graph.nodeIDs == (expected["nodes"] as! [String]), "node order as NetworkX holds it")
        #expect(GraphIndex(graph).edgeCount == (expected["edges"] as! Int))
    }

    @Test(arguments: graphs)
    func csvMatchesGraphML(_ name: String) throws {
        let csvPath = "\(TestPaths.fixtures)/graphs/\(name).csv"
        guard FileManager.default.fileExists(atPath: csvPath) else { return }  // graphs with isolated nodes have no CSV
        let expected = try TestPaths.expected(name)
        let directed = expected["directed"] as! Bool
        let fromCSV = GraphIndex(try EdgeListReader(directed: directed).read(at: csvPath))
        let fromML = GraphIndex(try GraphMLReader().read(at: "\(TestPaths.fixtures)/graphs/\(name).graphml"))
        #expect(fromCSV.edgeCount == expected["edges"] as! Int)
        #expect(Set(fromCSV.ids) == Set(fromML.ids))
        for u in 0..<fromML.nodeCount {
            for slot in fromML.offsets[u]..<fromML.offsets[u + 1] {
                let a = fromCSV.index(of: fromML.ids[u])!, b = fromCSV.index(of: fromML.ids[Int(fromML.targets[slot])])!
                #expect(fromCSV.weight(from: a, to: b) == fromML.weights[slot])
            }
        }
    }

    @Test func karateWeightsAreRead() throws {
        let graph = GraphIndex(try GraphMLReader().read(at: "\(TestPaths.fixtures)/graphs/karate.graphml"))
        let zero = graph.index(of: "0")!, one = graph.index(of: "1")!
        #expect(graph.weight(from: zero, to: one) == 4)
    }

    @Test func davisKeepsNodeAttributes() throws {
        let graph = try GraphMLReader().read(at: "\(TestPaths.fixtures)/graphs/davis.graphml")
        let sides = Set(graph.nodeAttributes.compactMap { $0["bipartite"] })
        #expect(sides == ["0", "1"])
    }

    func diagnostic(_ body: () throws -> Any) -> Diagnostic? {
        do { _ = try body(); return nil } catch let error as DiagnosticsError { return error.diagnostics.first } catch { return nil }
    }

    @Test func badCSVInputsNameTheLine() throws {
        let bad = "\(TestPaths.fixtures)/graphs/bad"
        let header = try #require(diagnostic { try EdgeListReader().read(at: "\(bad)/missing-header.csv") })
        #expect(header.message.contains("header") && header.location?.line == 1)
        let weight = try #require(diagnostic { try EdgeListReader().read(at: "\(bad)/bad-weight.csv") })
        #expect(weight.message.contains("'abc' is not a number") && weight.location?.line == 4)
        let short = try #require(diagnostic { try EdgeListReader().read(at: "\(bad)/short-row.csv") })
        #expect(short.message.contains("expected") && short.location?.line == 5)
    }

    @Test func csvQuotingAndExtraColumns() throws {
        let text = "source,target,weight,relation\n\"a, Inc.\",b,2.5,\"said \"\"hi\"\"\"\nb,c,,x\n\n"
        let graph = try EdgeListReader().read(Data(text.utf8))
        #expect(graph.nodeIDs == ["a, Inc.", "b", "c"])
        #expect(graph.edgeWeights == [2.5, 1])
        #expect(graph.attributes(ofEdge: 0)["relation"] == "said \"hi\"")
    }

    @Test func csvIdsAreTheFieldTextHoweverQuoted() throws {
        // A quoted id is the same node as the bare one; doubled quotes and a line break inside
        // quotes are part of the id; the graph's String equality decides canonical equivalents.
        let text = "source,target\n\"a\",b\na,\"b\"\n\"say \"\"x\"\"\",\"two\nlines\"\n\"say \"\"x\"\"\",caf\u{E9}\ncafe\u{301},b\n"
        let graph = try EdgeListReader().read(Data(text.utf8))
        #expect(graph.nodeIDs == ["a", "b", "say \"x\"", "two\nlines", "caf\u{E9}"])
        #expect(zip(graph.edgeSources, graph.edgeTargets).map { [$0, $1] } == [[0, 1], [0, 1], [2, 3], [2, 4], [4, 1]])
    }

    @Test func anIdThatIsNotASCIICanEqualAnASCIIOneSeenBefore() throws {
        // The reader appends ASCII ids without asking the graph while every id is ASCII; the
        // Kelvin sign (U+212A) is canonically "K", so it must still find the node "K" read
        // before it, and an ASCII "K" after it must find that node too.
        let text = "source,target\nK,a\n\u{212A},b\nb,K\nx,\u{212A}\n"
        let graph = try EdgeListReader().read(Data(text.utf8))
        #expect(graph.nodeIDs == ["K", "a", "b", "x"])
        #expect(zip(graph.edgeSources, graph.edgeTargets).map { [$0, $1] } == [[0, 1], [0, 2], [2, 0], [3, 0]])
        #expect(graph.index(of: "\u{212A}") == 0 && GraphIndex(graph).index(of: "x") == 3)
    }

    @Test func csvNumberedIdsAreStillText() throws {
        // Plain decimal ids take the reader's numbered path; "007" and "7", "0" and "00",
        // "+7" and "-1" stay distinct ids, as NetworkX keeps them; numbers larger than half the
        // input's size (sparse ids) and longer digit strings take the byte table; both paths agree.
        let ids = ["7", "007", "0", "00", "+7", "-1", "33554432", "33554433", "123456789", "7", "33554433", "0"]
        let text = "source,target\n" + stride(from: 0, to: ids.count, by: 2).map { "\(ids[$0]),\(ids[$0 + 1])\n" }.joined()
            + "123456789,33554432\n00,007\n"
        let graph = try EdgeListReader().read(Data(text.utf8))
        #expect(graph.nodeIDs == ["7", "007", "0", "00", "+7", "-1", "33554432", "33554433", "123456789"])
        #expect(zip(graph.edgeSources, graph.edgeTargets).map { [$0, $1] } == [[0, 1], [2, 3], [4, 5], [6, 7], [8, 0], [7, 2], [8, 6], [3, 1]])
    }

    @Test func csvWithManyNodesKeepsFirstAppearanceOrder() throws {
        // Enough distinct ids to make the id table grow several times; ids up to 8 bytes and
        // longer ones (kept apart by the reader), some sharing their first 8 bytes.
        let n = 20_000
        func id(_ v: Int) -> String { v % 3 == 0 ? "v\(v)" : v % 3 == 1 ? "vertex-\(v)" : "vertex-number-\(v)-of-many" }
        let text = "source,target\n" + (0..<n).map { "\(id($0)),\(id(($0 * 7919) % n))\n" }.joined()
        let graph = try EdgeListReader().read(Data(text.utf8))
        var expected: [String] = [], seen = Set<Int>()
        for k in 0..<n { for v in [k, (k * 7919) % n] where seen.insert(v).inserted { expected.append(id(v)) } }
        // Compared element by element, so that a failure names the first difference only.
        #expect(graph.nodeIDs.count == expected.count)
        #expect(zip(graph.nodeIDs, expected).first { $0 != $1 } == nil)
        #expect(graph.edgeCount == n)
        let pairs = zip(graph.edgeSources, graph.edgeTargets).map { "\(graph.nodeIDs[Int($0)]),\(graph.nodeIDs[Int($1)])" }
        #expect(zip(pairs, (0..<n).map { "\(id($0)),\(id(($0 * 7919) % n))" }).first { $0 != $1 } == nil)
    }

    @Test func badGraphMLInputs() throws {
        let bad = "\(TestPaths.fixtures)/graphs/bad"
        let unclosed = try #require(diagnostic { try GraphMLReader().read(at: "\(bad)/unclosed.graphml") })
        #expect(unclosed.message.contains("not well-formed") || unclosed.message.contains("truncated"))
        let unknown = try #require(diagnostic { try GraphMLReader().read(at: "\(bad)/unknown-node.graphml") })
        #expect(unknown.message.contains("not declared") && (unknown.location?.line ?? 0) > 1)
        let weight = try #require(diagnostic { try GraphMLReader().read(at: "\(bad)/bad-weight.graphml") })
        #expect(weight.message.contains("not a number"))
    }
}

/// The CSV delimiter: sniffed from the header (comma, tab, semicolon) or given.
@Suite struct EdgeListDelimiterTests {
    @Test(arguments: [("source;target;weight\na;b;2\n", "semicolons"), ("source\ttarget\tweight\na\tb\t2\n", "tabs"),
                      ("\"source\";\"target\";\"weight\"\n\"a\";\"b\";2\n", "quoted semicolons"),
                      ("source,target,weight\na,b,2\n", "commas")])
    func theHeaderSaysWhichDelimiter(_ text: String, _ what: String) throws {
        let graph = try EdgeListReader().read(Data(text.utf8))
        #expect(graph.nodeIDs == ["a", "b"] && graph.edgeWeights == [2], "\(what)")
    }

    @Test func aCommaInsideQuotesDoesNotDecide() throws {
        let graph = try EdgeListReader().read(Data("source;target;note\na;b;\"x, y\"\n".utf8))
        #expect(graph.attributes(ofEdge: 0)["note"] == "x, y")
    }

    @Test func aGivenDelimiterWins() throws {
        let graph = try EdgeListReader(delimiter: "|").read(Data("source|target\na,1|b;2\n".utf8))
        #expect(graph.nodeIDs == ["a,1", "b;2"])
    }

    @Test func aWrongGivenDelimiterNamesTheOneInTheFile() {
        do {
            _ = try EdgeListReader(delimiter: "|").read(Data("source;target\na;b\n".utf8), file: "x.csv")
            Issue.record("read with the wrong delimiter")
        } catch {
            #expect("\(error)".contains("x.csv:1:1: error: the fields are separated by ';', not by the '|' delimiter"))
            #expect("\(error)".contains("read it with ';' as the delimiter"))
        }
    }

    @Test func aQuoteCannotBeTheDelimiter() {
        #expect(throws: InputError.self) { try EdgeListReader(delimiter: "\"").read(Data("a\"b\n".utf8)) }
    }
}

/// Display names from the tools that write GraphML: igraph (`name` then `label`) and yEd.
@Suite struct GraphMLLabelTests {
    @Test func igraphsLabelWinsOverItsName() throws {
        // As igraph's write_graphml writes a graph with vertex attributes name and label.
        let text = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
          <key id="v_name" for="node" attr.name="name" attr.type="string"/>
          <key id="v_label" for="node" attr.name="label" attr.type="string"/>
          <graph id="G" edgedefault="undirected">
            <node id="n0"><data key="v_name">a</data><data key="v_label">Alpha</data></node>
            <node id="n1"><data key="v_name">b</data></node>
            <edge source="n0" target="n1"/>
          </graph>
        </graphml>
        """
        let graph = try GraphMLReader().read(Data(text.utf8))
        #expect(graph.nodeLabels == ["Alpha", "b"])
        #expect(graph.nodeAttributes[0] == ["name": "a", "label": "Alpha"])
    }

    @Test func yEdsNodeLabelIsTheNameAndItsDrawingIsNotData() throws {
        let text = """
        <?xml version="1.0" encoding="UTF-8" standalone="no"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
          <key for="node" id="d5" attr.name="description" attr.type="string"/>
          <key for="node" id="d6" yfiles.type="nodegraphics"/>
          <key for="edge" id="d10" yfiles.type="edgegraphics"/>
          <graph edgedefault="directed" id="G">
            <node id="n0">
              <data key="d5">a bureau</data>
              <data key="d6">
                <y:ShapeNode>
                  <y:Geometry height="30.0" width="30.0" x="0.0" y="0.0"/>
                  <y:NodeLabel alignment="center" fontSize="12">Lishui police</y:NodeLabel>
                </y:ShapeNode>
              </data>
            </node>
            <node id="n1"/>
            <edge id="e0" source="n0" target="n1">
              <data key="d10"><y:PolyLineEdge><y:EdgeLabel>set up</y:EdgeLabel></y:PolyLineEdge></data>
            </edge>
          </graph>
        </graphml>
        """
        let graph = try GraphMLReader().read(Data(text.utf8))
        #expect(graph.nodeLabels == ["Lishui police", nil])
        #expect(graph.nodeAttributes[0] == ["description": "a bureau"])
        #expect(graph.attributes(ofEdge: 0) == ["id": "e0"])
    }
}
