import Foundation
import KioskCentral
import KioskCore
import KioskTestSupport
import Testing

/// The identity part of central storage, on SQLite and PostgreSQL: registry parameters, the attempt audit
/// and the agency switches.
@Suite(.serialized) struct IdentityStorageTests {
    @Test(arguments: StorageBackend.allCases)
    func registryParametersRoundTripAndAreReplaced(_ backend: StorageBackend) async throws {
        try await backend.with { storage, _ in
            #expect(try await storage.registryParameters() == nil)
            let first = RegistryParameters(
                seed: UInt64.max, households: 12, asOf: "2026-11-01", syntheticThumbs: 4, secretHex: String(repeating: "ab", count: 32),
                seededAtUTCMilliseconds: 1_800_000_000_000)
            try await storage.storeRegistryParameters(first)
            #expect(try await storage.registryParameters() == first)
            var second = first
            second.seed = 3
            second.secretHex = String(repeating: "01", count: 32)
            try await storage.storeRegistryParameters(second)
            #expect(try await storage.registryParameters() == second)
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func attemptsAreAuditedInOrderWithoutRRNs(_ backend: StorageBackend) async throws {
        try await backend.with { storage, _ in
            let reference = ResidentReference(residentNumberDigits: "9001011234568", secret: Data("s".utf8)).hex
            let records = [
                CentralVerificationRecord(kioskID: "a", residentReference: reference, result: "not-matched", quality: 71, score: 0.12, atUTCMilliseconds: 1_000),
                CentralVerificationRecord(kioskID: "b", residentReference: reference, result: "locked-out", quality: 64, score: nil, atUTCMilliseconds: 2_000),
                CentralVerificationRecord(kioskID: "a", residentReference: reference, result: "verified", quality: 90, score: 0.8, atUTCMilliseconds: 2_000),
            ]
            for record in records { try await storage.recordVerificationAttempt(record) }
            #expect(try await storage.verificationAttempts(sinceUTCMilliseconds: 0) == records)
            #expect(try await storage.verificationAttempts(sinceUTCMilliseconds: 1_500) == Array(records.dropFirst()))
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func agenciesSwitchDownAndUp(_ backend: StorageBackend) async throws {
        try await backend.with { storage, _ in
            #expect(try await storage.agenciesDown().isEmpty)
            try await storage.setAgencyDown("MOLIT", down: true, reason: "점검", atUTCMilliseconds: 10)
            try await storage.setAgencyDown("SCOURT", down: true, reason: nil, atUTCMilliseconds: 20)
            try await storage.setAgencyDown("MOLIT", down: true, reason: "점검 연장", atUTCMilliseconds: 30)
            #expect(try await storage.agenciesDown() == [
                "MOLIT": CentralAgencySwitch(reason: "점검 연장", sinceUTCMilliseconds: 10),
                "SCOURT": CentralAgencySwitch(reason: "switched off by an operator", sinceUTCMilliseconds: 20),
            ])
            try await storage.setAgencyDown("MOLIT", down: false, reason: nil, atUTCMilliseconds: 40)
            #expect(Set(try await storage.agenciesDown().keys) == ["SCOURT"])
        }
    }
}
