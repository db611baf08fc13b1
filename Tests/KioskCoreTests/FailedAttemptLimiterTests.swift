import Foundation
import KioskCore
import Testing

@Suite struct FailedAttemptLimiterTests {
    static let alice = ResidentReference(residentNumberDigits: "9001011234568", secret: Data("k".utf8))
    static let bob = ResidentReference(residentNumberDigits: "8506152000000", secret: Data("k".utf8))
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func locksOutOnTheNthFailureWithinTheWindow() {
        var limiter = FailedAttemptLimiter(maximumFailures: 3, window: 3600, coolDown: 1800)
        #expect(limiter.status(of: Self.alice, at: Self.start) == .open(remaining: 3))
        #expect(limiter.recordFailure(of: Self.alice, at: Self.start) == .open(remaining: 2))
        #expect(limiter.recordFailure(of: Self.alice, at: Self.start + 600) == .open(remaining: 1))
        let until = Self.start + 1200 + 1800
        #expect(limiter.recordFailure(of: Self.alice, at: Self.start + 1200) == .lockedOut(until: until))
        #expect(limiter.status(of: Self.alice, at: Self.start + 2000) == .lockedOut(until: until))
        // Another resident is unaffected.
        #expect(limiter.status(of: Self.bob, at: Self.start + 2000) == .open(remaining: 3))
        // Failures during the lock-out neither count nor extend it.
        #expect(limiter.recordFailure(of: Self.alice, at: Self.start + 2500) == .lockedOut(until: until))
        // After the cool-down the count starts afresh.
        #expect(limiter.status(of: Self.alice, at: until) == .open(remaining: 3))
    }

    @Test func failuresOlderThanTheWindowDoNotCount() {
        var limiter = FailedAttemptLimiter(maximumFailures: 3, window: 3600, coolDown: 1800)
        limiter.recordFailure(of: Self.alice, at: Self.start)
        limiter.recordFailure(of: Self.alice, at: Self.start + 100)
        #expect(limiter.status(of: Self.alice, at: Self.start + 3599) == .open(remaining: 1))
        #expect(limiter.status(of: Self.alice, at: Self.start + 3600) == .open(remaining: 2))
        #expect(limiter.recordFailure(of: Self.alice, at: Self.start + 3700) == .open(remaining: 2))
    }

    @Test func successClearsTheCount() {
        var limiter = FailedAttemptLimiter(maximumFailures: 3)
        limiter.recordFailure(of: Self.alice, at: Self.start)
        limiter.recordFailure(of: Self.alice, at: Self.start + 1)
        limiter.recordSuccess(of: Self.alice)
        #expect(limiter.status(of: Self.alice, at: Self.start + 2) == .open(remaining: 3))
    }

    @Test func pruneForgetsWhatNoLongerMatters() {
        var limiter = FailedAttemptLimiter(maximumFailures: 2, window: 3600, coolDown: 600)
        limiter.recordFailure(of: Self.alice, at: Self.start)
        limiter.recordFailure(of: Self.alice, at: Self.start + 1)  // locked until +601
        limiter.recordFailure(of: Self.bob, at: Self.start)
        #expect(limiter.trackedResidents == 2)
        limiter.prune(at: Self.start + 700)
        #expect(limiter.trackedResidents == 1)  // bob's failure is still in the window
        limiter.prune(at: Self.start + 3600)
        #expect(limiter.trackedResidents == 0)
    }
}
