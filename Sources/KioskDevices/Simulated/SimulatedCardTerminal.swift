public import KioskCore

/// A card terminal simulated in process: approves after `delay` with a fresh approval number.
/// Faults: `card-declined`, `card-timeout` (no card presented), `card-offline` (communication error).
public actor SimulatedCardTerminal: CardTerminal, FaultInjectable {
    public nonisolated let kind = DeviceKind.cardTerminal
    private let delay: Duration
    private var faults: Set<SimulatedFault> = []
    private var nextApproval = 10_000_001
    private var cancelled: Set<String> = []
    private var refunded: [String: Money] = [:]
    private let broadcaster = StatusBroadcaster(initial: SimulatedCardTerminal.status(for: []))

    /// A terminal that answers after `delay`.
    public init(delay: Duration = .milliseconds(200)) { self.delay = delay }

    public func status() -> DeviceStatus { broadcaster.latest }
    public nonisolated func statusEvents() -> AsyncStream<DeviceStatus> { broadcaster.subscribe() }

    public func setFault(_ fault: SimulatedFault, active: Bool) {
        guard fault.device == .cardTerminal else { return }
        if active { faults.insert(fault) } else { faults.remove(fault) }
        broadcaster.publishIfChanged(Self.status(for: faults))
    }

    public func activeFaults() -> Set<SimulatedFault> { faults }

    public func approve(amount: Money, reference: String) async throws(CardError) -> CardApproval {
        do { try await Task.sleep(for: delay) } catch { throw .cancelledByResident }
        if faults.contains(.cardOffline) { throw .communication("simulated VAN link down") }
        if faults.contains(.cardTimeout) { throw .timeout }
        if faults.contains(.cardDeclined) { throw .declined("insufficient funds (simulated)") }
        guard amount > .zero else { throw .declined("amount must be positive") }
        let number = String(nextApproval)
        nextApproval += 1
        return CardApproval(approvalNumber: number, amount: amount, maskedCard: "9410-61**-****-0042")
    }

    public func cancel(_ approval: CardApproval) async throws(CardError) {
        if faults.contains(.cardOffline) { throw .communication("simulated VAN link down") }
        cancelled.insert(approval.approvalNumber)
        refunded[approval.approvalNumber] = approval.amount
    }

    public func cancel(_ approval: CardApproval, amount: Money) async throws(CardError) {
        if faults.contains(.cardOffline) { throw .communication("simulated VAN link down") }
        let done = refunded[approval.approvalNumber] ?? .zero
        guard amount > .zero, done + amount <= approval.amount else {
            throw .declined("cannot cancel \(amount) of approval \(approval.approvalNumber): \(approval.amount - done) is left")
        }
        refunded[approval.approvalNumber] = done + amount
        if done + amount == approval.amount { cancelled.insert(approval.approvalNumber) }
    }

    /// What was refunded of each approval so far (for tests and the demo).
    public func refundedAmounts() -> [String: Money] { refunded }

    /// Approval numbers cancelled so far (for tests and the demo).
    public func cancelledApprovals() -> Set<String> { cancelled }

    static func status(for faults: Set<SimulatedFault>) -> DeviceStatus {
        let details = DeviceDetails(conditions: faults.simulatedConditions)
        return faults.contains(.cardOffline)
            ? DeviceStatus(kind: .cardTerminal, driver: "simulated", state: .offline, reason: "card terminal link down", details: details)
            : DeviceStatus(kind: .cardTerminal, driver: "simulated", state: .online, details: details)
    }
}
