/// Why a quote cannot be made.
public struct QuoteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, naming the document.
    public var description: String

    /// An error.
    public init(_ description: String) { self.description = description }
}
