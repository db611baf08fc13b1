/// Why a reloaded configuration was rejected (the old one stays in force).
public struct ConfigReloadError: Error, Sendable, CustomStringConvertible {
    /// Every problem, one per line, as `file:line: key: what is wrong`.
    public var description: String
}
