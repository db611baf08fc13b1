import Foundation
import KioskCore
import KioskRegistry
import KioskSync
import KioskTestSupport
import Testing

/// `POST /v1/documents/{code}` and `GET /v1/agencies` on a real kiosk-central through
/// `CentralDocumentSource` and `CentralAgencyStatus`.
@Suite(.serialized) struct DocumentEndpointTests {
    /// The text of every field and table cell of `content`.
    static func texts(_ content: DocumentContent) -> [String] {
        content.sections.flatMap { section -> [String] in
            switch section.body {
            case .fields(let fields): fields.flatMap { [$0.label, $0.value] }
            case .table(let table): table.rows.flatMap { $0 }
            case .paragraph(let text): [text]
            }
        }
    }

    @Test func aVerifiedResidentsHouseholdCopyListsTheirHousehold() async throws {
        let rig = try await IdentityRig()
        let resident = try rig.enrolledResident(thumb: 1)
        let verdict = try await rig.verifier().verify(rig.request(resident, thumb: 1))
        guard case .verified(let identity) = verdict else {
            Issue.record("expected verified, got \(verdict)")
            return
        }
        let content = try await rig.documents().content(for: DocumentRequest(code: "RR-DEUNGBON", identity: identity, at: Date()))
        #expect(content.title == "주민등록표 (등본)")
        let registry = try requireValue(rig.registry, "registry")
        let household = registry.households[resident.household]
        let cells = Self.texts(content)
        for member in household.members.map({ registry.residents[$0] }) {
            #expect(cells.contains(member.name))
            #expect(cells.contains(member.residentNumber.masked))
        }
        // Another household's head is not on it.
        let stranger = registry.residents[registry.households[(resident.household + 1) % registry.households.count].head]
        #expect(!cells.contains(stranger.residentNumber.masked))

        // Kiosk B did not verify this resident: the identity opens nothing there.
        do throws(DocumentUnavailable) {
            _ = try await rig.documents(rig.kioskB).content(for: DocumentRequest(code: "RR-DEUNGBON", identity: identity, at: Date()))
            Issue.record("kiosk B fetched a resident kiosk A verified")
        } catch {
            guard case .notFound(let what) = error else {
                Issue.record("expected notFound, got \(error)")
                return
            }
            #expect(what.contains("no verification of this resident at kiosk \(rig.kioskB)"))
        }

        // An identity central never issued (a reference under another secret) finds nothing.
        let forged = VerifiedIdentity(
            resident: ResidentReference(residentNumberDigits: resident.residentNumber.unmaskedDigits, secret: Data("guess".utf8)),
            exemptions: [], method: .fingerprint, verifiedAt: Date())
        await #expect(throws: DocumentUnavailable.self) {
            try await rig.documents().content(for: DocumentRequest(code: "RR-DEUNGBON", identity: forged, at: Date()))
        }
        do throws(DocumentUnavailable) {
            _ = try await rig.documents().content(for: DocumentRequest(code: "RR-DEUNGBON", identity: nil, at: Date()))
            Issue.record("a household copy without identity was served")
        } catch {
            guard case .notFound = error else {
                Issue.record("expected notFound, got \(error)")
                return
            }
        }
    }

    @Test func aParcelByItsKeyAndAnUnknownOne() async throws {
        let rig = try await IdentityRig()
        let parcel = try requireValue(rig.registry?.parcels.first, "no parcel")
        let content = try await rig.documents(rig.kioskB).content(for: DocumentRequest(code: "LD-LAND", identity: nil, key: parcel.number, at: Date()))
        #expect(content.title == "토지대장")
        #expect(Self.texts(content).contains(parcel.lotAddress))
        #expect(Self.texts(content).contains(parcel.number))
        do throws(DocumentUnavailable) {
            _ = try await rig.documents().content(for: DocumentRequest(code: "LD-LAND", identity: nil, key: "0000000000-1-0000-0000", at: Date()))
            Issue.record("an unknown parcel was served")
        } catch {
            #expect(error == .notFound(what: "not found: parcel 0000000000-1-0000-0000"))
        }
        do throws(DocumentUnavailable) {
            _ = try await rig.documents().content(for: DocumentRequest(code: "NO-SUCH-DOC", identity: nil, at: Date()))
            Issue.record("an unknown document was served")
        } catch {
            guard case .notFound(let what) = error else {
                Issue.record("expected notFound, got \(error)")
                return
            }
            #expect(what.contains("NO-SUCH-DOC"))
        }
    }

    @Test func anAgencySwitchedDownAnswers503WithTheReasonUntilSwitchedUp() async throws {
        let rig = try await IdentityRig()
        let parcel = try requireValue(rig.registry?.parcels.first, "no parcel")
        let request = DocumentRequest(code: "LD-LAND", identity: nil, key: parcel.number, at: Date())
        let down = try await rig.command(["agencies", "down", "MOLIT", "--reason", "국토부 전산 점검"])
        #expect(down.status == 0, "\(down.stderr)")
        do throws(DocumentUnavailable) {
            _ = try await rig.documents().content(for: request)
            Issue.record("a down agency served a document")
        } catch {
            #expect(error == .backendDown(agency: "MOLIT", reason: "the MOLIT back-end is down: 국토부 전산 점검"))
        }
        let statuses = try await CentralAgencyStatus(baseURL: rig.central.baseURL, kioskID: rig.kioskA, key: rig.keyA).fetch()
        let molit = try requireValue(statuses.first { $0.agency == "MOLIT" }, "MOLIT not listed")
        #expect(molit.state == "down" && molit.reason == "국토부 전산 점검" && molit.documents == ["LD-LAND"])
        #expect(statuses.first { $0.agency == "MOIS" }?.state == "open")

        #expect(try await rig.command(["agencies", "up", "MOLIT"]).status == 0)
        _ = try await rig.documents().content(for: DocumentRequest(code: "LD-LAND", identity: nil, key: parcel.number, at: Date()))
        let bad = try await rig.command(["agencies", "down", "molit; drop"])
        #expect(bad.status != 0 && bad.stderr.contains("AGENCY must be"))
    }

    @Test func anAgencyOutsideItsHoursIsClosed() async throws {
        let rig = try await IdentityRig(arguments: ["--agency-hours", "SCOURT=off"])
        let resident = try rig.enrolledResident(thumb: 1)
        guard case .verified(let identity) = try await rig.verifier().verify(rig.request(resident, thumb: 1)) else {
            Issue.record("not verified")
            return
        }
        do throws(DocumentUnavailable) {
            _ = try await rig.documents().content(for: DocumentRequest(code: "FR-FAMILY", identity: identity, at: Date()))
            Issue.record("a closed agency served a document")
        } catch {
            #expect(error == .backendClosed(agency: "SCOURT", reopens: nil))
        }
        let statuses = try await CentralAgencyStatus(baseURL: rig.central.baseURL, kioskID: rig.kioskA, key: rig.keyA).fetch()
        #expect(statuses.first { $0.agency == "SCOURT" }.map { ($0.state, $0.hours) } ?? ("", "") == ("closed", "off"))
        // The household copy (MOIS, 24/7) is still served.
        _ = try await rig.documents().content(for: DocumentRequest(code: "RR-DEUNGBON", identity: identity, at: Date()))
    }

    @Test func aBadHoursRuleStopsCentralAtStartNamingIt() async throws {
        let folder = try TemporaryDirectory(prefix: "central-hours")
        let result = try await runProcess(
            BuiltProducts.path("kiosk-central"),
            ["serve", "--listen", "127.0.0.1:0", "--database", folder.file("c.sqlite"), "--agency-hours", "SCOURT=Mo-Xx 09:00"], timeout: .seconds(30))
        #expect(result.status != 0)
        #expect(result.stderr.contains("hours of agency SCOURT"))
    }
}
