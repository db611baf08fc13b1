import KioskSync

/// Key checks for the registry command (the executable does not import KioskSync).
public enum CentralKeys {
    /// Returns the key in canonical base64.
    /// - Throws: `KioskKeyError.malformedPublicKey` if it is not base64 of 32 bytes.
    public static func validatePublicKey(_ text: String) throws -> String {
        try KioskPublicKey(base64: text).base64
    }
}
