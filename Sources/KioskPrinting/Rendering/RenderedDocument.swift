/// A rendered PDF and its page count (the page count feeds the fee rules).
public struct RenderedDocument: Sendable, Equatable {
    /// The PDF bytes; the same `IssuedDocument` always gives the same bytes.
    public var pdf: [UInt8]
    /// Number of A4 pages.
    public var pageCount: Int
}
