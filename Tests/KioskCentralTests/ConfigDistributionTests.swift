import Foundation
import KioskCentral
import KioskSync
import KioskTestSupport
import Testing

/// Configuration documents per district and per kiosk: validated before they are stored, versioned,
/// merged (kiosk over district) — on both storage backends — and served at `GET /v1/kiosks/{id}/config`.
@Suite(.serialized) struct ConfigDistributionTests {
    @Test(arguments: StorageBackend.allCases)
    func kioskDocumentsOverrideTheirDistrictsAndVersionsCount(backend: StorageBackend) async throws {
        try await backend.with { storage, _ in
            try await storage.addKiosk(CentralKiosk(id: "k1", publicKey: KioskSigningKey().publicKey.base64, name: "one", location: "", district: "Jongno-gu"))
            let distribution = ConfigDistribution(storage: storage)
            #expect(try await distribution.effective(kioskID: "k1")?.version == "d0-k0")
            #expect(try await distribution.effective(kioskID: "nobody") == nil)

            let district = #"{"hours":"Mo-Fr 09:00-18:00","feeOverridesWon":{"RESIDENT-COPY":300,"FAMILY-REL":500},"extraHolidays":["2026-05-01"]}"#
            #expect(try await distribution.publish(scope: .district, target: "Jongno-gu", json: Data(district.utf8), atUTCMilliseconds: 1) == 1)
            let own = #"{"feeOverridesWon":{"RESIDENT-COPY":0},"extraHolidays":["2026-04-30"],"catalogVersion":"2026.1"}"#
            #expect(try await distribution.publish(scope: .kiosk, target: "k1", json: Data(own.utf8), atUTCMilliseconds: 2) == 1)
            #expect(try await distribution.publish(scope: .district, target: "Jongno-gu", json: Data(district.utf8), atUTCMilliseconds: 3) == 2)

            let answer = try #require(try await distribution.effective(kioskID: "k1"))
            #expect(answer.version == "d2-k1" && answer.district == "Jongno-gu")
            #expect(answer.config.hours == "Mo-Fr 09:00-18:00")
            #expect(answer.config.feeOverridesWon == ["RESIDENT-COPY": 0, "FAMILY-REL": 500])
            #expect(answer.config.extraHolidays == ["2026-04-30", "2026-05-01"])
            #expect(answer.config.catalogVersion == "2026.1")

            // A bad document names every problem and stores nothing.
            let bad = #"{"hours":"whenever","feeOverridesWon":{"RESIDENT-COPY":-5},"extraHolidays":["2026-02-30"],"hour":"x"}"#
            do {
                _ = try await distribution.publish(scope: .kiosk, target: "k1", json: Data(bad.utf8), atUTCMilliseconds: 4)
                Issue.record("a bad document was stored")
            } catch let problems as ConfigValidation.Problems {
                #expect(problems.messages.count == 4, "\(problems.messages)")
                #expect(problems.messages.contains { $0.hasPrefix("hour: unknown key") })
                #expect(problems.messages.contains { $0.hasPrefix("hours: bad rule \"whenever\"") })
                #expect(problems.messages.contains { $0.hasPrefix("feeOverridesWon.RESIDENT-COPY: -5 won") })
                #expect(problems.messages.contains { $0.hasPrefix("extraHolidays: \"2026-02-30\" is not a date") })
            }
            await #expect(throws: CentralStorageError.unknownKiosk("ghost")) {
                _ = try await distribution.publish(scope: .kiosk, target: "ghost", json: Data("{}".utf8), atUTCMilliseconds: 5)
            }
            #expect(try await distribution.effective(kioskID: "k1")?.version == "d2-k1")
        }
    }

    @Test func theCommandStoresAndTheServerServesTheEffectiveDocument() async throws {
        let folder = try TemporaryDirectory(prefix: "central-config")
        let database = folder.file("central.sqlite")
        let key = KioskSigningKey()
        try await RunningCentral.register(database: database, id: "k1", publicKey: key.publicKey.base64, district: "진주시")
        let other = KioskSigningKey()
        try await RunningCentral.register(database: database, id: "k2", publicKey: other.publicKey.base64, district: "진주시")
        let document = try folder.write("district.json", #"{"hours":"Mo-Sa 08:00-20:00","documentWindows":{"LD-LAND":"Mo-Fr 09:00-18:00"}}"#)
        let set = try await runProcess(
            BuiltProducts.path("kiosk-central"), ["config", "set", "--database", database, "--district", "진주시", "--file", document])
        #expect(set.status == 0 && set.stdout == "stored district 진주시 configuration version 1\n", "\(set.stdout)\(set.stderr)")
        let broken = try folder.write("broken.json", #"{"hours":"sometimes"}"#)
        let refused = try await runProcess(
            BuiltProducts.path("kiosk-central"), ["config", "set", "--database", database, "--kiosk", "k1", "--file", broken])
        #expect(refused.status != 0 && refused.stderr.contains("hours: bad rule \"sometimes\""), "\(refused.stderr)")

        let central = try await RunningCentral(database: database, folder: folder.path)
        func signed(_ path: String, by id: String, _ key: KioskSigningKey) -> [String: String] {
            Dictionary(uniqueKeysWithValues: SignedRequest.headers(method: "GET", path: path, kioskID: id, key: key, body: []).map { ($0.name, $0.value) })
        }
        let path = "/v1/kiosks/k1/config"
        let headers = signed(path, by: "k1", key)
        let answer = try await HTTPProbe.send("GET", central.baseURL + path, headers: headers)
        #expect(answer.status == 200)
        let decoded = try WireCoding.decoder().decode(KioskConfigAnswer.self, from: Data(answer.body.utf8))
        #expect(decoded.version == "d1-k0" && decoded.config.hours == "Mo-Sa 08:00-20:00")
        #expect(decoded.config.documentWindows == ["LD-LAND": "Mo-Fr 09:00-18:00"])
        // Only the kiosk itself reads its configuration, once per signed request.
        let unsigned = try await HTTPProbe.get(central.baseURL + path)
        #expect(unsigned.status == 401 && unsigned.json?["error"] as? String == "missing-signature")
        let replayed = try await HTTPProbe.send("GET", central.baseURL + path, headers: headers)
        #expect(replayed.status == 409 && replayed.json?["error"] as? String == "replayed-request")
        let neighbour = try await HTTPProbe.send("GET", central.baseURL + path, headers: signed(path, by: "k2", other))
        #expect(neighbour.status == 403 && neighbour.json?["error"] as? String == "kiosk-mismatch")
        let forged = try await HTTPProbe.send("GET", central.baseURL + path, headers: signed(path, by: "k1", other))
        #expect(forged.status == 403 && forged.json?["error"] as? String == "bad-signature")
        await central.kill()
    }
}
