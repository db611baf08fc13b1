import Foundation
import KioskSync
import Logging
import ServiceLifecycle

/// Loads `CentralIdentityService` once: at start, as a service of the server's group (so it runs after a
/// storage's connection pool is up), or at the first request that needs it, whichever comes first;
/// concurrent callers wait for the same load. A failed load (storage down) is retried by the next caller.
actor CentralIdentityLoader: Service {
    private enum State {
        case idle
        case loading([CheckedContinuation<Result<CentralIdentityService, ProblemResponse>, Never>])
        case loaded(CentralIdentityService)
    }

    private let storage: any CentralStorage
    private let configuration: CentralIdentityConfiguration
    private let logger: Logger
    private var state = State.idle

    init(storage: any CentralStorage, configuration: CentralIdentityConfiguration, logger: Logger) {
        self.storage = storage
        self.configuration = configuration
        self.logger = logger
    }

    /// Loads the service at start, then returns (the group ignores its end).
    func run() async throws {
        if case .failure(let problem) = await service() {
            logger.error("identity service not loaded at start: \(problem.problem.reason)")
        }
    }

    /// The loaded service, or a 503 naming why it cannot be loaded now.
    func service() async -> Result<CentralIdentityService, ProblemResponse> {
        switch state {
        case .loaded(let service):
            return .success(service)
        case .loading(var waiting):
            return await withCheckedContinuation { continuation in
                waiting.append(continuation)
                state = .loading(waiting)
            }
        case .idle:
            state = .loading([])
            let result: Result<CentralIdentityService, ProblemResponse>
            do {
                result = .success(try await CentralIdentityService.load(storage: storage, configuration: configuration, logger: logger, now: Date()))
            } catch {
                result = .failure(ProblemResponse(503, "identity-unavailable", "central cannot load its registry: \(error)"))
            }
            guard case .loading(let waiting) = state else { return result }
            switch result {
            case .success(let service): state = .loaded(service)
            case .failure: state = .idle
            }
            for continuation in waiting { continuation.resume(returning: result) }
            return result
        }
    }
}
