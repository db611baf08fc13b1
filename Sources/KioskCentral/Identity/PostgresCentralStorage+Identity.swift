import Logging
import PostgresNIO

extension PostgresCentralStorage {
    /// Creates the identity tables if they do not exist (inside `migrate()`'s transaction).
    static func migrateIdentity(_ connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            """
            CREATE TABLE IF NOT EXISTS registry_parameters (
                id INTEGER PRIMARY KEY CHECK (id = 1), seed TEXT NOT NULL, households BIGINT NOT NULL, as_of TEXT NOT NULL,
                synthetic_thumbs BIGINT NOT NULL, secret TEXT NOT NULL, seeded_ms BIGINT NOT NULL)
            """, logger: logger)
        try await connection.query(
            """
            CREATE TABLE IF NOT EXISTS identity_attempt (
                id BIGSERIAL PRIMARY KEY, kiosk_id TEXT NOT NULL, resident_ref TEXT NOT NULL, result TEXT NOT NULL,
                quality BIGINT NOT NULL, score DOUBLE PRECISION, utc_ms BIGINT NOT NULL)
            """, logger: logger)
        try await connection.query("CREATE INDEX IF NOT EXISTS identity_attempt_time ON identity_attempt(utc_ms)", logger: logger)
        try await connection.query(
            "CREATE TABLE IF NOT EXISTS agency_switch (agency TEXT PRIMARY KEY, reason TEXT NOT NULL, since_ms BIGINT NOT NULL)",
            logger: logger)
    }

    /// See `CentralIdentityStorage.registryParameters()`.
    public func registryParameters() async throws(CentralStorageError) -> RegistryParameters? {
        try await run {
            for try await (seed, households, asOf, thumbs, secret, seeded) in try await client.query(
                "SELECT seed, households, as_of, synthetic_thumbs, secret, seeded_ms FROM registry_parameters WHERE id = 1", logger: logger
            ).decode((String, Int64, String, Int64, String, Int64).self) {
                guard let value = UInt64(seed) else { throw CentralStorageError.corrupt("registry seed \(seed)") }
                return RegistryParameters(
                    seed: value, households: Int(households), asOf: asOf, syntheticThumbs: Int(thumbs), secretHex: secret,
                    seededAtUTCMilliseconds: seeded)
            }
            return nil
        }
    }

    /// See `CentralIdentityStorage.storeRegistryParameters(_:)`.
    public func storeRegistryParameters(_ parameters: RegistryParameters) async throws(CentralStorageError) {
        let seed = String(parameters.seed)
        let households = Int64(parameters.households)
        let thumbs = Int64(parameters.syntheticThumbs)
        _ = try await run {
            try await client.query(
                """
                INSERT INTO registry_parameters (id, seed, households, as_of, synthetic_thumbs, secret, seeded_ms)
                VALUES (1, \(seed), \(households), \(parameters.asOf), \(thumbs), \(parameters.secretHex), \(parameters.seededAtUTCMilliseconds))
                ON CONFLICT (id) DO UPDATE SET seed = excluded.seed, households = excluded.households, as_of = excluded.as_of,
                    synthetic_thumbs = excluded.synthetic_thumbs, secret = excluded.secret, seeded_ms = excluded.seeded_ms
                """, logger: logger)
        }
    }

    /// See `CentralIdentityStorage.recordVerificationAttempt(_:)`.
    public func recordVerificationAttempt(_ attempt: CentralVerificationRecord) async throws(CentralStorageError) {
        let quality = Int64(attempt.quality)
        _ = try await run {
            try await client.query(
                """
                INSERT INTO identity_attempt (kiosk_id, resident_ref, result, quality, score, utc_ms)
                VALUES (\(attempt.kioskID), \(attempt.residentReference), \(attempt.result), \(quality), \(attempt.score), \(attempt.atUTCMilliseconds))
                """, logger: logger)
        }
    }

    /// See `CentralIdentityStorage.verificationAttempts(sinceUTCMilliseconds:)`.
    public func verificationAttempts(sinceUTCMilliseconds since: Int64) async throws(CentralStorageError) -> [CentralVerificationRecord] {
        try await run {
            var out: [CentralVerificationRecord] = []
            for try await (kiosk, reference, result, quality, score, at) in try await client.query(
                "SELECT kiosk_id, resident_ref, result, quality, score, utc_ms FROM identity_attempt WHERE utc_ms >= \(since) ORDER BY utc_ms, id",
                logger: logger
            ).decode((String, String, String, Int64, Double?, Int64).self) {
                out.append(CentralVerificationRecord(
                    kioskID: kiosk, residentReference: reference, result: result, quality: Int(quality), score: score, atUTCMilliseconds: at))
            }
            return out
        }
    }

    /// See `CentralIdentityStorage.setAgencyDown(_:down:reason:atUTCMilliseconds:)`.
    public func setAgencyDown(_ agency: String, down: Bool, reason: String?, atUTCMilliseconds: Int64) async throws(CentralStorageError) {
        let text = reason ?? "switched off by an operator"
        _ = try await run {
            if down {
                try await client.query(
                    """
                    INSERT INTO agency_switch (agency, reason, since_ms) VALUES (\(agency), \(text), \(atUTCMilliseconds))
                    ON CONFLICT (agency) DO UPDATE SET reason = excluded.reason
                    """, logger: logger)
            } else {
                try await client.query("DELETE FROM agency_switch WHERE agency = \(agency)", logger: logger)
            }
        }
    }

    /// See `CentralIdentityStorage.agenciesDown()`.
    public func agenciesDown() async throws(CentralStorageError) -> [String: CentralAgencySwitch] {
        try await run {
            var out: [String: CentralAgencySwitch] = [:]
            for try await (agency, reason, since) in try await client.query(
                "SELECT agency, reason, since_ms FROM agency_switch", logger: logger
            ).decode((String, String, Int64).self) {
                out[agency] = CentralAgencySwitch(reason: reason, sinceUTCMilliseconds: since)
            }
            return out
        }
    }
}
