public import Foundation
public import KioskSync

/// The configuration a kiosk should run: its own document over its district's, with their versions.
public struct ConfigDistribution: Sendable {
    private let storage: any CentralStorage

    /// Distribution from `storage`.
    public init(storage: any CentralStorage) { self.storage = storage }

    /// Validates `json` and stores it as the next version for `scope`/`target`; answers the version.
    /// - Throws: `ConfigValidation.Problems` for a bad document (nothing stored), `CentralStorageError`
    ///   for an unknown kiosk or a database failure.
    public func publish(scope: ConfigScope, target: String, json: Data, atUTCMilliseconds: Int64) async throws -> Int {
        _ = try ConfigValidation.validate(json: json)
        if scope == .kiosk, try await storage.kiosk(id: target) == nil { throw CentralStorageError.unknownKiosk(target) }
        return try await storage.putConfig(scope: scope, target: target, json: String(decoding: json, as: UTF8.self), atUTCMilliseconds: atUTCMilliseconds)
    }

    /// The effective configuration of kiosk `kioskID`, or `nil` if it is not registered.
    /// - Throws: `CentralStorageError` (a stored document that no longer decodes is `.corrupt`).
    public func effective(kioskID: String) async throws(CentralStorageError) -> KioskConfigAnswer? {
        guard let kiosk = try await storage.kiosk(id: kioskID) else { return nil }
        let district = try await storage.latestConfig(scope: .district, target: kiosk.district)
        let own = try await storage.latestConfig(scope: .kiosk, target: kioskID)
        func decode(_ stored: StoredConfig?) throws(CentralStorageError) -> KioskConfigDocument {
            guard let stored else { return KioskConfigDocument() }
            do { return try WireCoding.decoder().decode(KioskConfigDocument.self, from: Data(stored.json.utf8)) } catch {
                throw .corrupt("\(stored.scope.rawValue) \(stored.target) configuration version \(stored.version)")
            }
        }
        let document = try decode(own).over(try decode(district))
        return KioskConfigAnswer(
            kioskID: kioskID, district: kiosk.district, districtVersion: district?.version ?? 0, kioskVersion: own?.version ?? 0,
            config: document)
    }
}
