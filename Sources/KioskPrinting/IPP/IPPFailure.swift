/// Why one IPP exchange failed, read from libcups on the thread that made the call.
enum IPPFailure: Error, Sendable, Equatable {
    /// No answer: connection refused, host down, timed out (a hung printer lands here).
    case transport(String)
    /// `server-error-busy`: the printer is working on another job.
    case busy
    /// `client-error-not-found`: no such job.
    case notFound
    /// Any other IPP error status, with libcups's message.
    case refused(String)
}
