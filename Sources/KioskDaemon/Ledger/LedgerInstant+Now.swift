import Foundation
import KioskCore

extension LedgerInstant {
    /// This instant: the wall clock and the monotonic uptime, as every ledger entry records them.
    static func now() -> LedgerInstant {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return LedgerInstant(date: Date(), uptimeNanoseconds: Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec))
    }
}
