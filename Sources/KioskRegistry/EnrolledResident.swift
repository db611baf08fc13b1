import KioskCore

/// A synthetic resident whose right thumb is enrolled: what a demonstrator types at the kiosk and the
/// simulated reader presents. No real person holds the number.
public struct EnrolledResident: Sendable, Hashable, Codable {
    /// The synthetic registration number, `yymmdd-nnnnnnn`.
    public var residentNumber: String
    /// The synthetic name.
    public var name: String
    /// The simulated reader's `finger_seed` that presents this thumb; nil for a thumb from a recording.
    public var fingerSeed: UInt64?
    /// The index of the recording the thumb comes from; nil for a synthetic thumb.
    public var recording: Int?
    /// Members of the resident's household.
    public var householdMembers: Int
    /// Exemption ids the registry confirms.
    public var exemptions: [String]
}

extension SyntheticRegistry {
    /// Every resident with an enrolled thumb, in enrolment order.
    public func enrolledResidents() -> [EnrolledResident] {
        enrolments.map { enrolment in
            let resident = residents[enrolment.resident]
            let digits = resident.residentNumber.unmaskedDigits
            var seed: UInt64?
            var recording: Int?
            switch enrolment.source {
            case .syntheticThumb(let thumb): seed = thumb
            case .recording(let index): recording = index
            }
            return EnrolledResident(
                residentNumber: String(digits.prefix(6)) + "-" + String(digits.dropFirst(6)), name: resident.name, fingerSeed: seed,
                recording: recording, householdMembers: households[resident.household].members.count,
                exemptions: resident.exemptions.map(\.id))
        }
    }
}
