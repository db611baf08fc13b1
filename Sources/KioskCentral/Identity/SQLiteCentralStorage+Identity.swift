import GRDB

extension SQLiteCentralStorage {
    /// Adds the identity tables (`v2-identity`).
    static func registerIdentityMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-identity") { db in
            try db.execute(
                sql: """
                    CREATE TABLE registry_parameters (
                        id INTEGER PRIMARY KEY CHECK (id = 1), seed TEXT NOT NULL, households INTEGER NOT NULL,
                        as_of TEXT NOT NULL, synthetic_thumbs INTEGER NOT NULL, secret TEXT NOT NULL, seeded_ms INTEGER NOT NULL
                    );
                    CREATE TABLE identity_attempt (
                        id INTEGER PRIMARY KEY AUTOINCREMENT, kiosk_id TEXT NOT NULL, resident_ref TEXT NOT NULL,
                        result TEXT NOT NULL, quality INTEGER NOT NULL, score REAL, utc_ms INTEGER NOT NULL
                    );
                    CREATE INDEX identity_attempt_time ON identity_attempt(utc_ms);
                    CREATE TABLE agency_switch (
                        agency TEXT PRIMARY KEY, reason TEXT NOT NULL, since_ms INTEGER NOT NULL
                    );
                    """)
        }
    }

    /// See `CentralIdentityStorage.registryParameters()`.
    public func registryParameters() async throws(CentralStorageError) -> RegistryParameters? {
        try await run { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT seed, households, as_of, synthetic_thumbs, secret, seeded_ms FROM registry_parameters WHERE id = 1")
            else { return nil }
            guard let seed = UInt64(row[0] as String) else { throw CentralStorageError.corrupt("registry seed \(row[0] as String)") }
            return RegistryParameters(seed: seed, households: row[1], asOf: row[2], syntheticThumbs: row[3], secretHex: row[4], seededAtUTCMilliseconds: row[5])
        }
    }

    /// See `CentralIdentityStorage.storeRegistryParameters(_:)`.
    public func storeRegistryParameters(_ parameters: RegistryParameters) async throws(CentralStorageError) {
        try await run({ db in
            try db.execute(
                sql: """
                    INSERT INTO registry_parameters (id, seed, households, as_of, synthetic_thumbs, secret, seeded_ms)
                    VALUES (1, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET seed = excluded.seed, households = excluded.households, as_of = excluded.as_of,
                        synthetic_thumbs = excluded.synthetic_thumbs, secret = excluded.secret, seeded_ms = excluded.seeded_ms
                    """,
                arguments: [String(parameters.seed), parameters.households, parameters.asOf, parameters.syntheticThumbs,
                            parameters.secretHex, parameters.seededAtUTCMilliseconds])
        }, write: true)
    }

    /// See `CentralIdentityStorage.recordVerificationAttempt(_:)`.
    public func recordVerificationAttempt(_ attempt: CentralVerificationRecord) async throws(CentralStorageError) {
        try await run({ db in
            try db.execute(
                sql: "INSERT INTO identity_attempt (kiosk_id, resident_ref, result, quality, score, utc_ms) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [attempt.kioskID, attempt.residentReference, attempt.result, attempt.quality, attempt.score, attempt.atUTCMilliseconds])
        }, write: true)
    }

    /// See `CentralIdentityStorage.verificationAttempts(sinceUTCMilliseconds:)`.
    public func verificationAttempts(sinceUTCMilliseconds since: Int64) async throws(CentralStorageError) -> [CentralVerificationRecord] {
        try await run { db in
            try Row.fetchAll(
                db, sql: "SELECT kiosk_id, resident_ref, result, quality, score, utc_ms FROM identity_attempt WHERE utc_ms >= ? ORDER BY utc_ms, id",
                arguments: [since]
            ).map { row in
                CentralVerificationRecord(kioskID: row[0], residentReference: row[1], result: row[2], quality: row[3], score: row[4], atUTCMilliseconds: row[5])
            }
        }
    }

    /// See `CentralIdentityStorage.setAgencyDown(_:down:reason:atUTCMilliseconds:)`.
    public func setAgencyDown(_ agency: String, down: Bool, reason: String?, atUTCMilliseconds: Int64) async throws(CentralStorageError) {
        try await run({ db in
            if down {
                try db.execute(
                    sql: """
                        INSERT INTO agency_switch (agency, reason, since_ms) VALUES (?, ?, ?)
                        ON CONFLICT (agency) DO UPDATE SET reason = excluded.reason
                        """, arguments: [agency, reason ?? "switched off by an operator", atUTCMilliseconds])
            } else {
                try db.execute(sql: "DELETE FROM agency_switch WHERE agency = ?", arguments: [agency])
            }
        }, write: true)
    }

    /// See `CentralIdentityStorage.agenciesDown()`.
    public func agenciesDown() async throws(CentralStorageError) -> [String: CentralAgencySwitch] {
        try await run { db in
            var out: [String: CentralAgencySwitch] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT agency, reason, since_ms FROM agency_switch") {
                out[row[0]] = CentralAgencySwitch(reason: row[1], sinceUTCMilliseconds: row[2])
            }
            return out
        }
    }
}
