import ArgumentParser

extension ExitCode {
    /// The operation was attempted and failed (device fault, verification failed, …).
    static let operationFailed = ExitCode(1)
    /// kioskd is not reachable on its control socket (EX_UNAVAILABLE).
    static let unavailable = ExitCode(69)
    /// kioskd refused the request: the caller is neither root nor in the technicians' group (EX_NOPERM).
    static let permissionRefused = ExitCode(77)
    /// A configuration or data file is invalid (EX_CONFIG).
    static let configInvalid = ExitCode(78)
}
