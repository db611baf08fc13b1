import KioskCore
import KioskDevices
import Testing

@Suite("Simulated card terminal: failures leave nothing charged")
struct CardTerminalTests {
    @Test("decline, timeout and a dead link throw and consume no approval", arguments: [
        (SimulatedFault.cardDeclined, CardError.declined("insufficient funds (simulated)")),
        (.cardTimeout, .timeout),
        (.cardOffline, .communication("simulated VAN link down")),
    ])
    func failure(fault: SimulatedFault, expected: CardError) async throws {
        let terminal = SimulatedCardTerminal(delay: .zero)
        await terminal.setFault(fault, active: true)
        await #expect(throws: expected) { try await terminal.approve(amount: Money(won: 1200), reference: "S-1") }
        await terminal.setFault(fault, active: false)
        // The next approval is the first one the terminal ever gave: the failed attempt charged nothing.
        let approval = try await terminal.approve(amount: Money(won: 1200), reference: "S-1")
        #expect(approval.approvalNumber == "10000001")
        #expect(approval.amount == Money(won: 1200))
        #expect(await terminal.cancelledApprovals().isEmpty)
    }

    @Test("a zero amount is declined, and a cancel reverses an approval")
    func cancel() async throws {
        let terminal = SimulatedCardTerminal(delay: .zero)
        await #expect(throws: CardError.declined("amount must be positive")) { try await terminal.approve(amount: .zero, reference: "S-2") }
        let approval = try await terminal.approve(amount: Money(won: 600), reference: "S-2")
        try await terminal.cancel(approval)
        #expect(await terminal.cancelledApprovals() == [approval.approvalNumber])
    }
}
