import Foundation
import OutpostGraph

/// Problems with an input path as a whole (as opposed to a line in it).
public enum InputError: Error, CustomStringConvertible, Sendable {
    case notFound(String)
    case emptyDataset(String)
    case unknownFormat(String)
    case unreadable(String, String)
    case unwritable(String, String)

    public var description: String {
        switch self {
        case let .notFound(path):
            return "\(path): no such file or folder"
        case let .emptyDataset(path):
            return "\(path): the folder holds no .yaml file; a dataset is a folder of YAML files (see Graphs/FORMAT.md)"
        case let .unknownFormat(path):
            return "\(path): cannot tell the format; give a dataset folder, a .csv edge list or a .graphml file"
        case let .unreadable(path, reason):
            return "\(path): cannot read: \(reason)"
        case let .unwritable(path, reason):
            return "\(path): cannot write (\(reason)); check that the folder exists and is writable"
        }
    }
}

/// Writes `text` to `path` through a temporary file, so that a failed write leaves no partial
/// output.
func writeAtomically(_ text: String, to path: String) throws {
    do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
        throw InputError.unwritable(path, error.localizedDescription)
    }
}
