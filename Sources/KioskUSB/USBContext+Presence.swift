import Synchronization

extension USBContext {
    /// Arrivals and departures of devices `match` selects, found by enumerating the bus every
    /// `interval` (first the devices already present, as arrivals). The stream ends when the
    /// consuming task is cancelled and throws `USBError` if enumeration fails.
    ///
    /// Polling rather than libusb's hotplug callbacks: those need a thread pumping libusb events
    /// and are not delivered under umockdev, whereas enumeration works the same on a real bus and
    /// in replay. A reader is unplugged rarely; a one-second poll is cheap.
    public func presenceEvents(matching match: USBDeviceMatch, interval: Duration) -> AsyncThrowingStream<USBPresenceEvent, any Error> {
        let state = PresenceState()
        return AsyncThrowingStream(unfolding: { [self] in
            while true {
                if let event = state.nextPending() { return event }
                if state.hasScanned {
                    do { try await Task.sleep(for: interval) } catch { return nil }
                }
                let present = Set(try await devices(matching: match))
                state.update(present)
            }
        })
    }
}

/// The devices seen by the last scan and the events not yet handed out.
private final class PresenceState: Sendable {
    private struct Inner {
        var known: Set<USBDeviceInfo> = []
        var pending: [USBPresenceEvent] = []
        var hasScanned = false
    }

    private let inner = Mutex(Inner())

    var hasScanned: Bool { inner.withLock { $0.hasScanned } }

    func nextPending() -> USBPresenceEvent? {
        inner.withLock { $0.pending.isEmpty ? nil : $0.pending.removeFirst() }
    }

    func update(_ present: Set<USBDeviceInfo>) {
        inner.withLock { inner in
            let sortKey: (USBDeviceInfo) -> Int = { Int($0.bus) << 8 | Int($0.address) }
            inner.pending += inner.known.subtracting(present).sorted { sortKey($0) < sortKey($1) }.map(USBPresenceEvent.left)
            inner.pending += present.subtracting(inner.known).sorted { sortKey($0) < sortKey($1) }.map(USBPresenceEvent.arrived)
            inner.known = present
            inner.hasScanned = true
        }
    }
}
