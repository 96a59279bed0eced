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

    /// An edge list and its node table read back together keep every node (those without edges
    /// too) in its order, with its label and attributes, and every edge with its attributes.
    @Test(arguments: graphs)
    func csvWithItsNodeTableRoundTrip(_ name: String) throws {
        let original = try GraphMLReader().read(at: "\(TestPaths.fixtures)/graphs/\(name).graphml")
        let writer = EdgeListWriter()
        let back = try EdgeListReader(directed: original.isDirected).read(Data(writer.write(original).utf8), file: "\(name).csv",
                                                                        nodeTable: Data(writer.nodeTable(original).utf8), nodeFile: "\(name).nodes.csv")
        // GraphMLReader keeps a `label` key as an attribute as well; the node table writes it once, as the label.
        #expect(back.nodeAttributes == original.nodeAttributes.map { $0.filter { $0.key != "label" } })
        #expect(back.nodeIDs == original.nodeIDs && back.nodeLabels == original.nodeLabels)
        #expect(edges(back) == edges(original))
    }

    /// The CSV export of the bundled dataset (the edge list and node table `outpost export -o
    /// all.csv` writes) reads back with every id, name and field the CSV carries. A CSV cell
    /// cannot tell an empty value from an absent one: the edge list reads an empty cell as "",
    /// which no dataset field ever is.
    @Test func theDatasetsCSVExportReadsBackWithEveryField() throws {
        let (dataset, _) = try DatasetReader().readValid(at: TestPaths.path("Graphs/overseas-police-stations"))
        let graph = DatasetView(dataset, filter: .everything).exportGraph()
        #expect(graph.nodeAttributes.contains { $0["aliases"] != nil } && graph.nodeAttributes.contains { $0["attributes"] != nil })
        let writer = EdgeListWriter()
        let back = try EdgeListReader(directed: true).read(Data(writer.write(graph).utf8), file: "all.csv",
                                                         nodeTable: Data(writer.nodeTable(graph).utf8), nodeFile: "all.nodes.csv")
        #expect(back.nodeIDs == graph.nodeIDs && back.nodeLabels == graph.nodeLabels && back.nodeAttributes == graph.nodeAttributes)
        #expect(back.edgeCount == dataset.relations.count)
        for e in 0..<graph.edgeCount {
            #expect(back.attributes(ofEdge: e).filter { !$0.value.isEmpty } == graph.attributes(ofEdge: e), "edge \(e)")
            #expect(back.edgeSources[e] == graph.edgeSources[e] && back.edgeTargets[e] == graph.edgeTargets[e])
        }
    }

    @Test func aNodeTableWithoutAnIdOrWithARepeatedNodeIsRefusedWithItsLine() {
        let edges = Data("source,target\na,b\n".utf8)
        expectReadError("n.csv:1:1: error: the first line of a node table must be a header naming the column `id`", "no id column") {
            try EdgeListReader().read(edges, nodeTable: Data("name,label\na,A\n".utf8), nodeFile: "n.csv")
        }
        expectReadError("n.csv:3:1: error: node 'a' has a second row in the node table", "a repeated id") {
            try EdgeListReader().read(edges, nodeTable: Data("id,label\na,A\na,B\n".utf8), nodeFile: "n.csv")
        }
        expectReadError("n.csv:2:1: error: expected 2 fields", "a short row") {
            try EdgeListReader().read(edges, nodeTable: Data("id,label\na\n".utf8), nodeFile: "n.csv")
        }
        expectReadError("n.csv:1:6: error: the column 'x' is named twice in the header", "a repeated column") {
            try EdgeListReader().read(edges, nodeTable: Data("id,x,x\na,1,2\n".utf8), nodeFile: "n.csv")
        }
        expectReadError("e.csv:1:20: error: the column 'note' is named twice", "a repeated edge column") {
            try EdgeListReader().read(Data("source,target,note,note\na,b,1,2\n".utf8), file: "e.csv")
        }
    }

    @Test func edgeAttributeNamesKeepTheirCase() throws {
        let graph = try EdgeListReader().read(Data("Source,TARGET,Weight,Kind\na,b,2,x\n".utf8))
        #expect(graph.edgeWeights == [2] && graph.attributes(ofEdge: 0) == ["Kind": "x"])
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
