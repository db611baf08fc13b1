import KioskCentral

/// Checks a public key argument before it reaches the registry.
enum KioskPublicKeyCheck {
    static func validate(_ text: String) throws -> String {
        try CentralKeys.validatePublicKey(text)
    }
}
