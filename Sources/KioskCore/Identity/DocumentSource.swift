/// A document back-end: given a request, the content to render, or the reason there is none.
///
/// Contract for conformers: a document that needs identity is only answered for a verified identity
/// (`notFound` otherwise); content is complete and already masked as the options ask; an unavailable
/// agency answers `backendClosed` or `backendDown`, never empty content.
public protocol DocumentSource: Sendable {
    /// The content of the requested document.
    /// - Throws: `DocumentUnavailable` naming why there is none.
    func content(for request: DocumentRequest) async throws(DocumentUnavailable) -> DocumentContent
}
