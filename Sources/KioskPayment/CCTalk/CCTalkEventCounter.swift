/// Arithmetic on a ccTalk event counter (headers 229, 159 and the hopper's 166): it counts 1…255 and
/// wraps to 1, skipping 0, which only a reset (power-up) shows. Pure.
public enum CCTalkEventCounter {
    /// The counter after one more event: 255 → 1.
    public static func next(_ counter: UInt8) -> UInt8 { counter == 255 ? 1 : counter + 1 }

    /// The counter one event earlier: 1 → 255 (after a wrap; from a fresh start it was 0, and
    /// `distance` gives the same count from 0 and from 255 to any later counter).
    public static func previous(_ counter: UInt8) -> UInt8 { counter <= 1 ? 255 : counter - 1 }

    /// How many events a device counted going from `from` to `to` (0 when equal); `from` may be 0
    /// (a fresh device), `to` is a counter after at least one event. Counts modulo the 255-step cycle:
    /// 255 or more events in between cannot be told from fewer.
    public static func distance(from: UInt8, to: UInt8) -> Int {
        if from == to { return 0 }
        if from == 0 { return Int(to) }
        return to > from ? Int(to) - Int(from) : Int(to) + 255 - Int(from)
    }
}
