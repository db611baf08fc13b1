/// One credit the ccTalk module handed to the daemon, by the device event that made it: what the
/// daemon names when it asks for the counters an entry records and when it says the entry is written.
public enum CCTalkCredit: Sendable, Hashable {
    /// A coin, by the coin acceptor's event counter (header 229).
    case coin(counter: UInt8)
    /// A stacked note, by the bill validator's event counter (header 159).
    case note(counter: UInt8)
}
