/// Lets the notify service wait until every listener is accepting connections.
actor Readiness {
    private var pending: Set<String>
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(components: Set<String>) { pending = components }

    func markReady(_ component: String) {
        pending.remove(component)
        guard pending.isEmpty else { return }
        for waiter in waiters { waiter.resume() }
        waiters.removeAll()
    }

    func waitUntilReady() async {
        if pending.isEmpty { return }
        await withCheckedContinuation { waiters.append($0) }
    }
}
