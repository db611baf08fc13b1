import Foundation
import KioskConfig
import KioskCore
import KioskSync
import Logging

/// Follows central's configuration document for this kiosk: each offered version newer than the one
/// in use is validated against kiosk.toml's values (`ConfigOverlay.problems(over:)`); a good one waits
/// for a safe moment, then is recorded in the ledger (`config-changed`, the version in `detail`), kept
/// in the state folder and laid over kiosk.toml at once (kiosk and session runner). A bad one is
/// refused with a log line and reported with the next heartbeats; the last good version stays.
actor ConfigFollower {
    private let kiosk: Kiosk
    private let runner: SessionRunner
    private let store: ConfigOverlayStore
    private let logger: Logger
    /// The version running now, nil when kiosk.toml runs alone.
    private(set) var inUse: ConfigOverlay?
    /// A validated version waiting for a safe moment.
    private(set) var pending: ConfigOverlay?
    /// The last version refused (district and kiosk parts, 0/0 for a stored file that did not load) and why.
    private(set) var refused: (version: String, district: Int, kiosk: Int, reason: String)?

    init(kiosk: Kiosk, runner: SessionRunner, store: ConfigOverlayStore, logger: Logger) {
        self.kiosk = kiosk
        self.runner = runner
        self.store = store
        self.logger = logger
    }

    /// At start, before any session: re-applies the stored version if it still fits kiosk.toml.
    func restore() async {
        let stored: ConfigOverlay?
        do throws(ConfigOverlayStore.Failure) { stored = try store.load() } catch {
            refused = (version: "(stored)", district: 0, kiosk: 0, reason: error.description)
            logger.error("central configuration not restored: \(error.description)")
            return
        }
        guard let stored else { return }
        let problems = stored.problems(over: await kiosk.baseConfiguration)
        guard problems.isEmpty else {
            refused = (version: stored.version, district: stored.districtVersion, kiosk: stored.kioskVersion, reason: problems.joined(separator: "; "))
            logger.error("stored central configuration \(stored.version) no longer fits kiosk.toml, running without it: \(problems.joined(separator: "; "))")
            return
        }
        await install(stored)
        logger.notice("central configuration \(stored.version) restored from \(store.path)")
    }

    /// Central's current answer: validates it when it is newer than the version in use (and not the one
    /// already refused or waiting), and keeps it waiting for a safe moment when it is good.
    func offer(_ answer: KioskConfigAnswer) async {
        if let inUse, !inUse.isOlder(than: answer) { return }
        if inUse == nil, answer.districtVersion == 0, answer.kioskVersion == 0 { return }
        if pending?.version == answer.version || refused?.version == answer.version { return }
        let overlay = ConfigOverlay(answer: answer)
        let problems = overlay.problems(over: await kiosk.baseConfiguration)
        guard problems.isEmpty else {
            // A good version still waiting (older than this one) stays pending: it is newer than the one in use.
            refused = (version: answer.version, district: answer.districtVersion, kiosk: answer.kioskVersion, reason: problems.joined(separator: "; "))
            logger.error("central configuration \(answer.version) refused, keeping \(inUse?.version ?? "kiosk.toml alone"): \(problems.joined(separator: "; "))")
            return
        }
        pending = overlay
        logger.notice("central configuration \(answer.version) accepted; it applies when no resident is between start and payment")
    }

    /// Applies the waiting version if there is one and no resident session is at a point where a change
    /// could matter (the runner is drained and no cash payment is waiting); answers whether it applied.
    /// Ledger first: without a durable `config-changed` entry nothing changes, and it is retried later.
    @discardableResult
    func applyPendingIfSafe() async -> Bool {
        guard let overlay = pending else { return false }
        // A safe moment: no resident at the kiosk (from the first tap to the last page), nothing in flight.
        guard await !runner.hasSessionInProgress() else { return false }
        guard let ledger = await kiosk.ledger, await ledger.problem == nil else {
            logger.warning("central configuration \(overlay.version) waits: the ledger cannot be written")
            return false
        }
        let record = LedgerRecord(
            kind: .configChanged, kioskID: await kiosk.configuration.kiosk.id, instant: .now(), detail: overlay.version)
        do {
            _ = try await ledger.append([record])
        } catch {
            logger.error("central configuration \(overlay.version) waits: config-changed not recorded: \(error)")
            return false
        }
        do throws(ConfigOverlayStore.Failure) { try store.save(overlay) } catch {
            logger.error("central configuration \(overlay.version) applied but not kept for the next start: \(error.description)")
        }
        await install(overlay)
        pending = nil
        // A refusal of a version this one supersedes is no longer news; one of a newer version still is.
        if let refused, refused.district <= overlay.districtVersion, refused.kiosk <= overlay.kioskVersion { self.refused = nil }
        logger.notice("central configuration \(overlay.version) applied")
        return true
    }

    /// What heartbeats report: the version in use and the last refusal.
    func report() -> (version: String?, refused: String?) {
        (inUse?.version, refused.map { "\($0.version): \($0.reason)" })
    }

    private func install(_ overlay: ConfigOverlay) async {
        let effective = await kiosk.setOverlay(overlay)
        await runner.setCatalog(effective.catalog.applying(effective.catalogOverrides))
        inUse = overlay
    }
}
