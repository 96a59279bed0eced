/// Text in XML 1.0 (GraphML, GEXF): the one escaping routine and the one check for the
/// characters XML cannot hold, shared by every XML writer.
enum XMLText {
    /// `text` escaped for element content and attribute values alike.
    ///
    /// A carriage return is written as `&#13;`: a parser turns a raw CR (and CR LF) into LF.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\r": out += "&#13;"
            case "\r\n": out += "&#13;&#10;"  // one Character in Swift
            case "\n": out += "&#10;"  // kept in attribute values, where a raw one reads as a space
            case "\t": out += "&#9;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Refuses a character XML 1.0 cannot hold in any form (control characters other than tab
    /// and line ends, U+FFFE, U+FFFF): no escape for them exists, and dropping them would lose
    /// text silently. The error names `owner` and `field`.
    static func check(_ text: String, field: String, of owner: String) throws {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0xFFFE || v == 0xFFFF {
                throw ExportError.characterNotAllowed(owner: owner, field: field, scalar: v, format: "XML")
            }
        }
    }
}
