import Foundation
import OutpostGraph

/// Problems with an input path as a whole (as opposed to a line in it).
///
/// Every message says what is wrong, with the path (its non-printable characters escaped),
/// and what to do.
public enum InputError: Error, CustomStringConvertible, Sendable {
    case notFound(String)
    /// A folder where a file (of the named format) was expected.
    case isFolder(String, expected: String)
    case emptyDataset(String)
    /// A file that is not YAML where a dataset was expected (a CSV edge list, a GraphML file).
    case notADataset(String)
    case unknownFormat(String)
    case unreadable(String, String)
    case unwritable(String, String)
    /// `-` (standard input) without a format to read it in.
    case standardInputNeedsFormat
    /// A CSV delimiter that cannot separate fields (a quote, a line end, not one ASCII character).
    case badDelimiter(String)

    public var description: String {
        switch self {
        case let .notFound(path):
            return "\(printable(path)): no such file or folder; check the path"
        case let .isFolder(path, expected):
            return "\(printable(path)): is a folder, not a \(expected) file; give the file's path"
        case let .emptyDataset(path):
            return "\(printable(path)): the folder holds no .yaml file; a dataset is a folder of YAML files (see Graphs/FORMAT.md)"
        case let .notADataset(path):
            return "\(printable(path)): not a dataset: a dataset is a folder of .yaml files or one .yaml file (see Graphs/FORMAT.md); CSV edge lists and GraphML files are plain graphs, without evidence"
        case let .unknownFormat(path):
            return "\(printable(path)): cannot tell the format; give a dataset folder, a .csv edge list, or a .graphml, .gexf, .gml, .net (Pajek) or node-link .json file"
        case let .unreadable(path, reason):
            return "\(printable(path)): cannot read (\(reason)); check that the file is readable"
        case .standardInputNeedsFormat:
            return "standard input (-) has no extension to tell its format; say which it is (\(GraphLoader.Format.names))"
        case let .badDelimiter(text):
            return "delimiter '\(printable(text))' cannot separate CSV fields; give one ASCII character other than a double quote or a line end, such as ';' or a tab"
        case let .unwritable(path, reason):
            return "\(printable(path)): cannot write (\(reason)); check that the folder exists and is writable"
        }
    }
}

/// Writes `text` to `path` through a temporary file, so that a failed write leaves no partial
/// output.
func writeAtomically(_ text: String, to path: String) throws {
    do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
        // Not Foundation's wording, which names no path a person gave and may be "(null)".
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue
        throw InputError.unwritable(path, exists ? "permission denied, a folder in the way, or the disk is full"
                                                 : "no folder \(folder)")
    }
}
