public import Foundation

/// Combines the kiosk's hours, each document's service window and the "closing soon" margin.
///
/// A document is offered at an instant only when the kiosk is open and the document's window (if any) is
/// open. A new session may start only when it could finish before closing: both must stay open for at
/// least `closingSoonMinutes`. A session already in progress is never cut off by hours: the daemon lets
/// it finish payment and printing (this type is only asked before a session starts).
public struct ServiceAvailability: Sendable {
    /// The kiosk's own hours.
    public var kioskHours: OpeningHours
    /// Holidays for `PH`.
    public var calendar: HolidayCalendar
    /// No session starts when closing is less than this many minutes away.
    public var closingSoonMinutes: Int

    /// An availability policy.
    public init(kioskHours: OpeningHours, calendar: HolidayCalendar, closingSoonMinutes: Int = 5) {
        self.kioskHours = kioskHours
        self.calendar = calendar
        self.closingSoonMinutes = closingSoonMinutes
    }

    /// Whether the kiosk is open at `instant`.
    public func isKioskOpen(at instant: Date) -> Bool { kioskHours.isOpen(at: instant, calendar: calendar) }

    /// Whether `document` is offered at `instant` (kiosk open and the document's window open).
    public func isOffered(_ document: DocumentType, at instant: Date) -> Bool {
        guard isKioskOpen(at: instant) else { return false }
        return document.serviceWindow?.isOpen(at: instant, calendar: calendar) ?? true
    }

    /// When the offer of `document` ends after `instant` (the earlier of the kiosk's and the window's next
    /// change), or nil when it stays offered for the next 366 days. Only meaningful while offered.
    public func offerEnds(_ document: DocumentType, after instant: Date) -> Date? {
        let kioskEnd = kioskHours.nextChange(after: instant, calendar: calendar)
        let windowEnd = document.serviceWindow?.nextChange(after: instant, calendar: calendar)
        switch (kioskEnd, windowEnd) {
        case (nil, nil): return nil
        case (let a?, nil): return a
        case (nil, let b?): return b
        case (let a?, let b?): return min(a, b)
        }
    }

    /// Whether a session for `document` may start at `instant`: offered now, and still offered
    /// `closingSoonMinutes` from now.
    public func maySessionStart(for document: DocumentType, at instant: Date) -> Bool {
        guard isOffered(document, at: instant) else { return false }
        guard let end = offerEnds(document, after: instant) else { return true }
        return end.timeIntervalSince(instant) >= TimeInterval(closingSoonMinutes * 60)
    }

    /// Whether any session may start at `instant` (the kiosk is open and not closing within the margin).
    public func maySessionStart(at instant: Date) -> Bool {
        guard isKioskOpen(at: instant) else { return false }
        guard let end = kioskHours.nextChange(after: instant, calendar: calendar) else { return true }
        return end.timeIntervalSince(instant) >= TimeInterval(closingSoonMinutes * 60)
    }
}
