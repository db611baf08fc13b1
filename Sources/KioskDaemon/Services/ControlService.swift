import KioskControl
import ServiceLifecycle

/// Runs the control socket until graceful shutdown.
struct ControlService: Service {
    let server: ControlServer
    let readiness: Readiness

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                try await server.run { await readiness.markReady("control") }
            }
        } catch is CancellationError {
            // Graceful shutdown closes the socket; that is a normal end.
        }
    }
}
