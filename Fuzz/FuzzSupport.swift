import Foundation
import OutpostGraph

/// What every reader must do with any bytes: return or throw a message, never trap, and never
/// put a non-printable character into the message. A breach is a crash, which libFuzzer records.
func checkMessage(_ error: Error) {
    let text = "\(error)"
    for scalar in text.unicodeScalars where scalar != "\n" {
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value) {
            fatalError("non-printable U+\(String(scalar.value, radix: 16)) in a message: \(text.debugDescription)")
        }
    }
    for word in ["Error Domain", "NSCocoaErrorDomain", "NSXMLParser"] where text.contains(word) {
        fatalError("raw Foundation error in a message: \(text.debugDescription)")
    }
}
