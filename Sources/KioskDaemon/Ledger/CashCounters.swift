import KioskDevices

/// The cash module's own counters: money in the cash box and money paid out since installation.
/// Recorded with every cash entry (`paymentReference` = `counters box=N out=M`) so recovery at start
/// can compare them with the module after a crash. Only the simulated module reports them here.
struct CashCounters: Sendable, Equatable {
    /// Won in the cash box.
    var box: Int
    /// Won paid out since installation.
    var out: Int

    /// The form stored in `paymentReference`.
    var reference: String { "counters box=\(box) out=\(out)" }

    /// Parses `reference`; nil for anything else.
    init?(reference: String?) {
        guard let reference, reference.hasPrefix("counters ") else { return nil }
        var box: Int?, out: Int?
        for part in reference.dropFirst("counters ".count).split(separator: " ") {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, let value = Int(pair[1]) else { return nil }
            if pair[0] == "box" { box = value } else if pair[0] == "out" { out = value }
        }
        guard let box, let out else { return nil }
        self.box = box
        self.out = out
    }

    init(box: Int, out: Int) {
        self.box = box
        self.out = out
    }

    /// The module's counters now, if it keeps any.
    static func read(_ cash: any CashHandler) async -> CashCounters? {
        guard let simulated = cash as? SimulatedCashHandler else { return nil }
        let holdings = await simulated.currentHoldings()
        return CashCounters(box: holdings.cashBox.reduce(0) { $0 + $1.key * $1.value }, out: holdings.paidOut)
    }
}
