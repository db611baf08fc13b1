import Foundation
import HTTPTypes
import Hummingbird
import KioskConfig
import KioskControl
import KioskDevices
import Logging
import NIOCore
import Prometheus

/// The HTTP listener on 127.0.0.1: health, metrics, the session API and the resident's touchscreen.
enum UIServer {
    /// Health of the kiosk: 200 when every required device and the ledger are usable, 503 otherwise.
    struct Health: ResponseEncodable {
        var status: String
        var kioskID: String
        var maintenance: Bool
        var acceptingSessions: Bool
        var reason: String?
        var devices: [DeviceSummary]
    }

    struct DeviceSummary: Codable {
        var device: String
        var state: String
        var required: Bool
        var reason: String?
    }

    static func makeApplication(
        kiosk: Kiosk, runner: SessionRunner, host: String, port: Int, registry: PrometheusCollectorRegistry, readiness: Readiness, logger: Logger
    ) -> some ApplicationProtocol {
        let router = Router(context: KioskRequestContext.self)  // MARK: issue 4: keeps the client address
        router.add(middleware: LocalOriginOnly())  // MARK: issue 10: loopback peer, Host and Origin on every route
        SessionAPI.register(on: router, kiosk: kiosk, runner: runner)  // MARK: issue 4
        // MARK: issue 10 (the resident's touchscreen): its files, live events, voice, feedback
        UIStaticFiles.register(on: router) { await kiosk.configuration.uiFiles.root }
        SessionEvents.register(on: router, kiosk: kiosk, runner: runner)
        FeedbackAPI.register(on: router, runner: runner)
        FeeTable.register(on: router, kiosk: kiosk)
        VoiceAPI.register(
            on: router,
            voice: VoiceSynthesizer {
                let configuration = await kiosk.configuration
                return (configuration.uiFiles.voiceCommand, configuration.uiFiles.voiceCacheDirectory ?? configuration.stateDirectory + "/voice-cache")
            })
        router.get("/healthz") { _, _ -> Response in
            let report = await kiosk.statusReport(now: Date())
            let required = kiosk.devices.required
            // The ledger is the kiosk's most required part: without it no money may be taken.
            let ledgerProblem = await kiosk.ledgerProblemAtLastReport()
            let requiredDown = report.devices.contains { required.contains($0.kind) && !$0.state.isUsable } || ledgerProblem != nil
            let health = Health(
                status: requiredDown ? "unavailable" : "ok", kioskID: report.kioskID, maintenance: report.maintenance,
                acceptingSessions: report.acceptingSessions, reason: report.notAcceptingReason,
                devices: report.devices.map {
                    DeviceSummary(device: $0.kind.rawValue, state: $0.state.rawValue, required: required.contains($0.kind), reason: $0.reason)
                })
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let body = try encoder.encode(health)
            return Response(
                status: requiredDown ? .serviceUnavailable : .ok,
                headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
        }
        router.get("/metrics") { _, _ -> Response in
            var buffer: [UInt8] = []
            registry.emit(into: &buffer)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: buffer)))
        }
        return Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "kioskd"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? port
                let url = host.contains(":") ? "http://[\(host)]:\(port)" : "http://\(host):\(port)"
                await kiosk.setUIURL(url)
                logger.notice("UI listening on \(url)")
                await readiness.markReady("ui")
            },
            logger: logger)
    }
}
