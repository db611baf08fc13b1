import Foundation
import KioskCore
import Testing

/// Drives one session through events, failing the test on an unexpected refusal.
private struct Driver {
    var session = IssuanceSession(sessionID: UUID(), kioskID: "kiosk-7")
    var clock: Int64 = 1_790_000_000_000
    let a = IssuanceRequest(issuanceID: UUID(), documentCode: "RES-COPY", copies: 1, needsIdentity: false)
    let b = IssuanceRequest(issuanceID: UUID(), documentCode: "LAND-LEDGER", copies: 2, needsIdentity: false)
    let secret = IssuanceRequest(issuanceID: UUID(), documentCode: "FAMILY-REL", copies: 1, needsIdentity: true)
    let reference = ResidentReference(residentNumberDigits: "9001011234568", secret: Data("kiosk secret".utf8))

    mutating func step(_ event: IssuanceEvent, sourceLocation: SourceLocation = #_sourceLocation) -> [IssuanceAction] {
        clock += 1_000
        switch session.handle(event, at: LedgerInstant(utcMilliseconds: clock, uptimeNanoseconds: clock * 10)) {
        case .success(let actions):
            assertLedgerFirst(actions, sourceLocation: sourceLocation)
            return actions
        case .failure(let error):
            Issue.record("refused \(event.name): \(error)", sourceLocation: sourceLocation)
            return []
        }
    }

    mutating func refuse(_ event: IssuanceEvent) -> IssuanceError? {
        let before = session
        clock += 1_000
        guard case .failure(let error) = session.handle(event, at: LedgerInstant(utcMilliseconds: clock, uptimeNanoseconds: 0)) else {
            return nil
        }
        #expect(session == before, "a refused event must leave the session unchanged")
        return error
    }

    static func quote(_ request: IssuanceRequest, _ won: Int) -> QuotedIssuance {
        QuotedIssuance(issuanceID: request.issuanceID, amount: Money(won: won), quote: try! LedgerJSON(text: #"{"fee":\#(won)}"#))
    }

    /// Takes the session to `quoted` with `requests` priced by `prices`.
    mutating func toQuoted(_ requests: [IssuanceRequest], prices: [Int]) {
        _ = step(.documentsChosen(requests))
        if session.phase == .identifying { _ = step(.identityVerified(reference)) }
        let asked = step(.optionsConfirmed)
        #expect(asked == [.requestQuote(session.issuances.map(\.request))])
        _ = step(.quoteReady(zip(requests, prices).map { Self.quote($0, $1) }))
        #expect(session.phase == .quoted)
    }

    /// Takes the session to `fulfilling`, returning the payment's actions.
    mutating func toPaid(_ requests: [IssuanceRequest], prices: [Int], method: PaymentMethod = .cash) -> [IssuanceAction] {
        toQuoted(requests, prices: prices)
        let total = Money(won: prices.reduce(0, +))
        #expect(step(.quoteAccepted) == [.collectPayment(total)])
        let numbers = (1...requests.count).map { try! IssuanceNumber(kioskNumber: 7, sequence: Int64($0)) }
        return step(.paymentCompleted(PaymentReceipt(method: method, reference: "esc-1", amount: total), issuanceNumbers: numbers))
    }
}

/// Every side effect must come after a ledger append in the same action list.
private func assertLedgerFirst(_ actions: [IssuanceAction], sourceLocation: SourceLocation) {
    var appended = false
    for action in actions {
        switch action {
        case .appendLedger(let records):
            #expect(!records.isEmpty, sourceLocation: sourceLocation)
            appended = true
        case .keepMoney, .releasePrintJob, .returnMoney:
            #expect(appended, "side effect \(action) before its ledger entry", sourceLocation: sourceLocation)
        default:
            break
        }
    }
}

private func ledgerKinds(_ actions: [IssuanceAction]) -> [LedgerEntryKind] {
    actions.flatMap { action -> [LedgerEntryKind] in
        if case .appendLedger(let records) = action { return records.map(\.kind) }
        return []
    }
}

private func records(_ actions: [IssuanceAction]) -> [LedgerRecord] {
    actions.flatMap { action -> [LedgerRecord] in
        if case .appendLedger(let records) = action { return records }
        return []
    }
}

@Suite("Issuance session state machine")
struct IssuanceSessionTests {
    @Test("one document without identity: choosing → options → quoted → paying → paid → printing → issued")
    func happyPath() throws {
        var driver = Driver()
        _ = driver.step(.documentsChosen([driver.a]))
        #expect(driver.session.phase == .options)
        #expect(driver.step(.optionsConfirmed) == [.requestQuote([driver.a])])
        _ = driver.step(.quoteReady([Driver.quote(driver.a, 1_000)]))
        #expect(driver.session.phase == .quoted)
        #expect(driver.step(.quoteAccepted) == [.collectPayment(Money(won: 1_000))])
        #expect(driver.session.phase == .paying)
        let number = try IssuanceNumber(kioskNumber: 7, sequence: 1)
        let paid = driver.step(.paymentCompleted(
            PaymentReceipt(method: .cash, reference: "esc-1", amount: Money(won: 1_000)), issuanceNumbers: [number]))
        #expect(driver.session.phase == .fulfilling)
        #expect(paid.count == 3)
        guard case .appendLedger(let paidRecords) = paid[0] else { Issue.record("first action must append"); return }
        #expect(paidRecords.count == 1)
        let record = paidRecords[0]
        #expect(record.kind == .paid && record.amount == Money(won: 1_000) && record.paymentMethod == .cash)
        #expect(record.issuanceNumber == number && record.quote?.text == #"{"fee":1000}"#)
        #expect(record.kioskID == "kiosk-7" && record.sessionID == driver.session.sessionID)
        #expect(record.residentReference == nil)
        #expect(paid[1] == .keepMoney(Money(won: 1_000)))
        #expect(paid[2] == .preparePrintJob(PrintJobRequest(
            issuanceID: driver.a.issuanceID, issuanceNumber: number, documentCode: "RES-COPY", copies: 1, options: nil)))
        #expect(driver.session.issuances[0].state == .paid)

        let hash = SHA256Hash.of(Data("pdf".utf8))
        let printing = driver.step(.printJobPrepared(issuanceID: driver.a.issuanceID, jobID: 31, pdfSHA256: hash))
        #expect(ledgerKinds(printing) == [.printing])
        #expect(records(printing)[0].printerJobID == 31 && records(printing)[0].pdfSHA256 == hash)
        #expect(printing.last == .releasePrintJob(issuanceID: driver.a.issuanceID, jobID: 31))
        #expect(driver.session.issuances[0].state == .printing)

        let issued = driver.step(.printJobCompleted(issuanceID: driver.a.issuanceID))
        #expect(ledgerKinds(issued) == [.issued])
        #expect(issued.last == .endSession(.completed(issued: [driver.a.issuanceID], refunded: .zero, owed: .zero)))
        #expect(driver.session.phase == .finished)
        #expect(driver.session.issuances[0].state == .issued)
    }

    @Test("identity only when a document needs it; failed checks may be retried; the paid entry holds only the keyed reference")
    func identity() {
        var driver = Driver()
        _ = driver.step(.documentsChosen([driver.a, driver.secret]))
        #expect(driver.session.phase == .identifying)
        #expect(driver.step(.identityFailed(reason: "fingerprint mismatch")) == [])
        #expect(driver.session.phase == .identifying)
        // Back from the identity step returns to choosing, still unverified; choosing again asks again.
        #expect(driver.step(.back) == [])
        #expect(driver.session.phase == .choosing)
        _ = driver.step(.documentsChosen([driver.a, driver.secret]))
        #expect(driver.session.phase == .identifying)
        _ = driver.step(.identityVerified(driver.reference))
        #expect(driver.session.phase == .options)
        // Going back and choosing again does not ask for identity a second time.
        _ = driver.step(.back)
        _ = driver.step(.documentsChosen([driver.secret]))
        #expect(driver.session.phase == .options)
        _ = driver.step(.optionsConfirmed)
        _ = driver.step(.quoteReady([Driver.quote(driver.secret, 0)]))
        _ = driver.step(.quoteAccepted)
        let paid = driver.step(.paymentCompleted(
            PaymentReceipt(method: .exempt, reference: nil, amount: .zero),
            issuanceNumbers: [try! IssuanceNumber(kioskNumber: 7, sequence: 3)]))
        #expect(records(paid).map(\.residentReference) == [driver.reference])
        #expect(!paid.contains(.keepMoney(.zero)), "nothing to keep for an exempt issuance")
    }

    @Test("several documents, one payment; a partial failure refunds exactly the failed part")
    func partialFailure() {
        var driver = Driver()
        let paid = driver.toPaid([driver.a, driver.b], prices: [1_000, 1_200])
        #expect(records(paid).map(\.kind) == [.paid, .paid])
        #expect(records(paid).map(\.amount) == [Money(won: 1_000), Money(won: 1_200)])
        #expect(paid.contains(.keepMoney(Money(won: 2_200))))
        #expect(paid.filter { if case .preparePrintJob = $0 { true } else { false } }.count == 2)

        let hash = SHA256Hash.of(Data("x".utf8))
        _ = driver.step(.printJobPrepared(issuanceID: driver.a.issuanceID, jobID: 1, pdfSHA256: hash))
        _ = driver.step(.printJobPrepared(issuanceID: driver.b.issuanceID, jobID: 2, pdfSHA256: hash))
        #expect(driver.step(.printJobCompleted(issuanceID: driver.a.issuanceID)).count == 1)
        let failed = driver.step(.printJobFailed(issuanceID: driver.b.issuanceID, reason: "paper jam"))
        #expect(ledgerKinds(failed) == [.failed, .refundStarted])
        #expect(records(failed)[0].detail == "paper jam")
        #expect(records(failed)[1].amount == Money(won: 1_200))
        #expect(failed.last == .returnMoney(issuanceID: driver.b.issuanceID, amount: Money(won: 1_200)))
        #expect(driver.session.issuances[1].state == .refunding)
        #expect(driver.session.phase == .fulfilling)

        let refunded = driver.step(.moneyReturned(issuanceID: driver.b.issuanceID))
        #expect(ledgerKinds(refunded) == [.refunded])
        #expect(records(refunded)[0].amount == Money(won: 1_200))
        #expect(refunded.last == .endSession(.completed(issued: [driver.a.issuanceID], refunded: Money(won: 1_200), owed: .zero)))
        #expect(driver.session.phase == .finished)
        #expect(driver.session.issuances.map(\.state) == [.issued, .refunded])
    }

    @Test("a jam asks the resident: reprint (same number, a new job, ledger first) or refund; a second jam refunds")
    func jamReprint() throws {
        var driver = Driver()
        let id = driver.a.issuanceID
        _ = driver.toPaid([driver.a], prices: [800])
        _ = driver.step(.printJobPrepared(issuanceID: id, jobID: 11, pdfSHA256: .zero))
        #expect(driver.refuse(.reprintDecided(issuanceID: id, reprint: true)) == .illegalEvent(event: "reprintDecided", phase: .fulfilling))
        #expect(driver.step(.printJobJammed(issuanceID: id, reason: "paper jam")) == [])
        #expect(driver.session.issuances[0].reprintOffered)
        #expect(driver.session.issuances[0].state == .printing)
        #expect(driver.refuse(.printJobJammed(issuanceID: id, reason: "again")) != nil)
        let number = driver.session.issuances[0].number!
        let reprint = driver.step(.reprintDecided(issuanceID: id, reprint: true))
        #expect(ledgerKinds(reprint) == [.reprintRequested])
        #expect(records(reprint)[0].issuanceNumber == number && records(reprint)[0].detail == "paper jam")
        guard case .preparePrintJob(let request) = reprint.last else { Issue.record("no new print job"); return }
        #expect(request.issuanceNumber == number)
        _ = driver.step(.printJobPrepared(issuanceID: id, jobID: 12, pdfSHA256: .zero))
        #expect(driver.session.issuances[0].printerJobID == 12)
        // One reprint only: a second jam fails the issuance and starts its refund.
        let second = driver.step(.printJobJammed(issuanceID: id, reason: "paper jam"))
        #expect(ledgerKinds(second) == [.failed, .refundStarted])
        #expect(driver.session.issuances[0].reprints == 1)
    }

    @Test("a jam answered with refund, or not answered before the timeout, refunds")
    func jamRefund() {
        for answer in [true, false] {
            var driver = Driver()
            let id = driver.a.issuanceID
            _ = driver.toPaid([driver.a], prices: [800])
            _ = driver.step(.printJobPrepared(issuanceID: id, jobID: 11, pdfSHA256: .zero))
            _ = driver.step(.printJobJammed(issuanceID: id, reason: "paper jam"))
            let actions = answer ? driver.step(.reprintDecided(issuanceID: id, reprint: false)) : driver.step(.timeout)
            #expect(ledgerKinds(actions) == [.failed, .refundStarted])
            #expect(actions.last == .returnMoney(issuanceID: id, amount: Money(won: 800)))
            #expect(!driver.session.issuances[0].reprintOffered)
        }
    }

    @Test("a crash after the reprint decision, before the new job: recovery owes the refund")
    func reprintRecovery() {
        #expect(IssuanceState(lastEntryKind: .reprintRequested) == .paid)
    }

    @Test("a refund that cannot be paid out is owed")
    func refundOwed() {
        var driver = Driver()
        _ = driver.toPaid([driver.a], prices: [800])
        _ = driver.step(.printJobFailed(issuanceID: driver.a.issuanceID, reason: "render failed"))  // from paid
        let owed = driver.step(.refundFailed(issuanceID: driver.a.issuanceID, reason: "coin hopper empty"))
        #expect(ledgerKinds(owed) == [.refundOwed])
        #expect(records(owed)[0].amount == Money(won: 800) && records(owed)[0].detail == "coin hopper empty")
        #expect(owed.last == .endSession(.completed(issued: [], refunded: .zero, owed: Money(won: 800))))
        #expect(driver.session.issuances[0].state == .refundOwed)
    }

    @Test("a failed free issuance closes with a zero refund and no money moves")
    func freeFailure() {
        var driver = Driver()
        _ = driver.toPaid([driver.a], prices: [0], method: .exempt)
        let failed = driver.step(.printJobFailed(issuanceID: driver.a.issuanceID, reason: "printer offline"))
        #expect(ledgerKinds(failed) == [.failed, .refunded])
        #expect(!failed.contains { if case .returnMoney = $0 { true } else { false } })
        #expect(driver.session.phase == .finished)
    }

    @Test("idle timeout before payment abandons silently; with identity checked it leaves an abandoned-after-identity entry")
    func timeouts() {
        for phase in [IssuanceSession.Phase.choosing, .options, .quoted] {
            var driver = Driver()
            if phase != .choosing { _ = driver.step(.documentsChosen([driver.a])) }
            if phase == .quoted {
                _ = driver.step(.optionsConfirmed)
                _ = driver.step(.quoteReady([Driver.quote(driver.a, 100)]))
            }
            #expect(driver.session.phase == phase)
            #expect(driver.step(.timeout) == [.endSession(.abandoned(reason: "idle timeout"))])
            #expect(driver.session.phase == .abandoned)
        }
        var driver = Driver()
        _ = driver.step(.documentsChosen([driver.secret]))
        _ = driver.step(.identityVerified(driver.reference))
        let actions = driver.step(.timeout)
        #expect(ledgerKinds(actions) == [.abandonedAfterIdentity])
        #expect(records(actions)[0].residentReference == driver.reference)
        #expect(records(actions)[0].amount == nil)
        #expect(actions.last == .endSession(.abandoned(reason: "idle timeout")))
    }

    @Test("timeout or cancel while paying cancels the payment; nothing is kept")
    func paying() {
        for event in [IssuanceEvent.timeout, .cancel] {
            var driver = Driver()
            driver.toQuoted([driver.a], prices: [500])
            _ = driver.step(.quoteAccepted)
            let actions = driver.step(event)
            #expect(actions.first == .cancelPayment)
            #expect(!actions.contains { if case .keepMoney = $0 { true } else { false } })
            #expect(driver.session.phase == .abandoned)
        }
        var driver = Driver()
        driver.toQuoted([driver.a], prices: [500])
        _ = driver.step(.quoteAccepted)
        #expect(driver.step(.paymentFailed(reason: "card declined")) == [])
        #expect(driver.session.phase == .quoted)
        #expect(driver.step(.quoteAccepted) == [.collectPayment(Money(won: 500))])
    }

    @Test("after payment a timeout changes nothing: the issuance still finishes")
    func timeoutAfterPayment() {
        var driver = Driver()
        _ = driver.toPaid([driver.a], prices: [500])
        #expect(driver.step(.timeout) == [])
        #expect(driver.session.phase == .fulfilling)
        _ = driver.step(.printJobPrepared(issuanceID: driver.a.issuanceID, jobID: 3, pdfSHA256: .zero))
        #expect(driver.step(.timeout) == [])
        _ = driver.step(.printJobCompleted(issuanceID: driver.a.issuanceID))
        #expect(driver.session.phase == .finished)
    }

    @Test("back and cancel before payment")
    func navigation() {
        var driver = Driver()
        _ = driver.step(.documentsChosen([driver.a]))
        _ = driver.step(.copiesChanged(issuanceID: driver.a.issuanceID, copies: 3))
        #expect(driver.session.issuances[0].request.copies == 3)
        _ = driver.step(.optionsConfirmed)
        _ = driver.step(.quoteReady([Driver.quote(driver.a, 300)]))
        _ = driver.step(.back)
        #expect(driver.session.phase == .options && driver.session.total == .zero)
        _ = driver.step(.back)
        #expect(driver.session.phase == .choosing)
        #expect(driver.step(.cancel) == [.endSession(.abandoned(reason: "cancelled by the resident"))])
        #expect(driver.session.phase == .abandoned)
    }

    @Test("out of service before payment ends the session; after payment unprinted issuances are refunded and printing ones finish")
    func outOfService() {
        var driver = Driver()
        _ = driver.step(.documentsChosen([driver.a]))
        #expect(driver.step(.outOfService(reason: "printer offline")) == [.endSession(.outOfService(reason: "printer offline"))])
        #expect(driver.session.phase == .outOfService)

        driver = Driver()
        _ = driver.toPaid([driver.a, driver.b], prices: [1_000, 600])
        _ = driver.step(.printJobPrepared(issuanceID: driver.a.issuanceID, jobID: 8, pdfSHA256: .zero))
        let down = driver.step(.outOfService(reason: "ledger disk full"))
        #expect(ledgerKinds(down) == [.failed, .refundStarted])
        #expect(down.last == .returnMoney(issuanceID: driver.b.issuanceID, amount: Money(won: 600)))
        #expect(driver.session.issuances.map(\.state) == [.printing, .refunding])
        _ = driver.step(.moneyReturned(issuanceID: driver.b.issuanceID))
        #expect(driver.session.phase == .fulfilling)
        let last = driver.step(.printJobCompleted(issuanceID: driver.a.issuanceID))
        #expect(last.last == .endSession(.completed(issued: [driver.a.issuanceID], refunded: Money(won: 600), owed: .zero)))
        #expect(driver.session.phase == .outOfService)
    }

    @Test("illegal events are error values and leave the session unchanged")
    func illegalEvents() throws {
        var driver = Driver()
        let number = try IssuanceNumber(kioskNumber: 7, sequence: 1)
        let receipt = PaymentReceipt(method: .cash, reference: nil, amount: Money(won: 100))
        #expect(driver.refuse(.quoteAccepted) == .illegalEvent(event: "quoteAccepted", phase: .choosing))
        #expect(driver.refuse(.paymentCompleted(receipt, issuanceNumbers: [number])) == .illegalEvent(event: "paymentCompleted", phase: .choosing))
        #expect(driver.refuse(.printJobCompleted(issuanceID: driver.a.issuanceID)) == .illegalEvent(event: "printJobCompleted", phase: .choosing))
        #expect(driver.refuse(.identityVerified(nil)) == .illegalEvent(event: "identityVerified", phase: .choosing))
        #expect(driver.refuse(.back) == .illegalEvent(event: "back", phase: .choosing))
        #expect(driver.refuse(.documentsChosen([])) == .noDocuments)
        #expect(driver.refuse(.documentsChosen([driver.a, driver.a])) == .duplicateIssuance(driver.a.issuanceID))
        var zero = driver.a
        zero.copies = 0
        #expect(driver.refuse(.documentsChosen([zero])) == .invalidCopies(issuanceID: zero.issuanceID, copies: 0))

        _ = driver.step(.documentsChosen([driver.a]))
        #expect(driver.refuse(.quoteReady([Driver.quote(driver.a, 100)])) == .illegalEvent(event: "quoteReady", phase: .options))
        #expect(driver.refuse(.copiesChanged(issuanceID: driver.b.issuanceID, copies: 2)) == .unknownIssuance(driver.b.issuanceID))
        #expect(driver.refuse(.copiesChanged(issuanceID: driver.a.issuanceID, copies: 0)) == .invalidCopies(issuanceID: driver.a.issuanceID, copies: 0))
        _ = driver.step(.optionsConfirmed)
        #expect(driver.refuse(.optionsConfirmed) == .illegalEvent(event: "optionsConfirmed", phase: .options))
        if case .quoteMismatch = driver.refuse(.quoteReady([Driver.quote(driver.b, 100)])) {} else { Issue.record("wrong issuance quoted must be refused") }
        if case .quoteMismatch = driver.refuse(.quoteReady([Driver.quote(driver.a, -5)])) {} else { Issue.record("negative quote must be refused") }
        _ = driver.step(.quoteReady([Driver.quote(driver.a, 100)]))
        _ = driver.step(.quoteAccepted)
        #expect(driver.refuse(.paymentCompleted(PaymentReceipt(method: .cash, reference: nil, amount: Money(won: 90)), issuanceNumbers: [number]))
            == .paymentAmountMismatch(expected: Money(won: 100), received: Money(won: 90)))
        #expect(driver.refuse(.paymentCompleted(receipt, issuanceNumbers: [])) == .issuanceNumbersMismatch(expected: 1, received: 0))
        _ = driver.step(.paymentCompleted(receipt, issuanceNumbers: [number]))
        #expect(driver.refuse(.cancel) == .illegalEvent(event: "cancel", phase: .fulfilling))
        #expect(driver.refuse(.printJobCompleted(issuanceID: driver.a.issuanceID))
            == .illegalIssuanceEvent(event: "printJobCompleted", issuanceID: driver.a.issuanceID, state: .paid))
        #expect(driver.refuse(.moneyReturned(issuanceID: driver.a.issuanceID))
            == .illegalIssuanceEvent(event: "moneyReturned", issuanceID: driver.a.issuanceID, state: .paid))
        #expect(driver.refuse(.printJobFailed(issuanceID: driver.b.issuanceID, reason: "x")) == .unknownIssuance(driver.b.issuanceID))
        _ = driver.step(.printJobPrepared(issuanceID: driver.a.issuanceID, jobID: 1, pdfSHA256: .zero))
        #expect(driver.refuse(.printJobPrepared(issuanceID: driver.a.issuanceID, jobID: 2, pdfSHA256: .zero))
            == .illegalIssuanceEvent(event: "printJobPrepared", issuanceID: driver.a.issuanceID, state: .printing))
        _ = driver.step(.printJobCompleted(issuanceID: driver.a.issuanceID))
        #expect(driver.refuse(.printJobFailed(issuanceID: driver.a.issuanceID, reason: "late"))
            == .illegalEvent(event: "printJobFailed", phase: .finished))
        #expect(driver.refuse(.timeout) == .illegalEvent(event: "timeout", phase: .finished))
        #expect(driver.refuse(.documentsChosen([driver.b])) == .illegalEvent(event: "documentsChosen", phase: .finished))
        #expect(!IssuanceError.noDocuments.description.isEmpty)
    }

    @Test("every event in every phase either moves on or is refused without change; side effects always follow the ledger")
    func everyEventEveryPhase() throws {
        let number = try IssuanceNumber(kioskNumber: 7, sequence: 1)
        var reached: Set<IssuanceSession.Phase> = []
        for phase in IssuanceSession.Phase.allCases {
            for eventIndex in 0..<driverSampleCount {
                var driver = Driver()
                driver.drive(to: phase)
                guard driver.session.phase == phase else { continue }
                reached.insert(phase)
                let event = driver.sampleEvents(number: number)[eventIndex]
                let before = driver.session
                switch driver.session.handle(event, at: LedgerInstant(utcMilliseconds: 1, uptimeNanoseconds: 1)) {
                case .success(let actions): assertLedgerFirst(actions, sourceLocation: #_sourceLocation)
                case .failure: #expect(driver.session == before)
                }
            }
        }
        #expect(reached == Set(IssuanceSession.Phase.allCases))
    }
}

private let driverSampleCount = 21

extension Driver {
    /// One event of each kind, aimed at this driver's first document.
    func sampleEvents(number: IssuanceNumber) -> [IssuanceEvent] {
        let id = a.issuanceID
        return [
            .documentsChosen([a]), .identityVerified(reference), .identityFailed(reason: "x"),
            .copiesChanged(issuanceID: id, copies: 2), .optionsConfirmed, .quoteReady([Driver.quote(a, 100)]), .back,
            .quoteAccepted,
            .paymentCompleted(PaymentReceipt(method: .cash, reference: nil, amount: Money(won: 100)), issuanceNumbers: [number]),
            .paymentFailed(reason: "x"), .cancel, .timeout, .printJobPrepared(issuanceID: id, jobID: 1, pdfSHA256: .zero),
            .printJobCompleted(issuanceID: id), .printJobFailed(issuanceID: id, reason: "x"), .moneyReturned(issuanceID: id),
            .refundFailed(issuanceID: id, reason: "x"), .outOfService(reason: "x"),
            .printJobJammed(issuanceID: id, reason: "x"), .reprintDecided(issuanceID: id, reprint: true),
            .reprintDecided(issuanceID: id, reprint: false),
        ]
    }

    mutating func drive(to phase: IssuanceSession.Phase) {
        switch phase {
        case .choosing: break
        case .identifying: _ = step(.documentsChosen([secret]))
        case .options: _ = step(.documentsChosen([a]))
        case .quoted: toQuoted([a], prices: [100])
        case .paying:
            toQuoted([a], prices: [100])
            _ = step(.quoteAccepted)
        case .fulfilling: _ = toPaid([a], prices: [100])
        case .finished:
            _ = toPaid([a], prices: [100])
            _ = step(.printJobFailed(issuanceID: a.issuanceID, reason: "x"))
            _ = step(.moneyReturned(issuanceID: a.issuanceID))
        case .abandoned: _ = step(.cancel)
        case .outOfService: _ = step(.outOfService(reason: "x"))
        }
    }
}

@Suite("Recovery at start")
struct IssuanceRecoveryTests {
    static let instant = LedgerInstant(utcMilliseconds: 2_000, uptimeNanoseconds: 1)

    /// A sealed history of one issuance with these kinds.
    static func history(_ kinds: [LedgerEntryKind]) -> [LedgerEntry] {
        let issuance = UUID()
        var entries: [LedgerEntry] = []
        for kind in kinds {
            let record = LedgerRecord(
                kind: kind, kioskID: "k", instant: LedgerInstant(utcMilliseconds: 1_000, uptimeNanoseconds: 0),
                issuanceID: issuance, documentCode: "RES-COPY", copies: 1,
                amount: kind == .paid ? Money(won: 900) : nil, paymentMethod: kind == .paid ? .card : nil,
                paymentReference: kind == .paid ? "APPR-1" : nil, printerJobID: kind == .paid ? nil : 44,
                issuanceNumber: try! IssuanceNumber(kioskNumber: 7, sequence: 3))
            entries.append(LedgerEntry(
                sealing: record, sequence: Int64(entries.count + 1), entryID: UUID(), previousHash: entries.last?.entryHash ?? .zero))
        }
        return entries
    }

    static func kinds(_ decision: IssuanceRecovery.Decision) -> [LedgerEntryKind] {
        if case .append(let records) = decision { return records.map(\.kind) }
        return []
    }

    @Test("printing: ask the printer; completed → issued, failed or unknown → failed + refund-owed, active → wait")
    func printing() throws {
        let history = Self.history([.paid, .printing])
        #expect(throws: IssuanceRecovery.Problem.printJobOutcomeNeeded(jobID: 44)) {
            try IssuanceRecovery.decide(history: history, printJob: nil, at: Self.instant)
        }
        #expect(Self.kinds(try IssuanceRecovery.decide(history: history, printJob: .completed, at: Self.instant)) == [.issued])
        #expect(try IssuanceRecovery.decide(history: history, printJob: .active, at: Self.instant) == .pending)
        let failed = try IssuanceRecovery.decide(history: history, printJob: .failed(reason: "aborted"), at: Self.instant)
        #expect(Self.kinds(failed) == [.failed, .refundOwed])
        guard case .append(let records) = failed else { return }
        #expect(records[1].amount == Money(won: 900) && records[1].paymentMethod == .card && records[1].paymentReference == "APPR-1")
        #expect(records.allSatisfy { $0.instant == Self.instant && $0.issuanceID == history[0].record.issuanceID })
        #expect(Self.kinds(try IssuanceRecovery.decide(history: history, printJob: .unknown, at: Self.instant)) == [.failed, .refundOwed])
    }

    @Test("paid without a job, failed, or an interrupted refund → refund-owed of the paid amount", arguments: [
        [LedgerEntryKind.paid], [.paid, .printing, .failed], [.paid, .failed, .refundStarted],
    ])
    func owed(kinds: [LedgerEntryKind]) throws {
        let decision = try IssuanceRecovery.decide(history: Self.history(kinds), printJob: nil, at: Self.instant)
        guard case .append(let records) = decision else { Issue.record("expected records"); return }
        #expect(records.map(\.kind) == [.refundOwed])
        #expect(records[0].amount == Money(won: 900))
    }

    @Test("paid (or reprint-requested) and the printer has a job under the issuance's name: recorded, then settled as printing")
    func foundByName() throws {
        for kinds in [[LedgerEntryKind.paid], [.paid, .printing, .reprintRequested]] {
            let history = Self.history(kinds)
            #expect(IssuanceRecovery.jobNameToFind(history: history) != nil)
            let completed = try IssuanceRecovery.decide(
                history: history, printJob: nil, foundJob: .init(jobID: 41, outcome: .completed), at: Self.instant)
            guard case .append(let done) = completed else { Issue.record("expected records"); return }
            #expect(done.map(\.kind) == [.printing, .issued])
            #expect(done.allSatisfy { $0.printerJobID == 41 })
            let active = try IssuanceRecovery.decide(history: history, printJob: nil, foundJob: .init(jobID: 41, outcome: .active), at: Self.instant)
            guard case .append(let recorded) = active else { Issue.record("expected records"); return }
            #expect(recorded.map(\.kind) == [.printing])
            let failed = try IssuanceRecovery.decide(
                history: history, printJob: nil, foundJob: .init(jobID: 41, outcome: .failed(reason: "media-jam")), at: Self.instant)
            guard case .append(let refunded) = failed else { Issue.record("expected records"); return }
            #expect(refunded.map(\.kind) == [.printing, .failed, .refundOwed])
        }
        #expect(IssuanceRecovery.jobNameToFind(history: Self.history([.paid, .printing])) == nil)
    }

    @Test("finished issuances need nothing; bad histories are refused")
    func edges() throws {
        #expect(try IssuanceRecovery.decide(history: Self.history([.paid, .printing, .issued]), printJob: nil, at: Self.instant) == .finished)
        #expect(throws: IssuanceRecovery.Problem.self) { try IssuanceRecovery.decide(history: [], printJob: nil, at: Self.instant) }
        let mixed = Self.history([.paid]) + Self.history([.paid])
        #expect(throws: IssuanceRecovery.Problem.self) { try IssuanceRecovery.decide(history: mixed, printJob: nil, at: Self.instant) }
    }
}
