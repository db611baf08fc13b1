public import KioskCore

extension CatalogLoader {
    /// The outcome of re-reading a catalog while one is in use.
    public enum Reload: Sendable {
        /// The file is valid and not older than the current catalog: use it.
        case loaded(Catalog)
        /// The file is invalid or older: keep using the current catalog; the diagnostics say why.
        case kept(Catalog, ConfigDiagnostics)
    }

    /// Re-reads `path`; keeps `current` (the last good catalog) when the file is invalid or its version is
    /// lower than `current.version`.
    public static func reload(path: String, keeping current: Catalog) -> Reload {
        do {
            let catalog = try load(path: path)
            guard catalog.version >= current.version else {
                return .kept(current, ConfigDiagnostics([
                    ConfigDiagnostic(file: path, line: 0, key: "version",
                        message: "version \(catalog.version) is older than the catalog in use (\(current.version)); keeping the current one")
                ]))
            }
            return .loaded(catalog)
        } catch {
            return .kept(current, error)
        }
    }
}
