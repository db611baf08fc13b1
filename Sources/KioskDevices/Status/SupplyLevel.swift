/// How much of a consumable is left (paper, toner, coins in a hopper, room in the cash box).
public enum SupplyLevel: String, Sendable, Codable, CaseIterable {
    case ok
    case low
    case empty
    /// For containers that fill up (cash box, waste toner): nearly full / full.
    case nearlyFull
    case full
    case unknown
}
