import Foundation
import KioskDevices
import Logging
import ServiceLifecycle

/// Runs the session runner's background work (card approvals, print-job follow-up, the cash module's
/// events, the idle timer; the runner holds the timeout, so a reload changes it) in one task group. On graceful shutdown (SIGTERM) unpaid sessions end at
/// once and paid ones are let reach a safe point (printed or refunded) for at most `drainLimit`.
struct SessionService: Service {
    let runner: SessionRunner
    let jobs: AsyncStream<SessionRunner.Job>
    let jobsContinuation: AsyncStream<SessionRunner.Job>.Continuation
    let cash: any CashHandler
    let drainLimit: Duration
    let logger: Logger

    func run() async throws {
        let runner = self.runner
        let cashEvents = cash.cashEvents()
        await withDiscardingTaskGroup { group in
            group.addTask {
                for await event in cashEvents { await runner.cashEvent(event) }
            }
            group.addTask {
                while !Task.isCancelled {
                    do { try await Task.sleep(for: .milliseconds(250)) } catch { return }
                    await runner.sweep()
                }
            }
            group.addTask {
                try? await gracefulShutdown()
                await runner.beginDrain()
                let clock = ContinuousClock()
                let deadline = clock.now + drainLimit
                while await !runner.isDrained(), clock.now < deadline {
                    try? await Task.sleep(for: .milliseconds(20))
                }
                if await !runner.isDrained() {
                    logger.error("shutdown: an issuance did not reach a safe point in time; recovery at the next start settles it")
                }
                jobsContinuation.finish()
            }
            for await job in jobs {
                group.addTask { await job() }
            }
            group.cancelAll()
        }
    }
}
