import OutpostGraph

/// Problems with an input path as a whole (as opposed to a line in it).
public enum InputError: Error, CustomStringConvertible, Sendable {
    case notFound(String)
    case emptyDataset(String)
    case unknownFormat(String)
    case unreadable(String, String)

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
        }
    }
}
