import ArgumentParser
import KioskCentral

/// `serve` options for identity, documents and mobile ID.
struct IdentityServeOptions: ParsableArguments {
    @Option(name: .customLong("trusted-issuer"), help: "A trusted mobile-ID issuer, ISSUER-ID=PUBLIC-KEY (base64url, from `kiosk-wallet issuer-key`); repeatable.")
    var trustedIssuers: [String] = []

    @Option(name: .customLong("public-url"), help: "The URL wallets reach central at (QR codes point there); default: the address the kiosk used.")
    var publicURL: String?

    @Option(name: .customLong("mobile-id-validity"), help: "Seconds a mobile-ID request stays valid.")
    var mobileIDValidity: Double = 180

    @Option(name: .customLong("max-failures"), help: "Failed fingerprint attempts per RRN within the window before a lock-out (all kiosks).")
    var maximumFailures = 5

    @Option(name: .customLong("failure-window"), help: "Seconds failures are counted in.")
    var failureWindow: Double = 3600

    @Option(name: .customLong("lockout"), help: "Seconds a lock-out lasts.")
    var lockout: Double = 3600

    @Option(name: .customLong("agency-hours"), help: "An agency's service hours, AGENCY=RULE (opening_hours subset, e.g. \"SCOURT=Mo-Fr 09:00-18:00\"); repeatable; others are 24/7.")
    var agencyHours: [String] = []

    /// The configuration these options describe.
    func configuration() throws -> CentralIdentityConfiguration {
        var out = CentralIdentityConfiguration()
        for item in trustedIssuers {
            let (id, key) = try Self.pair(item, option: "--trusted-issuer", shape: "ISSUER-ID=PUBLIC-KEY")
            out.trustedIssuers[id] = key
        }
        for item in agencyHours {
            let (agency, rule) = try Self.pair(item, option: "--agency-hours", shape: "AGENCY=RULE")
            out.agencyHours[agency] = rule
        }
        out.publicURL = publicURL
        guard mobileIDValidity > 0 else { throw ValidationError("--mobile-id-validity must be positive") }
        out.mobileIDValiditySeconds = mobileIDValidity
        guard maximumFailures >= 1 else { throw ValidationError("--max-failures must be at least 1") }
        guard failureWindow > 0, lockout > 0 else { throw ValidationError("--failure-window and --lockout must be positive") }
        out.maximumFailures = maximumFailures
        out.failureWindowSeconds = failureWindow
        out.lockoutSeconds = lockout
        return out
    }

    /// `item` split at its first `=`.
    static func pair(_ item: String, option: String, shape: String) throws -> (String, String) {
        guard let equals = item.firstIndex(of: "="), equals != item.startIndex, item.index(after: equals) != item.endIndex else {
            throw ValidationError("\(option) must be \(shape), got \"\(item)\"")
        }
        return (String(item[..<equals]), String(item[item.index(after: equals)...]))
    }
}
