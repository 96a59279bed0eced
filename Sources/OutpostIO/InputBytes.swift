import Foundation
import OutpostGraph
import Synchronization

/// Checks every reader makes on a file's bytes before parsing them, so that no Foundation
/// error (and no byte a parser might trap on) gets past a reader: the file exists and is a
/// file, it is UTF-8, and (for XML) every character is one XML allows.
enum InputBytes {
    /// The bytes of the file at `path`, or an ``InputError`` that says what is wrong with the path.
    static func read(_ path: String, expecting format: String) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError.notFound(path)
        }
        if isDirectory.boolValue { throw InputError.isFolder(path, expected: format) }
        // A pipe or a device would be read without end (or block); only regular files are data.
        if let type = try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType,
           type != .typeRegular {
            throw InputError.unreadable(path, "not a regular file (a pipe, socket or device); save the data to a file first")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw InputError.unreadable(path, "permission denied")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError.unreadable(path, "the read failed")
        }
        return data
    }

    /// Runs `body` on the bytes of `data` once they are checked as text (``textProblem(in:file:xml:)``).
    /// - Throws: ``DiagnosticsError`` with the first problem, at its line and column; what `body` throws.
    static func withText<R>(_ data: Data, file: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) throws -> R {
        try data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            if !isText(bytes), let problem = textProblem(in: bytes, file: file) { throw DiagnosticsError([problem]) }
            return try body(bytes)
        }
    }

    /// Whether ``textProblem(in:file:xml:)`` finds nothing, checked in blocks on every
    /// processor for a large input (false: there is a problem, or the input is too small to
    /// split; ask ``textProblem(in:file:xml:)`` where). Blocks start on a byte that begins a
    /// character, so no character is split between two.
    static func isText(_ bytes: UnsafeBufferPointer<UInt8>, xml: Bool = false) -> Bool {
        let count = max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))
        guard bytes.count >= 1 << 22 && count > 1 else { return false }
        var cuts = [0]
        for k in 1..<count {
            var cut = max(cuts[cuts.count - 1], bytes.count * k / count)
            while cut < bytes.count && bytes[cut] & 0xC0 == 0x80 { cut += 1 }
            cuts.append(cut)
        }
        cuts.append(bytes.count)
        let input = Bytes(bytes: bytes), bounds = cuts
        let clean = Mutex(0)
        DispatchQueueBlocks.run(count) { k in
            let block = UnsafeBufferPointer(rebasing: input.bytes[bounds[k]..<bounds[k + 1]])
            if textProblem(in: block, file: "", xml: xml) == nil { clean.withLock { $0 += 1 } }
        }
        return clean.withLock { $0 } == count
    }

    /// Bytes read (never written) by every block's work while the caller holds them.
    struct Bytes: @unchecked Sendable { let bytes: UnsafeBufferPointer<UInt8> }

    /// Whether the bytes start with a UTF-8 byte order mark.
    static func hasByteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }

    /// The first problem with the bytes as text, with its line and column (columns count
    /// characters, from 1): a byte that is not UTF-8, a NUL, or (with `xml`) a character
    /// XML 1.0 does not allow (C0 controls other than tab, newline and carriage return,
    /// U+FFFE and U+FFFF).
    static func textProblem(in bytes: UnsafeBufferPointer<UInt8>, file: String, xml: Bool = false) -> Diagnostic? {
        var line = 1, column = 1
        var i = 0
        let n = bytes.count
        func problem(_ message: String, _ hint: String) -> Diagnostic {
            Diagnostic(.error, at: SourceLocation(file: file, line: line, column: column), message, hint: hint)
        }
        let notUTF8Hint = "save the file as UTF-8, e.g. with `iconv -f latin1 -t utf-8`"
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0x0A { line += 1; column = 1; i += 1; continue }
                if b == 0 {
                    return problem("the file holds a NUL byte: it is binary, not text",
                                   "give a text file; check that this is the file you meant")
                }
                if xml && b < 0x20 && b != 0x09 && b != 0x0D {
                    return problem(String(format: "control character 0x%02X, which XML does not allow", b),
                                   "remove it or write it as text; XML 1.0 allows no control character but tab and line ends")
                }
                i += 1; column += 1; continue
            }
            // A multi-byte sequence: its length, the range of its first continuation byte
            // (which excludes overlong forms and surrogates) and its scalar value.
            let length: Int, low: UInt8, high: UInt8
            switch b {
            case 0xC2...0xDF: length = 2; low = 0x80; high = 0xBF
            case 0xE0: length = 3; low = 0xA0; high = 0xBF
            case 0xE1...0xEC, 0xEE...0xEF: length = 3; low = 0x80; high = 0xBF
            case 0xED: length = 3; low = 0x80; high = 0x9F
            case 0xF0: length = 4; low = 0x90; high = 0xBF
            case 0xF1...0xF3: length = 4; low = 0x80; high = 0xBF
            case 0xF4: length = 4; low = 0x80; high = 0x8F
            default:
                return problem(String(format: "byte 0x%02X is not UTF-8 text", b), notUTF8Hint)
            }
            guard i + length <= n, (low...high).contains(bytes[i + 1]),
                  (2..<length).allSatisfy({ (0x80...0xBF).contains(bytes[i + $0]) }) else {
                return problem(String(format: "byte 0x%02X starts a sequence that is not UTF-8 text", b), notUTF8Hint)
            }
            if xml && length == 3 && b == 0xEF && bytes[i + 1] == 0xBF && bytes[i + 2] >= 0xBE {
                return problem("character U+FFF\(bytes[i + 2] == 0xBE ? "E" : "F"), which XML does not allow", "remove it")
            }
            i += length; column += 1
        }
        return nil
    }
}
