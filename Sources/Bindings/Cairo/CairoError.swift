import CCairo

/// A Cairo failure: the operation and Cairo's own status text.
public struct CairoError: Error, Equatable, CustomStringConvertible {
    public var operation: String
    public var message: String
    public init(operation: String, message: String) { self.operation = operation; self.message = message }
    public var description: String { "\(operation) failed: \(message)" }

    init(_ operation: String, status: cairo_status_t) {
        self.init(operation: operation, message: String(cString: cairo_status_to_string(status)))
    }
}
