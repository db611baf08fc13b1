public import KioskCore

/// The kiosk's cash module: coin and note acceptance (notes through escrow) and coin payout.
/// Conformers promise: money is only credited through `cashEvents()`; a note in escrow is never kept
/// unless `stackEscrow()` is called; `dispense` reports exactly what came out, even on a jam.
public protocol CashHandler: KioskDevice {
    /// What it accepts and what change it can give now.
    func inventory() async -> CashInventory
    /// Starts accepting `denominations` (others are refused at the slot).
    func enableAcceptance(of denominations: Set<Money>) async throws(CashError)
    /// Stops accepting; a note in escrow stays there.
    func disableAcceptance() async
    /// Keeps the note in escrow (moves it to the cash box).
    func stackEscrow() async throws(CashError) -> Money
    /// Gives the note in escrow back.
    func returnEscrow() async throws(CashError) -> Money
    /// Pays `amount` out in coins.
    func dispense(_ amount: Money) async throws(CashError) -> DispenseResult
    /// Money events as they happen; each call gets its own stream.
    func cashEvents() -> AsyncStream<CashEvent>
    /// What the cash box holds by the module's own count, per denomination.
    func cashBoxContents() async -> [Money: Int]
    /// A technician emptied the cash box: returns what it held by the module's count and starts again at zero.
    func collectCashBox() async throws(CashError) -> [Money: Int]
    /// A technician put `coins` into the payout hoppers: adds them to the hopper counts.
    func refill(_ coins: [Money: Int]) async throws(CashError)
}
