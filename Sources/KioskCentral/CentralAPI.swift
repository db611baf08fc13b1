import Foundation
import HTTPTypes
import Hummingbird
import KioskCore
import KioskSync
import Logging

/// kiosk-central's routes over one storage.
struct CentralAPI: Sendable {
    let storage: any CentralStorage
    let configuration: CentralConfiguration
    let logger: Logger
    /// Checks kiosk-signed requests (shared with the identity routes: one memory of used nonces).
    let authenticator: KioskRequestAuthenticator

    private var reader: CentralRequestReader { CentralRequestReader(bodyLimit: configuration.bodyLimit) }

    static func nowMilliseconds() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/healthz") { _, _ in "ok\n" }
        router.post("/v1/kiosks/:id/ledger") { request, context in await self.ingest(request, context) }
        router.get("/v1/kiosks/:id/ledger/head") { _, context in await self.head(context) }
        router.post("/v1/kiosks/:id/heartbeat") { request, context in await self.heartbeat(request, context) }
        router.get("/v1/verify/:number") { _, context in await self.verify(context) }
        router.get("/v1/kiosks") { request, _ in await self.kiosks(request) }
        router.get("/v1/reports/daily") { request, _ in await self.daily(request) }
        router.get("/v1/alerts") { request, _ in await self.alerts(request) }  // CentralAPI+Alerts.swift
        router.get("/v1/kiosks/:id/config") { request, context in await self.config(request, context) }  // CentralAPI+Config.swift
        router.get("/") { _, _ in await self.page() }
        return router
    }

    func failure(_ error: CentralStorageError) -> Response {
        logger.error("storage failed: \(error)")
        return CentralResponses.problem(503, "storage-unavailable", error.description)
    }

    func ingest(_ request: Request, _ context: BasicRequestContext) async -> Response {
        let id = context.parameters.get("id") ?? ""
        let bytes: [UInt8]
        switch await reader.body(request) {
        case .success(let body): bytes = body
        case .failure(let problem): return problem.response
        }
        let batch: LedgerBatch
        switch reader.decode(LedgerBatch.self, from: bytes) {
        case .success(let decoded): batch = decoded
        case .failure(let problem): return problem.response
        }
        do throws(CentralStorageError) {
            switch try await LedgerIngest(storage: storage).ingest(pathKioskID: id, batch: batch, nowUTCMilliseconds: Self.nowMilliseconds()) {
            case .accepted(let ack):
                return CentralResponses.json(ack)
            case .refused(let status, let problem):
                logger.warning("refused a batch from kiosk \(id): \(status) \(problem)")
                return CentralResponses.problem(status, problem)
            }
        } catch {
            return failure(error)
        }
    }

    func head(_ context: BasicRequestContext) async -> Response {
        let id = context.parameters.get("id") ?? ""
        do throws(CentralStorageError) {
            guard try await storage.kiosk(id: id) != nil else {
                return CentralResponses.problem(404, "unknown-kiosk", "no kiosk \(id) is registered")
            }
            let head = try await storage.head(kioskID: id)
            return CentralResponses.json(LedgerAck(kioskID: id, ackedSequence: head.sequence, ackedHash: head.hash, stored: 0))
        } catch {
            return failure(error)
        }
    }

    func heartbeat(_ request: Request, _ context: BasicRequestContext) async -> Response {
        let id = context.parameters.get("id") ?? ""
        let bytes: [UInt8]
        switch await reader.body(request) {
        case .success(let body): bytes = body
        case .failure(let problem): return problem.response
        }
        do throws(CentralStorageError) {
            guard let kiosk = try await storage.kiosk(id: id) else {
                return CentralResponses.problem(401, "unknown-kiosk", "no kiosk \(id) is registered")
            }
            guard let signature = request.headers[HTTPField.Name(WireCoding.signatureHeader)!] else {
                return CentralResponses.problem(401, "missing-signature", "the heartbeat needs a \(WireCoding.signatureHeader) header")
            }
            guard let key = try? KioskPublicKey(base64: kiosk.publicKey), key.isValidSignature(signature, for: bytes) else {
                return CentralResponses.problem(403, "bad-signature", "the heartbeat signature does not verify with kiosk \(id)'s registered key")
            }
            let heartbeat: KioskHeartbeat
            switch reader.decode(KioskHeartbeat.self, from: bytes) {
            case .success(let decoded): heartbeat = decoded
            case .failure(let problem): return problem.response
            }
            guard heartbeat.kioskID == id else {
                return CentralResponses.problem(403, "kiosk-mismatch", "the heartbeat names kiosk \(heartbeat.kioskID) but was sent to \(id)")
            }
            try await storage.recordHeartbeat(
                kioskID: id, sentAtUTCMilliseconds: heartbeat.sentAtUTCMilliseconds, receivedAtUTCMilliseconds: Self.nowMilliseconds(),
                json: String(decoding: bytes, as: UTF8.self))
            let head = try await storage.head(kioskID: id)
            return CentralResponses.json(LedgerAck(kioskID: id, ackedSequence: head.sequence, ackedHash: head.hash, stored: 0))
        } catch {
            return failure(error)
        }
    }

    func verify(_ context: BasicRequestContext) async -> Response {
        let text = context.parameters.get("number") ?? ""
        let number: IssuanceNumber
        do throws(IssuanceNumberError) {
            number = try IssuanceNumber(parsing: text)
        } catch {
            return CentralResponses.problem(400, "invalid-issuance-number", error.description)
        }
        do throws(CentralStorageError) {
            let entries = try await storage.issuanceEntries(number: number)
            guard let numbered = entries.first(where: { $0.record.issuanceNumber == number }) else {
                return CentralResponses.json(VerificationAnswer(issuanceNumber: number.formatted, found: false), status: .notFound)
            }
            let kioskID = numbered.record.kioskID
            let name = try await storage.kiosk(id: kioskID)?.name
            let issued = entries.last(where: { $0.record.kind == .issued })
            let last = entries.last ?? numbered
            let status: String =
                if issued != nil { "issued" } else if last.record.kind == .printing { "printing" } else { last.record.kind.rawValue }
            let printedAt = (issued ?? numbered).record.instant.date
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            return CentralResponses.json(
                VerificationAnswer(
                    issuanceNumber: number.formatted, found: true,
                    documentCode: numbered.record.documentCode ?? entries.compactMap(\.record.documentCode).first,
                    issuedAt: formatter.string(from: printedAt), kioskID: kioskID, kioskName: name,
                    copies: numbered.record.copies ?? entries.compactMap(\.record.copies).first,
                    pdfSHA256: (numbered.record.pdfSHA256 ?? entries.compactMap(\.record.pdfSHA256).first)?.hex, status: status))
        } catch {
            return failure(error)
        }
    }

    func statuses() async throws(CentralStorageError) -> [KioskStatus] {
        let kiosks = try await storage.kiosks()
        let beats = try await storage.heartbeats()
        let now = Self.nowMilliseconds()
        var out: [KioskStatus] = []
        for kiosk in kiosks {
            let beat = beats[kiosk.id]
            let decoded = beat.flatMap { try? WireCoding.decoder().decode(KioskHeartbeat.self, from: Data($0.json.utf8)) }
            let online = beat.map { now - $0.receivedAtUTCMilliseconds <= Int64(configuration.onlineWindowSeconds) * 1000 } ?? false
            out.append(
                KioskStatus(
                    id: kiosk.id, name: kiosk.name, district: kiosk.district, location: kiosk.location, online: online,
                    lastSeenUTCMilliseconds: beat?.receivedAtUTCMilliseconds, tamperedReason: kiosk.tamperedReason,
                    ackedSequence: try await storage.head(kioskID: kiosk.id).sequence, heartbeat: decoded))
        }
        return out
    }

    func kiosks(_ request: Request) async -> Response {
        let format = request.uri.queryParameters.get("format") ?? "json"
        guard format == "json" || format == "csv" else {
            return CentralResponses.problem(400, "bad-format", "format must be json or csv, got \"\(format)\"")
        }
        do throws(CentralStorageError) {
            let statuses = try await statuses()
            if format == "csv" {
                return CentralResponses.text(KioskStatus.csvHeader + statuses.map(\.csvLine).joined(), contentType: "text/csv; charset=utf-8")
            }
            return CentralResponses.json(statuses)
        } catch {
            return failure(error)
        }
    }

    /// The UTC millisecond bounds of local day `date` (`YYYY-MM-DD`), or `nil` if it is not a date.
    func dayBounds(_ date: String) -> (Int64, Int64)? {
        let parts = date.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = configuration.timeZone
        let components = DateComponents(year: year, month: month, day: day)
        guard components.isValidDate(in: calendar), let start = calendar.date(from: components),
            let end = calendar.date(byAdding: .day, value: 1, to: start)
        else { return nil }
        return (Int64(start.timeIntervalSince1970 * 1000), Int64(end.timeIntervalSince1970 * 1000))
    }

    func report(date: String) async throws(CentralStorageError) -> DailyReport? {
        guard let (from, to) = dayBounds(date) else { return nil }
        let totals = try await storage.dailyTotals(fromUTCMilliseconds: from, toUTCMilliseconds: to)
        let names = Dictionary(uniqueKeysWithValues: try await storage.kiosks().map { ($0.id, $0.name) })
        var report = DailyReport.build(date: date, timeZone: configuration.timeZone.identifier, totals: totals, kioskNames: names)
        let ratings = try await storage.entries(kind: LedgerEntryKind.feedback.rawValue, fromUTCMilliseconds: from, toUTCMilliseconds: to)
        report.feedback = DailyFeedback.build(ratings, kioskNames: names)
        return report
    }

    func daily(_ request: Request) async -> Response {
        guard let date = request.uri.queryParameters.get("date") else {
            return CentralResponses.problem(400, "missing-date", "give the day as ?date=YYYY-MM-DD")
        }
        let format = request.uri.queryParameters.get("format") ?? "json"
        guard format == "json" || format == "csv" else {
            return CentralResponses.problem(400, "bad-format", "format must be json or csv, got \"\(format)\"")
        }
        do throws(CentralStorageError) {
            guard let report = try await report(date: date) else {
                return CentralResponses.problem(400, "bad-date", "\"\(date)\" is not a date YYYY-MM-DD")
            }
            if format == "csv" { return CentralResponses.text(report.csv, contentType: "text/csv; charset=utf-8") }
            return CentralResponses.json(report)
        } catch {
            return failure(error)
        }
    }

    func page() async -> Response {
        do throws(CentralStorageError) {
            let statuses = try await statuses()
            var days: [(String, Int)] = []
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = configuration.timeZone
            let formatter = DateFormatter()
            formatter.calendar = calendar
            formatter.timeZone = configuration.timeZone
            formatter.dateFormat = "yyyy-MM-dd"
            for back in (0..<14).reversed() {
                guard let day = calendar.date(byAdding: .day, value: -back, to: Date()) else { continue }
                let date = formatter.string(from: day)
                days.append((date, try await report(date: date)?.totals.issued ?? 0))
            }
            let alerts = AlertRules.alerts(for: statuses, nowUTCMilliseconds: Self.nowMilliseconds(), thresholds: configuration.alertThresholds)
            return CentralResponses.text(CentralPage.html(statuses: statuses, days: days, alerts: alerts), contentType: "text/html; charset=utf-8")
        } catch {
            return failure(error)
        }
    }
}
