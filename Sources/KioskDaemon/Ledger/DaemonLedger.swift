import CoreMetrics
import Foundation
import KioskCore
import KioskLedger
import Logging

/// kioskd's single handle on the ledger file: opens it at start and verifies the tail, appends
/// durably, and remembers the first failure. After a failure (broken chain, disk full, read-only or
/// corrupt file) the kiosk stops taking money: `problem` is set and every later append is refused
/// without touching the file, so nothing already written is put at risk.
actor DaemonLedger {
    /// How many entries at the end of the chain are verified at start.
    static let tailCheck = 1_000

    private let ledger: Ledger?
    private let metrics: KioskMetrics
    private let logger: Logger
    /// Why the ledger cannot be written, or nil when it can.
    private(set) var problem: String?
    /// The last sequence number written (0 for an empty ledger).
    private(set) var head: Int64 = 0

    private init(ledger: Ledger?, problem: String?, head: Int64, metrics: KioskMetrics, logger: Logger) {
        self.ledger = ledger
        self.problem = problem
        self.head = head
        self.metrics = metrics
        self.logger = logger
        metrics.ledgerHead.record(head)
    }

    /// Opens the ledger at `path` and verifies its last `tailCheck` entries. Never throws: an unusable
    /// file gives a ledger whose `problem` says why (the kiosk then stays out of service).
    static func open(path: String, metrics: KioskMetrics, logger: Logger) async -> DaemonLedger {
        let ledger: Ledger
        do {
            try FileManager.default.createDirectory(
                atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
        } catch {
            logger.critical("ledger \(path): cannot create its folder: \(error.localizedDescription)")
        }
        do throws(LedgerError) {
            ledger = try await Ledger.open(at: path)
        } catch {
            logger.critical("\(error.description) — the kiosk takes no money")
            return DaemonLedger(ledger: nil, problem: error.description, head: 0, metrics: metrics, logger: logger)
        }
        do throws(LedgerError) {
            let check = try await ledger.verifyTail(tailCheck)
            if let broken = check.problem {
                let reason = "ledger \(path): hash chain broken at \(broken)"
                logger.critical("\(reason) — the kiosk takes no money")
                return DaemonLedger(ledger: ledger, problem: reason, head: check.lastSequence, metrics: metrics, logger: logger)
            }
            logger.notice("ledger \(path): \(check.lastSequence) entries, last \(check.checkedEntries) verified")
            return DaemonLedger(ledger: ledger, problem: nil, head: check.lastSequence, metrics: metrics, logger: logger)
        } catch {
            logger.critical("\(error.description) — the kiosk takes no money")
            return DaemonLedger(ledger: ledger, problem: error.description, head: 0, metrics: metrics, logger: logger)
        }
    }

    /// Appends `records` in one durable batch. Throws (and sets `problem`) when the ledger is unusable.
    @discardableResult
    func append(_ records: [LedgerRecord]) async throws(LedgerError) -> [LedgerEntry] {
        guard let ledger, problem == nil else {
            throw .refused(path: ledger?.path ?? "(not open)", reason: problem ?? "ledger not open")
        }
        do throws(LedgerError) {
            let entries = try await ledger.append(records)
            if let last = entries.last?.sequence {
                head = last
                metrics.ledgerHead.record(last)
            }
            return entries
        } catch {
            if error.stopsTakingMoney {
                problem = error.description
                logger.critical("\(error.description) — the kiosk stops taking money")
            }
            throw error
        }
    }

    /// The issuances left open by an earlier run (their last entries).
    func openIssuances() async throws(LedgerError) -> [LedgerEntry] {
        guard let ledger else { throw .refused(path: "(not open)", reason: problem ?? "ledger not open") }
        return try await ledger.openIssuances()
    }

    /// Every entry of one issuance.
    func entries(issuanceID: UUID) async throws(LedgerError) -> [LedgerEntry] {
        guard let ledger else { throw .refused(path: "(not open)", reason: problem ?? "ledger not open") }
        return try await ledger.entries(issuanceID: issuanceID)
    }

    /// The last `count` entries, oldest first.
    func tail(_ count: Int) async throws(LedgerError) -> [LedgerEntry] {
        guard let ledger else { throw .refused(path: "(not open)", reason: problem ?? "ledger not open") }
        return try await ledger.tail(count)
    }

    /// The next issuance sequence for `kioskNumber`.
    func lastIssuanceNumber(kioskNumber: Int) async throws(LedgerError) -> IssuanceNumber? {
        guard let ledger else { throw .refused(path: "(not open)", reason: problem ?? "ledger not open") }
        return try await ledger.lastIssuanceNumber(kioskNumber: kioskNumber)
    }

    /// The open ledger for reading, or why it is not open.
    func readable() throws(LedgerError) -> Ledger {
        guard let ledger else { throw .refused(path: "(not open)", reason: problem ?? "ledger not open") }
        return ledger
    }

    /// Marks the ledger unusable (used when recovery at start cannot finish).
    func fail(_ reason: String) {
        if problem == nil { problem = reason }
    }

    /// Closes the file at shutdown.
    func close() {
        do throws(LedgerError) { try ledger?.close() } catch { logger.error("\(error.description)") }
    }
}
