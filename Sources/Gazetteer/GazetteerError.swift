/// Errors of the gazetteer: a missing or corrupt index, bad input or bad import files.
public enum GazetteerError: Error, CustomStringConvertible, Equatable {
    case missingIndex(String)
    case corruptIndex(String, reason: String)
    case badQuery(String)
    case badImport(file: String, line: Int, field: String, reason: String)

    public var description: String {
        switch self {
        case .missingIndex(let p):
            return "no gazetteer index at \(p): run `make geodata` to build it"
        case .corruptIndex(let p, let r):
            return "the gazetteer index \(p) cannot be read (\(r)): run `make geodata` to rebuild it"
        case .badQuery(let r):
            return r
        case .badImport(let f, let l, let field, let r):
            return "\(f):\(l): field '\(field)': \(r)"
        }
    }
}
