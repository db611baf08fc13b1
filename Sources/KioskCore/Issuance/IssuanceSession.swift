public import Foundation

/// One resident's visit as a pure state machine: several documents, one payment, one issuance per
/// document, each with its own outcome.
///
/// The daemon feeds events with `handle(_:at:)` and performs the returned actions in order
/// (see `IssuanceAction` for the ledger-first contract). No clock, no I/O, no ids made here: times come
/// in as `LedgerInstant`s, ids in the events.
///
/// Phases: `choosing → identifying (only if a document needs it) → options → quoted → paying →
/// fulfilling → finished`, or `abandoned` / `outOfService` before payment. From payment on each issuance
/// follows its own `IssuanceState`.
public struct IssuanceSession: Sendable, Hashable {
    /// The phase of the whole session.
    public enum Phase: String, Sendable, Hashable, Codable, CaseIterable {
        /// Choosing documents.
        case choosing
        /// Verifying the resident's identity.
        case identifying
        /// Choosing options and copies (and waiting for the quote once confirmed).
        case options
        /// The quote is shown.
        case quoted
        /// Payment in progress.
        case paying
        /// Paid: each issuance on its way to issued, refunded or refund-owed.
        case fulfilling
        /// Every paid issuance reached its outcome. Terminal.
        case finished
        /// Ended before payment: nothing charged. Terminal.
        case abandoned
        /// Ended because the kiosk went out of service. Terminal.
        case outOfService = "out-of-service"

        /// Whether the session is over.
        public var isTerminal: Bool { self == .finished || self == .abandoned || self == .outOfService }
    }

    /// One document of the session and how far it got.
    public struct Issuance: Sendable, Hashable {
        /// The resident's request.
        public internal(set) var request: IssuanceRequest
        /// Its quote, once quoted.
        public internal(set) var quote: QuotedIssuance?
        /// Its number, once paid.
        public internal(set) var number: IssuanceNumber?
        /// Its state, once paid (`nil` before).
        public internal(set) var state: IssuanceState?
        /// The printer's job id, once prepared.
        public internal(set) var printerJobID: Int?
        /// The printed PDF's hash, once prepared.
        public internal(set) var pdfSHA256: SHA256Hash?
        /// Why it failed, if it did (or the jam a reprint is offered for).
        public internal(set) var failureReason: String?
        /// The printer jammed and the resident has not yet chosen between a reprint and a refund.
        public internal(set) var reprintOffered = false
        /// Reprints made after jams (at most `IssuanceSession.maximumReprints`).
        public internal(set) var reprints = 0

        /// The issuance id.
        public var id: UUID { request.issuanceID }
    }

    /// Reprints one issuance may get after jams; a jam after that fails it (refund).
    public static let maximumReprints = 1

    /// The session's id.
    public let sessionID: UUID
    /// The kiosk's id, written into every record.
    public let kioskID: String
    /// The phase.
    public private(set) var phase: Phase = .choosing
    /// The documents, in the order chosen.
    public private(set) var issuances: [Issuance] = []
    /// Whether the resident's identity was verified in this session.
    public private(set) var identityVerified = false
    /// The keyed reference of the verified resident, if the verifier gave one.
    public private(set) var residentReference: ResidentReference?
    /// The payment, once completed.
    public private(set) var payment: PaymentReceipt?
    /// Why the kiosk went out of service during the session, if it did.
    public private(set) var outOfServiceReason: String?
    /// Whether a quote was requested and not yet received.
    public private(set) var awaitingQuote = false

    /// A new session in `choosing`.
    public init(sessionID: UUID, kioskID: String) {
        self.sessionID = sessionID
        self.kioskID = kioskID
    }

    /// The quoted total of all issuances (zero before the quote).
    public var total: Money { issuances.reduce(.zero) { $0 + ($1.quote?.amount ?? .zero) } }

    /// Applies `event`, which happened at `instant`. On success the session moves on and the actions are
    /// returned; on failure the session is unchanged and the error names the illegal event.
    public mutating func handle(_ event: IssuanceEvent, at instant: LedgerInstant) -> Result<[IssuanceAction], IssuanceError> {
        var next = self
        do {
            let actions = try next.apply(event, at: instant)
            self = next
            return .success(actions)
        } catch {
            return .failure(error)
        }
    }

    // MARK: - transitions

    private mutating func apply(_ event: IssuanceEvent, at instant: LedgerInstant) throws(IssuanceError) -> [IssuanceAction] {
        switch (phase, event) {
        case (.choosing, .documentsChosen(let requests)):
            try validate(requests)
            let kept = Dictionary(uniqueKeysWithValues: issuances.map { ($0.id, $0) })
            issuances = requests.map { request in
                var issuance = kept[request.issuanceID] ?? Issuance(request: request)
                issuance.request = request
                issuance.quote = nil
                return issuance
            }
            phase = requests.contains(where: \.needsIdentity) && !identityVerified ? .identifying : .options
            return []

        case (.identifying, .identityVerified(let reference)):
            identityVerified = true
            residentReference = reference
            phase = .options
            return []

        case (.identifying, .identityFailed):
            return []

        case (.identifying, .back):
            phase = .choosing
            return []

        case (.options, .copiesChanged(let id, let copies)):
            guard !awaitingQuote else { throw .illegalEvent(event: event.name, phase: phase) }
            guard copies >= 1 else { throw .invalidCopies(issuanceID: id, copies: copies) }
            let index = try indexOf(id)
            issuances[index].request.copies = copies
            return []

        case (.options, .optionsConfirmed):
            guard !awaitingQuote else { throw .illegalEvent(event: event.name, phase: phase) }
            awaitingQuote = true
            return [.requestQuote(issuances.map(\.request))]

        case (.options, .quoteReady(let quotes)):
            guard awaitingQuote else { throw .illegalEvent(event: event.name, phase: phase) }
            try apply(quotes)
            awaitingQuote = false
            phase = .quoted
            return []

        case (.options, .back):
            awaitingQuote = false
            phase = .choosing
            return []

        case (.quoted, .back):
            for index in issuances.indices { issuances[index].quote = nil }
            phase = .options
            return []

        case (.quoted, .quoteAccepted):
            phase = .paying
            return [.collectPayment(total)]

        case (.paying, .paymentFailed):
            phase = .quoted
            return []

        case (.paying, .paymentCompleted(let receipt, let numbers)):
            return try paid(receipt, numbers: numbers, at: instant)

        case (.choosing, .cancel), (.identifying, .cancel), (.options, .cancel), (.quoted, .cancel),
            (.paying, .cancel):
            return abandon(reason: "cancelled by the resident", outOfService: false, at: instant)

        case (.choosing, .timeout), (.identifying, .timeout), (.options, .timeout), (.quoted, .timeout),
            (.paying, .timeout):
            return abandon(reason: "idle timeout", outOfService: false, at: instant)

        case (.choosing, .outOfService(let reason)), (.identifying, .outOfService(let reason)),
            (.options, .outOfService(let reason)), (.quoted, .outOfService(let reason)),
            (.paying, .outOfService(let reason)):
            return abandon(reason: reason, outOfService: true, at: instant)

        case (.fulfilling, .timeout):
            // A reprint question nobody answered: refund.
            var actions: [IssuanceAction] = []
            for index in issuances.indices where issuances[index].reprintOffered {
                issuances[index].reprintOffered = false
                actions += fail(index, reason: (issuances[index].failureReason ?? "paper jam") + "; no answer to the reprint question", at: instant)
            }
            return actions + finishIfDone()

        case (.fulfilling, .outOfService(let reason)):
            outOfServiceReason = reason
            var actions: [IssuanceAction] = []
            for index in issuances.indices where issuances[index].state == .paid || issuances[index].reprintOffered {
                issuances[index].reprintOffered = false
                actions += fail(index, reason: reason, at: instant)
            }
            return actions + finishIfDone()

        case (.fulfilling, .printJobJammed(let id, let reason)):
            let index = try indexOf(id, in: .printing, event: event)
            guard !issuances[index].reprintOffered else { throw .illegalEvent(event: event.name, phase: phase) }
            guard issuances[index].reprints < Self.maximumReprints else {
                return fail(index, reason: reason + " (already reprinted once)", at: instant) + finishIfDone()
            }
            issuances[index].reprintOffered = true
            issuances[index].failureReason = reason
            return []

        case (.fulfilling, .reprintDecided(let id, let reprint)):
            let index = try indexOf(id, in: .printing, event: event)
            guard issuances[index].reprintOffered else { throw .illegalEvent(event: event.name, phase: phase) }
            issuances[index].reprintOffered = false
            let jam = issuances[index].failureReason ?? "paper jam"
            guard reprint else { return fail(index, reason: jam + "; the resident chose a refund", at: instant) + finishIfDone() }
            issuances[index].reprints += 1
            issuances[index].failureReason = nil
            issuances[index].state = .paid
            let issuance = issuances[index]
            return [
                .appendLedger([record(.reprintRequested, for: index, at: instant, detail: jam)]),
                .preparePrintJob(
                    PrintJobRequest(
                        issuanceID: issuance.id, issuanceNumber: issuance.number!, documentCode: issuance.request.documentCode,
                        copies: issuance.request.copies, options: issuance.request.options)),
            ]

        case (.fulfilling, .printJobPrepared(let id, let jobID, let hash)):
            let index = try indexOf(id, in: .paid, event: event)
            issuances[index].state = .printing
            issuances[index].printerJobID = jobID
            issuances[index].pdfSHA256 = hash
            return [
                .appendLedger([record(.printing, for: index, at: instant)]),
                .releasePrintJob(issuanceID: id, jobID: jobID),
            ]

        case (.fulfilling, .printJobCompleted(let id)):
            let index = try indexOf(id, in: .printing, event: event)
            issuances[index].state = .issued
            return [.appendLedger([record(.issued, for: index, at: instant)])] + finishIfDone()

        case (.fulfilling, .printJobFailed(let id, let reason)):
            let index = try indexOf(id, in: [.paid, .printing], event: event)
            issuances[index].reprintOffered = false
            return fail(index, reason: reason, at: instant) + finishIfDone()

        case (.fulfilling, .moneyReturned(let id)):
            let index = try indexOf(id, in: .refunding, event: event)
            issuances[index].state = .refunded
            return [.appendLedger([record(.refunded, for: index, at: instant, money: true)])] + finishIfDone()

        case (.fulfilling, .refundFailed(let id, let reason)):
            let index = try indexOf(id, in: .refunding, event: event)
            issuances[index].state = .refundOwed
            return [.appendLedger([record(.refundOwed, for: index, at: instant, money: true, detail: reason)])]
                + finishIfDone()

        default:
            throw .illegalEvent(event: event.name, phase: phase)
        }
    }

    private func validate(_ requests: [IssuanceRequest]) throws(IssuanceError) {
        guard !requests.isEmpty else { throw .noDocuments }
        var seen: Set<UUID> = []
        for request in requests {
            guard seen.insert(request.issuanceID).inserted else { throw .duplicateIssuance(request.issuanceID) }
            guard request.copies >= 1 else {
                throw .invalidCopies(issuanceID: request.issuanceID, copies: request.copies)
            }
        }
    }

    private mutating func apply(_ quotes: [QuotedIssuance]) throws(IssuanceError) {
        let byID = Dictionary(quotes.map { ($0.issuanceID, $0) }, uniquingKeysWith: { first, _ in first })
        guard byID.count == quotes.count else { throw .quoteMismatch("an issuance is quoted twice") }
        guard Set(byID.keys) == Set(issuances.map(\.id)) else {
            throw .quoteMismatch("the quoted issuances are not the requested ones")
        }
        if let negative = quotes.first(where: { $0.amount < .zero }) {
            throw .quoteMismatch("issuance \(negative.issuanceID) is quoted at \(negative.amount)")
        }
        for index in issuances.indices { issuances[index].quote = byID[issuances[index].id] }
    }

    private mutating func paid(
        _ receipt: PaymentReceipt, numbers: [IssuanceNumber], at instant: LedgerInstant
    ) throws(IssuanceError) -> [IssuanceAction] {
        guard receipt.amount == total else { throw .paymentAmountMismatch(expected: total, received: receipt.amount) }
        guard numbers.count == issuances.count, Set(numbers).count == numbers.count else {
            throw .issuanceNumbersMismatch(expected: issuances.count, received: Set(numbers).count)
        }
        payment = receipt
        phase = .fulfilling
        for index in issuances.indices {
            issuances[index].number = numbers[index]
            issuances[index].state = .paid
        }
        var actions: [IssuanceAction] = [
            .appendLedger(issuances.indices.map { record(.paid, for: $0, at: instant, money: true) })
        ]
        if receipt.amount > .zero { actions.append(.keepMoney(receipt.amount)) }
        for issuance in issuances {
            actions.append(
                .preparePrintJob(
                    PrintJobRequest(
                        issuanceID: issuance.id, issuanceNumber: issuance.number!,
                        documentCode: issuance.request.documentCode, copies: issuance.request.copies,
                        options: issuance.request.options)))
        }
        return actions
    }

    /// Fails issuance `index` and starts its refund (or closes it with a zero refund if it cost nothing).
    private mutating func fail(_ index: Int, reason: String, at instant: LedgerInstant) -> [IssuanceAction] {
        issuances[index].failureReason = reason
        let amount = issuances[index].quote?.amount ?? .zero
        let failed = record(.failed, for: index, at: instant, detail: reason)
        if amount == .zero {
            issuances[index].state = .refunded
            return [.appendLedger([failed, record(.refunded, for: index, at: instant, money: true, detail: "nothing to refund")])]
        }
        issuances[index].state = .refunding
        return [
            .appendLedger([failed, record(.refundStarted, for: index, at: instant, money: true)]),
            .returnMoney(issuanceID: issuances[index].id, amount: amount),
        ]
    }

    private mutating func abandon(reason: String, outOfService: Bool, at instant: LedgerInstant) -> [IssuanceAction] {
        var actions: [IssuanceAction] = []
        if phase == .paying { actions.append(.cancelPayment) }
        if identityVerified {
            actions.append(
                .appendLedger([
                    LedgerRecord(
                        kind: .abandonedAfterIdentity, kioskID: kioskID, instant: instant, sessionID: sessionID,
                        documentCode: issuances.map(\.request.documentCode).joined(separator: ","),
                        residentReference: residentReference, detail: reason)
                ]))
        }
        phase = outOfService ? .outOfService : .abandoned
        if outOfService { outOfServiceReason = reason }
        awaitingQuote = false
        actions.append(.endSession(outOfService ? .outOfService(reason: reason) : .abandoned(reason: reason)))
        return actions
    }

    private mutating func finishIfDone() -> [IssuanceAction] {
        guard issuances.allSatisfy({ $0.state?.isTerminal == true }) else { return [] }
        phase = outOfServiceReason == nil ? .finished : .outOfService
        let issued = issuances.filter { $0.state == .issued }.map(\.id)
        let refunded = issuances.filter { $0.state == .refunded }.reduce(Money.zero) { $0 + ($1.quote?.amount ?? .zero) }
        let owed = issuances.filter { $0.state == .refundOwed }.reduce(Money.zero) { $0 + ($1.quote?.amount ?? .zero) }
        return [.endSession(.completed(issued: issued, refunded: refunded, owed: owed))]
    }

    private func indexOf(_ id: UUID) throws(IssuanceError) -> Int {
        guard let index = issuances.firstIndex(where: { $0.id == id }) else { throw .unknownIssuance(id) }
        return index
    }

    private func indexOf(_ id: UUID, in state: IssuanceState, event: IssuanceEvent) throws(IssuanceError) -> Int {
        try indexOf(id, in: [state], event: event)
    }

    private func indexOf(_ id: UUID, in states: Set<IssuanceState>, event: IssuanceEvent) throws(IssuanceError) -> Int {
        let index = try indexOf(id)
        guard let state = issuances[index].state, states.contains(state) else {
            throw .illegalIssuanceEvent(event: event.name, issuanceID: id, state: issuances[index].state)
        }
        return index
    }

    /// The ledger record of `kind` for issuance `index`; `money` adds the amount and payment fields.
    private func record(
        _ kind: LedgerEntryKind, for index: Int, at instant: LedgerInstant, money: Bool = false, detail: String? = nil
    ) -> LedgerRecord {
        let issuance = issuances[index]
        return LedgerRecord(
            kind: kind, kioskID: kioskID, instant: instant, sessionID: sessionID, issuanceID: issuance.id,
            documentCode: issuance.request.documentCode, copies: issuance.request.copies,
            quote: kind == .paid ? issuance.quote?.quote : nil,
            amount: money ? (issuance.quote?.amount ?? .zero) : nil,
            paymentMethod: money ? payment?.method : nil, paymentReference: money ? payment?.reference : nil,
            printerJobID: kind == .paid ? nil : issuance.printerJobID, issuanceNumber: issuance.number,
            pdfSHA256: kind == .printing || kind == .issued ? issuance.pdfSHA256 : nil,
            residentReference: kind == .paid ? residentReference : nil, detail: detail)
    }
}
