/// One stored version of a configuration document.
public struct StoredConfig: Sendable, Hashable {
    /// District or kiosk.
    public var scope: ConfigScope
    /// The district name or kiosk id.
    public var target: String
    /// 1, 2, … per scope and target.
    public var version: Int
    /// The document's JSON text (a `KioskConfigDocument`).
    public var json: String
    /// When it was stored, UTC milliseconds.
    public var storedAtUTCMilliseconds: Int64

    /// A stored version.
    public init(scope: ConfigScope, target: String, version: Int, json: String, storedAtUTCMilliseconds: Int64) {
        self.scope = scope
        self.target = target
        self.version = version
        self.json = json
        self.storedAtUTCMilliseconds = storedAtUTCMilliseconds
    }
}
