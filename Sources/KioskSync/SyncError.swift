/// Why a request to central did not get a usable answer.
public enum SyncError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Central could not be reached or the connection broke (the transport's message).
    case unreachable(String)
    /// Central answered something the client cannot read (status, a prefix of the body).
    case badAnswer(status: Int, body: String)
    /// Central refused the request (status, its problem).
    case refused(status: Int, problem: CentralProblem)
    /// The TLS handshake with central failed: its certificate is not issued by the trusted CA, names
    /// another host, or has expired (the reason).
    case untrusted(String)
    /// The kiosk's own ledger could not be read.
    case ledger(String)
    /// The kiosk's ledger is behind what central holds: central acknowledged entry `central` but the
    /// kiosk's ledger ends at `local` (a restored or replaced ledger file).
    case centralAhead(central: Int64, local: Int64)

    /// A sentence naming the problem.
    public var description: String {
        switch self {
        case .unreachable(let message): "central unreachable: \(message)"
        case .badAnswer(let status, let body): "central answered \(status) with an unreadable body: \(body)"
        case .refused(let status, let problem): "central refused (\(status)): \(problem.reason)"
        case .untrusted(let reason): "central refused as untrusted over TLS: \(reason)"
        case .ledger(let message): "cannot read the ledger: \(message)"
        case .centralAhead(let central, let local):
            "central holds entries up to \(central) but this kiosk's ledger ends at \(local): the ledger file was replaced"
        }
    }
}
