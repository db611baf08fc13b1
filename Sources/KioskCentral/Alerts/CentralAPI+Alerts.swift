import Hummingbird

extension CentralAPI {
    /// `GET /v1/alerts[?format=csv]`: every alert of every kiosk, critical first.
    func alerts(_ request: Request) async -> Response {
        let format = request.uri.queryParameters.get("format") ?? "json"
        guard format == "json" || format == "csv" else {
            return CentralResponses.problem(400, "bad-format", "format must be json or csv, got \"\(format)\"")
        }
        do throws(CentralStorageError) {
            let alerts = AlertRules.alerts(
                for: try await statuses(), nowUTCMilliseconds: Self.nowMilliseconds(), thresholds: configuration.alertThresholds)
            if format == "csv" {
                return CentralResponses.text(CentralAlert.csvHeader + alerts.map(\.csvLine).joined(), contentType: "text/csv; charset=utf-8")
            }
            return CentralResponses.json(alerts)
        } catch {
            return failure(error)
        }
    }
}
