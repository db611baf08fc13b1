public import KioskCore

/// How many coins or notes of one denomination a hopper or cassette holds.
public struct CashLevel: Sendable, Codable, Equatable {
    /// The denomination.
    public var denomination: Money
    /// How many pieces.
    public var count: Int
    /// ok / low / empty as the device's sensors (or thresholds) say.
    public var level: SupplyLevel

    /// A level.
    public init(denomination: Money, count: Int, level: SupplyLevel) {
        self.denomination = denomination
        self.count = count
        self.level = level
    }
}

/// What the cash module takes and what change it can give right now.
public struct CashInventory: Sendable, Codable, Equatable {
    /// Denominations it accepts (coins and notes).
    public var accepted: [Money]
    /// Coins available for change, per denomination.
    public var payout: [CashLevel]

    /// An inventory.
    public init(accepted: [Money], payout: [CashLevel]) {
        self.accepted = accepted
        self.payout = payout
    }

    /// Whether `amount` can be paid out exactly from the hoppers (greedy over the available coins,
    /// exact for the 100/500 won system).
    public func canPay(_ amount: Money) -> Bool {
        var remaining = amount.won
        for level in payout.sorted(by: { $0.denomination > $1.denomination }) where level.denomination.won > 0 {
            let use = min(level.count, remaining / level.denomination.won)
            remaining -= use * level.denomination.won
        }
        return remaining == 0
    }
}

/// Money moving through the cash module, as it happens.
public enum CashEvent: Sendable, Equatable {
    /// A coin was accepted and is in the cash box: credit it. `eventCounter` is the device's number for
    /// this credit where it numbers its events (ccTalk: the acceptor's event counter); the daemon hands
    /// it back when the credit is recorded, so a restart can tell which credits the ledger holds.
    case coinAccepted(Money, eventCounter: UInt8? = nil)
    /// A note is held in escrow: stack it (keep) or return it.
    case noteInEscrow(Money)
    /// A coin or note was refused and given back.
    case rejected(reason: String)
    /// The device reports a fraud attempt.
    case fraud(reason: String)
    /// A jam or other fault stopped acceptance.
    case fault(reason: String)
    /// The note validator stacked a note without being told to (e.g. its escrow timeout is set to
    /// stack): the note is in the cash box and must be credited. The normal credit for a note is the
    /// value `stackEscrow()` returns; drivers without such a validator never send this.
    /// `eventCounter` as for `coinAccepted` (ccTalk: the validator's event counter).
    case noteStackedWithoutCommand(Money, eventCounter: UInt8? = nil)
}

/// The result of a payout: what came out and what could not.
public struct DispenseResult: Sendable, Equatable, Codable {
    /// The amount actually paid out.
    public var paid: Money
    /// `requested − paid`: owed to the resident when non-zero.
    public var shortfall: Money

    /// A result.
    public init(paid: Money, shortfall: Money) {
        self.paid = paid
        self.shortfall = shortfall
    }
}

/// A cash module failure.
public enum CashError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No cash module (or not the device the call needs) is connected.
    case noDevice
    /// `stackEscrow` / `returnEscrow` without a note in escrow.
    case noNoteInEscrow
    /// The module failed; the text names the device and what went wrong.
    case deviceError(String)

    /// The failure in words.
    public var description: String {
        switch self {
        case .noDevice: "no cash module connected"
        case .noNoteInEscrow: "no note is held in escrow"
        case .deviceError(let reason): "cash module error: \(reason)"
        }
    }
}
