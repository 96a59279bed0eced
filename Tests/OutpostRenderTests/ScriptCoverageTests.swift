import Foundation
import Testing
import OutpostGraph
@testable import OutpostRender

/// Chinese, Cyrillic and Latin names are drawn with real glyphs from the fonts that
/// ``DiagramStyle/fontName`` names (setup installs Debian's fonts-noto-cjk).
@Suite struct ScriptCoverageTests {
    func rendering(_ names: [String], as format: RenderFormat) throws -> Data {
        var graph = Graph(directed: false)
        for name in names { graph.addNode(name) }
        if names.count > 1 { graph.addEdge(0, 1) }
        return try GraphvizRenderer().render(try graph.diagram(named: "scripts", DiagramOptions(legend: false)), format: format).data
    }

    /// The fonts a PDF embeds (`/BaseFont /ABCDEF+Name`), without the subset prefix.
    func embeddedFonts(_ pdf: Data) -> Set<String> {
        let text = String(decoding: pdf, as: UTF8.self)
        var fonts = Set<String>()
        var rest = Substring(text)
        while let r = rest.range(of: "/BaseFont /") {
            rest = rest[r.upperBound...]
            let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" }
            fonts.insert(String(name.split(separator: "+").last ?? name))
        }
        return fonts
    }

    @Test func labelsDifferingOnlyInChineseGiveDifferentImages() throws {
        let bureau = try rendering(["福州市公安局", "站"], as: .png)
        #expect(try rendering(["福州市公安局", "站"], as: .png) == bureau)   // rendering is deterministic
        let department = try rendering(["福州市公安厅", "站"], as: .png)
        #expect(department != bureau)
    }

    @Test func chineseIsDrawnWithTheCJKFontAndCyrillicWithDejaVu() throws {
        let chinese = embeddedFonts(try rendering(["福州市公安局"], as: .pdf))
        #expect(chinese.contains { $0.hasPrefix("NotoSansCJK") }, "fonts embedded: \(chinese)")
        let cyrillic = embeddedFonts(try rendering(["Москва"], as: .pdf))
        #expect(cyrillic.contains("DejaVuSans"), "fonts embedded: \(cyrillic)")
        #expect(!cyrillic.contains { $0.hasPrefix("NotoSansCJK") })
    }

    @Test func svgNamesTheFontList() throws {
        let svg = String(decoding: try rendering(["福州", "Rotterdam"], as: .svg), as: UTF8.self)
        #expect(svg.contains("font-family=\"\(DiagramStyle.fontName)\""))
        #expect(DiagramStyle.fontName.contains("DejaVu Sans") && DiagramStyle.fontName.contains("Noto Sans CJK"))
    }
}
