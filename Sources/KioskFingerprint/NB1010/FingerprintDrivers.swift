public import KioskDevices
public import KioskUSB
public import Logging

/// Builds the real reader a configuration names. The daemon keeps `"simulated"` for itself.
public enum FingerprintDrivers {
    /// A driver name no real reader answers to.
    public struct UnknownDriver: Error, Sendable, Equatable, CustomStringConvertible {
        /// The name in the configuration.
        public let name: String
        /// The error for driver `name`.
        public init(name: String) { self.name = name }
        /// `unknown fingerprint driver "x" (known: nb1010)`.
        public var description: String { "unknown fingerprint driver \"\(name)\" (known: \(FingerprintDrivers.known.joined(separator: ", ")))" }
    }

    /// Driver names this module implements.
    public static let known = ["nb1010"]

    /// The reader for `configuration.driver`, opened through `context` at the first capture.
    /// - Throws: `UnknownDriver` naming the driver.
    public static func make(
        _ configuration: FingerprintReaderConfiguration, context: USBContext, logger: Logger
    ) throws(UnknownDriver) -> any FingerprintReader {
        switch configuration.driver {
        case "nb1010": NB1010Reader(configuration: configuration, context: context, logger: logger)
        default: throw UnknownDriver(name: configuration.driver)
        }
    }
}
