/// A hopper's level sensors (header 217) and fault flags (header 163).
public struct CCTalkHopperSensors: Sendable, Hashable {
    /// The low-level sensor exists.
    public var lowSensorSupported: Bool
    /// Fewer coins than the low-level sensor's trigger (bit 0 of 217).
    public var low: Bool
    /// The high-level sensor exists.
    public var highSensorSupported: Bool
    /// More coins than the high-level sensor's trigger.
    public var high: Bool
    /// Register 1 of 163, bit 1: the last payout timed out (hopper empty or jammed).
    public var payoutTimeout: Bool
    /// Register 1 of 163, bit 2: the motor reversed to clear a jam.
    public var motorReversed: Bool
    /// Register 1 of 163, bits 3–5: an opto fraud attempt or a blocked exit.
    public var optoFault: Bool
    /// Register 1 of 163, bit 7: payouts are disabled (send Enable hopper first).
    public var payoutDisabled: Bool

    /// Sensors.
    public init(lowSensorSupported: Bool, low: Bool, highSensorSupported: Bool, high: Bool, payoutTimeout: Bool, motorReversed: Bool, optoFault: Bool, payoutDisabled: Bool) {
        self.lowSensorSupported = lowSensorSupported
        self.low = low
        self.highSensorSupported = highSensorSupported
        self.high = high
        self.payoutTimeout = payoutTimeout
        self.motorReversed = motorReversed
        self.optoFault = optoFault
        self.payoutDisabled = payoutDisabled
    }
}
