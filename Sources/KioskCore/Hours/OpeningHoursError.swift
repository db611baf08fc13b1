/// A rule text that is not in the supported `opening_hours` subset, with the 1-based character position
/// where the problem starts.
public struct OpeningHoursError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based character position in the rule text.
    public var position: Int
    /// What is wrong.
    public var message: String

    /// An error at `position`.
    public init(position: Int, message: String) {
        self.position = position
        self.message = message
    }

    /// `position N: message`.
    public var description: String { "position \(position): \(message)" }
}
