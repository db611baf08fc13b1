import Foundation
import Hummingbird
import KioskControl
import KioskDevices
import HTTPTypes
import NIOCore
import ServiceLifecycle

/// `GET /api/v1/events?session=ID`: Server-Sent Events for the touchscreen. Each event is the JSON
/// `{"kiosk": {acceptingSessions, reason, maintenance, devices}, "session": view | null}`, sent when
/// it differs from the last one sent. It observes the runner's views with a short server-side poll
/// (250 ms) rather than hooks inside `SessionRunner`. A stream ends after two minutes; the browser's
/// `EventSource` reconnects by itself (`retry: 500`); a graceful shutdown ends every stream at once.
enum SessionEvents {
    /// The kiosk part of an event.
    struct KioskState: Codable, Equatable {
        var acceptingSessions: Bool
        var reason: String?
        var maintenance: Bool
        var devices: [String: String]
    }

    /// One event.
    struct Event: Codable {
        var kiosk: KioskState
        var session: SessionView?
    }

    static let pollInterval: Duration = .milliseconds(250)
    static let streamLifetime: Duration = .seconds(120)

    /// Adds the route to `router`.
    static func register(on router: Router<KioskRequestContext>, kiosk: Kiosk, runner: SessionRunner) {
        router.get("/api/v1/events") { request, _ -> Response in
            var sessionID: UUID?
            if let text = request.uri.queryParameters.get("session"), !text.isEmpty {
                guard let id = UUID(uuidString: text) else {
                    return SessionAPI.json(SessionAPI.Problem(error: "session: \"\(text)\" is not a UUID"), status: .badRequest)
                }
                guard await runner.view(id) != nil else {
                    return SessionAPI.json(SessionAPI.Problem(error: "no session \(id)"), status: .notFound)
                }
                sessionID = id
            }
            let watched = sessionID
            return Response(
                status: .ok,
                headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                body: ResponseBody { writer in
                    try await writer.write(ByteBuffer(string: "retry: 500\n\n"))
                    let clock = ContinuousClock()
                    let end = clock.now + streamLifetime
                    var last = Data()
                    var lastWrite = clock.now
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.sortedKeys]
                    encoder.dateEncodingStrategy = .iso8601
                    while clock.now < end, !Task.isCancelled, !Task.isShuttingDownGracefully {
                        var view: SessionView?
                        if let watched { view = await runner.view(watched) }
                        let event = Event(kiosk: await state(kiosk), session: view)
                        let data = try encoder.encode(event)
                        if data != last {
                            try await writer.write(ByteBuffer(string: "data: " + String(decoding: data, as: UTF8.self) + "\n\n"))
                            last = data
                            lastWrite = clock.now
                        } else if clock.now - lastWrite > .seconds(10) {
                            try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                            lastWrite = clock.now
                        }
                        try await Task.sleep(for: pollInterval)
                    }
                    try await writer.finish(nil)
                })
        }
    }

    /// What the touchscreen needs to know about the kiosk now.
    static func state(_ kiosk: Kiosk) async -> KioskState {
        let report = await kiosk.statusReport(now: Date())
        var devices: [String: String] = [:]
        for device in report.devices { devices[device.kind.rawValue] = device.state.rawValue }
        return KioskState(acceptingSessions: report.acceptingSessions, reason: report.notAcceptingReason, maintenance: report.maintenance, devices: devices)
    }
}
