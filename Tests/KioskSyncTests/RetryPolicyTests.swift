import KioskSync
import Testing

/// Backoff with jitter and the adaptive batch size.
@Suite struct RetryPolicyTests {
    @Test(arguments: [(1, 0.0, 500), (1, 1.0, 1000), (2, 1.0, 2000), (3, 0.5, 3000), (10, 1.0, 300_000), (50, 0.0, 150_000)])
    func backoffDoublesCapsAndJitters(failures: Int, jitter: Double, milliseconds: Int) {
        let backoff = SyncBackoff(base: .seconds(1), cap: .seconds(300))
        #expect(backoff.delay(afterFailures: failures, jitter: jitter) == .milliseconds(milliseconds))
    }

    @Test func jitterSpreadsAFleet() {
        let backoff = SyncBackoff()
        let delays = Set((0..<100).map { _ in backoff.delay(afterFailures: 4, jitter: Double.random(in: 0...1)) })
        #expect(delays.count > 50)
        #expect(delays.allSatisfy { $0 >= .seconds(4) && $0 <= .seconds(8) })
    }

    @Test func batchSizeGrowsWhileCatchingUpAndShrinksOnFailure() {
        var sizer = SyncBatchSizer(minimum: 10, initial: 100, maximum: 1000)
        sizer.succeeded(remaining: 50)
        #expect(sizer.current == 100)
        sizer.succeeded(remaining: 10_000)
        #expect(sizer.current == 200)
        for _ in 0..<10 { sizer.succeeded(remaining: 10_000) }
        #expect(sizer.current == 1000)
        sizer.failed()
        #expect(sizer.current == 500)
        for _ in 0..<10 { sizer.failed() }
        #expect(sizer.current == 10)
    }
}
