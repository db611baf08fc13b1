import Foundation
import KioskCore
import Testing

@Suite struct ServiceAvailabilityTests {
    @Test func documentWindowAndKioskHoursCombine() throws {
        var document = FeeTests.deungbon
        document.serviceWindow = try OpeningHours(parsing: "Mo-Fr 09:00-18:00; PH off")
        let availability = ServiceAvailability(
            kioskHours: try OpeningHours(parsing: "Mo-Su 07:00-22:00"), calendar: .korean, closingSoonMinutes: 10)
        // Monday 2026-11-23.
        #expect(availability.isKioskOpen(at: at("2026-11-23T08:00")))
        #expect(!availability.isOffered(document, at: at("2026-11-23T08:00")))
        #expect(availability.isOffered(FeeTests.land, at: at("2026-11-23T08:00")))
        #expect(availability.isOffered(document, at: at("2026-11-23T09:00")))
        #expect(!availability.isOffered(document, at: at("2026-11-23T23:00")))
        // Closing soon: the window closes at 18:00.
        #expect(availability.maySessionStart(for: document, at: at("2026-11-23T17:50")))
        #expect(!availability.maySessionStart(for: document, at: at("2026-11-23T17:51")))
        #expect(availability.maySessionStart(for: FeeTests.land, at: at("2026-11-23T21:50")))
        #expect(!availability.maySessionStart(for: FeeTests.land, at: at("2026-11-23T21:55")))
        #expect(availability.offerEnds(document, after: at("2026-11-23T10:00")) == at("2026-11-23T18:00"))
        // A public holiday closes the document but not the kiosk (2025-10-08, substitute for Chuseok).
        #expect(availability.isKioskOpen(at: at("2025-10-08T10:00")))
        #expect(!availability.isOffered(document, at: at("2025-10-08T10:00")))
        #expect(!availability.maySessionStart(at: at("2026-11-23T21:59")))
        #expect(availability.maySessionStart(at: at("2026-11-23T12:00")))
        let always = ServiceAvailability(kioskHours: .alwaysOpen, calendar: .korean)
        #expect(always.maySessionStart(for: FeeTests.land, at: at("2026-11-23T03:00")))
    }
}
