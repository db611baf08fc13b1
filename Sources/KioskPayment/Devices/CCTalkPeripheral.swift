/// One device on a ccTalk bus, and the core commands every ccTalk device answers.
public struct CCTalkPeripheral: Sendable {
    /// The bus it is on.
    public let bus: CCTalkBus
    /// Its address (coin acceptor 2, hoppers 3…, bill validator 40 by default).
    public let address: UInt8

    /// A device at `address` on `bus`.
    public init(bus: CCTalkBus, address: UInt8) {
        self.bus = bus
        self.address = address
    }

    /// Header 254, simple poll: true when the device ACKs.
    /// - Throws: `CCTalkError` when it does not answer (offline) or answers garbage.
    public func simplePoll() async throws(CCTalkError) {
        try await bus.command(.simplePoll, to: address)
    }

    /// Headers 245, 246, 244, 242, 241: the device's identity.
    public func identify() async throws(CCTalkError) -> CCTalkDeviceIdentity {
        let category = try await ascii(.requestEquipmentCategoryID)
        let manufacturer = try await ascii(.requestManufacturerID)
        let product = try await ascii(.requestProductCode)
        let address = self.address
        let serial = try await bus.request(.requestSerialNumber, to: address) { data throws(CCTalkError) -> UInt32 in
            guard data.count == 3 else {
                throw .unexpectedReply(address: address, header: 242, detail: "serial number of \(data.count) bytes, expected 3")
            }
            return UInt32(data[0]) | UInt32(data[1]) << 8 | UInt32(data[2]) << 16
        }
        let revision = try await ascii(.requestSoftwareRevision)
        return CCTalkDeviceIdentity(equipmentCategory: category, manufacturer: manufacturer, productCode: product, serialNumber: serial, softwareRevision: revision)
    }

    /// Header 228: `true` lets the device accept (master inhibit off); `false` inhibits everything.
    public func setMasterEnabled(_ enabled: Bool) async throws(CCTalkError) {
        try await bus.command(.modifyMasterInhibit, to: address, data: [enabled ? 1 : 0])
    }

    /// Header 227: whether the master inhibit is off (accepting).
    public func masterEnabled() async throws(CCTalkError) -> Bool {
        let address = self.address
        return try await bus.request(.requestMasterInhibit, to: address) { data throws(CCTalkError) -> Bool in
            guard let first = data.first else { throw .unexpectedReply(address: address, header: 227, detail: "empty master inhibit status") }
            return first & 1 == 1
        }
    }

    /// Header 231: enables exactly the channels (1…16) in `channels`, inhibits the others.
    public func setEnabledChannels(_ channels: Set<Int>) async throws(CCTalkError) {
        var mask: UInt16 = 0
        for channel in channels where (1...16).contains(channel) { mask |= 1 << (channel - 1) }
        try await bus.command(.modifyInhibitStatus, to: address, data: [UInt8(mask & 0xFF), UInt8(mask >> 8)])
    }

    /// Header 230: the channels (1…16) currently enabled.
    public func enabledChannels() async throws(CCTalkError) -> Set<Int> {
        let address = self.address
        return try await bus.request(.requestInhibitStatus, to: address) { data throws(CCTalkError) -> Set<Int> in
            guard data.count == 2 else { throw .unexpectedReply(address: address, header: 230, detail: "inhibit status of \(data.count) bytes, expected 2") }
            let mask = UInt16(data[0]) | UInt16(data[1]) << 8
            return Set((1...16).filter { mask & (1 << ($0 - 1)) != 0 })
        }
    }

    /// A request whose reply is ASCII text (trailing spaces and NULs trimmed).
    public func ascii(_ header: CCTalkHeader, data: [UInt8] = []) async throws(CCTalkError) -> String {
        try await bus.request(header, to: address, data: data) { reply throws(CCTalkError) -> String in
            String(decoding: reply, as: UTF8.self).trimmingTrailing()
        }
    }
}

extension String {
    fileprivate func trimmingTrailing() -> String {
        var copy = self
        while let last = copy.last, last == " " || last == "\0" { copy.removeLast() }
        return copy
    }
}
