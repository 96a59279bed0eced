import Foundation
import Outpost
@testable import OutpostReport
import OutpostTestSupport
import Testing

/// The explorer page as a browser would judge it: the CSP hashes must be those of the inline
/// script and style exactly as embedded (else the browser runs nothing), and data must stay
/// inside its JSON element. The hash function is checked against digests Python's hashlib
/// computed, not against itself.
@Suite struct ExplorerTests {
    @Test func sha256MatchesKnownDigests() {
        // base64(SHA-256) from Python's hashlib: empty, one block, two blocks (the FIPS 180-4
        // 448-bit message) and 240 bytes of UTF-8 spanning four blocks.
        #expect(SHA256.base64("") == "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")
        #expect(SHA256.base64("abc") == "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=")
        #expect(SHA256.base64("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") == "JI1qYdIGOLjlwCaTDD5gOaM85Flk/yFn9uzt1BnbBsE=")
        #expect(SHA256.base64(String(repeating: "福州", count: 40)) == "M4snwxSPCn87iYkLTmWYbI3TAsHsCQ/rxAAoTIF+W3k=")
    }

    /// The text between the first `open` and the next `close` after it.
    static func element(_ html: String, _ open: String, _ close: String) -> String? {
        guard let start = html.range(of: open), let end = html.range(of: close, range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.upperBound..<end.lowerBound])
    }

    @Test func cspHashesAreThoseOfTheEmbeddedScriptAndStyle() throws {
        let network = try LoadedNetwork(contentsOf: Outpost.path("Tests/Data/hostile/hostile.yaml"), filter: .everything)
        let html = try Explorer(network).html()
        // The attribute as the browser reads it (the page escapes its quotes as &#39;).
        let csp = try #require(Self.element(html, "http-equiv=\"Content-Security-Policy\" content=\"", "\""))
            .replacingOccurrences(of: "&#39;", with: "'")
        #expect(csp.contains("default-src 'none'"))
        let style = try #require(Self.element(html, "<style>", "</style>"))
        #expect(csp.contains("style-src 'sha256-\(SHA256.base64(style))'"))
        let script = try #require(Self.element(html, "<script>", "</script>"))
        #expect(csp.contains("script-src 'sha256-\(SHA256.base64(script))'"))
        // Data sits in its JSON element, with nothing that could close it or start markup.
        let data = try #require(Self.element(html, "<script type=\"application/json\"", "</script>"))
        let json = String(data.drop { $0 != ">" }.dropFirst())
        #expect(!json.contains("<") && !json.contains(">") && !json.contains("\u{2028}"))
        #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil, "the embedded data is JSON")
    }
}
