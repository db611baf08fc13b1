/// A request on the control socket: a command name and string arguments.
public struct ControlRequest: Codable, Sendable, Equatable {
    /// `status`, `devices`, `simulate`, `maintenance`, …
    public var command: String
    /// Command arguments by name.
    public var arguments: [String: String]

    /// A request.
    public init(command: String, arguments: [String: String] = [:]) {
        self.command = command
        self.arguments = arguments
    }
}

/// Why kioskd refused or failed a request.
public struct ControlError: Codable, Sendable, Equatable, Error, CustomStringConvertible {
    /// Machine-readable code: `permission-denied`, `unknown-command`, `bad-argument`, `failed`.
    public var code: String
    /// What happened, for the technician.
    public var message: String

    /// An error.
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }

    /// The caller is neither root nor in the technicians' group.
    public static func permissionDenied(_ message: String) -> ControlError { ControlError(code: "permission-denied", message: message) }
    /// No such command.
    public static func unknownCommand(_ command: String) -> ControlError {
        ControlError(code: "unknown-command", message: "unknown command \"\(command)\"")
    }
    /// An argument is missing or invalid.
    public static func badArgument(_ message: String) -> ControlError { ControlError(code: "bad-argument", message: message) }
    /// The command was valid but could not be carried out.
    public static func failed(_ message: String) -> ControlError { ControlError(code: "failed", message: message) }
}

/// An answer on the control socket: `{"ok":true,"result":…}` or `{"ok":false,"error":{…}}`.
public struct ControlResponse<Result: Codable & Sendable>: Codable, Sendable {
    /// Whether the command succeeded.
    public var ok: Bool
    /// The result when `ok`.
    public var result: Result?
    /// The error when not `ok`.
    public var error: ControlError?

    /// A success.
    public static func success(_ result: Result) -> ControlResponse { ControlResponse(ok: true, result: result, error: nil) }
    /// A failure.
    public static func failure(_ error: ControlError) -> ControlResponse { ControlResponse(ok: false, result: nil, error: error) }
}

/// A result carrying nothing but a message.
public struct ControlAcknowledgement: Codable, Sendable, Equatable {
    /// What was done.
    public var message: String
    /// An acknowledgement.
    public init(message: String) { self.message = message }
}
