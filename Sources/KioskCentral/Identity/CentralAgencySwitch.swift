/// An operator's switch of one agency to down: why and since when.
public struct CentralAgencySwitch: Sendable, Hashable {
    /// The reason given (`kiosk-central agencies down AGENCY --reason …`).
    public var reason: String
    /// When it was switched down, UTC milliseconds.
    public var sinceUTCMilliseconds: Int64

    /// A switch.
    public init(reason: String, sinceUTCMilliseconds: Int64) {
        self.reason = reason
        self.sinceUTCMilliseconds = sinceUTCMilliseconds
    }
}
