/// Faults the ccTalk emulator can inject, each as the generic specification says a device shows it.
public enum EmulatorFault: String, Sendable, CaseIterable {
    /// Coin acceptor: the credit sensor is blocked (error code 14) instead of crediting a coin.
    case coinJam
    /// Coin acceptor: coin on a string (error 20); bill validator: string fraud (status 18).
    case fraudAttempt
    /// Hopper: no coins; a payout pays nothing and reports every coin unpaid, low sensor set.
    case hopperEmpty
    /// Bill validator: the bill fails validation (status 2) and is given back.
    case billRejected
    /// The device does not answer at all.
    case deviceSilent
    /// The device answers with a corrupted checksum byte.
    case corruptedChecksum
}
