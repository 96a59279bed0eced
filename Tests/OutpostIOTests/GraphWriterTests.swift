import Foundation
import Testing
import OutpostGraph
@testable import OutpostIO

/// The writers, checked by reading their output back with the readers.
@Suite struct GraphWriterTests {
    static let graphs = ["karate", "florentine", "lesmis", "davis", "directed", "weighted", "components", "gnp-directed-40"]

    func edges(_ graph: Graph) -> [String] {
        (0..<graph.edgeCount).map { e in
            let attributes = graph.attributes(ofEdge: e).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            return "\(graph.nodeIDs[Int(graph.edgeSources[e])])|\(graph.nodeIDs[Int(graph.edgeTargets[e])])|\(graph.edgeWeights[e])|\(attributes)"
        }
    }

    func assertSameGraph(_ a: Graph, _ b: Graph, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(a.isDirected == b.isDirected, sourceLocation: sourceLocation)
        #expect(a.nodeIDs == b.nodeIDs, sourceLocation: sourceLocation)
        #expect(a.nodeLabels == b.nodeLabels, sourceLocation: sourceLocation)
        // The reader also keeps a `label` key as an attribute.
        #expect(a.nodeAttributes.map { $0.filter { $0.key != "label" } } == b.nodeAttributes.map { $0.filter { $0.key != "label" } },
                sourceLocation: sourceLocation)
        #expect(edges(a) == edges(b), sourceLocation: sourceLocation)
    }

    @Test(arguments: graphs)
    func graphMLRoundTrip(_ name: String) throws {
        let original = try GraphMLReader().read(at: "\(TestPaths.fixtures)/graphs/\(name).graphml")
        try #require(original.edgeCount > 0)
        let text = GraphMLWriter().write(original)
        let back = try GraphMLReader().read(Data(text.utf8), file: "\(name).graphml")
        assertSameGraph(original, back)
        #expect(GraphMLWriter().write(back) == text, "writing is deterministic")
    }

    @Test(arguments: graphs)
    func csvRoundTrip(_ name: String) throws {
        let original = try GraphMLReader().read(at: "\(TestPaths.fixtures)/graphs/\(name).graphml")
        let writer = EdgeListWriter()
        let text = writer.write(original)
        let back = try EdgeListReader(directed: original.isDirected).read(Data(text.utf8), file: "\(name).csv")
        let lost = Set(writer.nodesLost(in: original).map { original.nodeIDs[$0] })
        #expect(Set(back.nodeIDs) == Set(original.nodeIDs).subtracting(lost))
        #expect(edges(back) == edges(original))
        if name == "components" { #expect(lost == ["15", "16", "17"]) } else if name != "directed" { #expect(lost.isEmpty) }
        if name == "karate" { #expect(text.hasPrefix("source,target,weight\n0,1,4.0\n")) }
    }

    @Test func awkwardTextSurvivesBothFormats() throws {
        var graph = Graph(directed: true)
        let a = graph.addNode("a&b <c>", label: "Ä \"quoted\" 'name'", attributes: ["kind": "x, y"])
        let b = graph.addNode("comma,id", label: "line\nbreak", attributes: ["kind": "福州"])
        let c = graph.addNode(" padded ")
        graph.addEdge(a, b, weight: 0.25, attributes: ["relation": "said \"so\", twice", "id": "e1"])
        graph.addEdge(b, c, weight: 3, attributes: ["relation": "", "id": "e2"])
        graph.addEdge(c, a, weight: 1, attributes: ["relation": "plain", "id": "e3"])
        let xml = try GraphMLReader().read(Data(GraphMLWriter().write(graph).utf8))
        assertSameGraph(graph, xml)
        let csv = try EdgeListReader(directed: true).read(Data(EdgeListWriter().write(graph).utf8))
        #expect(csv.nodeIDs == graph.nodeIDs)
        #expect(edges(csv) == edges(graph))
    }

    @Test func unweightedGraphsOmitTheWeight() {
        var graph = Graph(directed: false)
        graph.addNode("a"); graph.addNode("b")
        graph.addEdge(0, 1)
        #expect(EdgeListWriter().write(graph) == "source,target\na,b\n")
        #expect(!GraphMLWriter().write(graph).contains("weight"))
    }
}
