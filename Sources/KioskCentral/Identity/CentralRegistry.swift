import Foundation
import KioskCore
import KioskRegistry

/// The synthetic registry rebuilt from stored parameters, with its secret and document source.
struct CentralRegistry: Sendable {
    let registry: SyntheticRegistry
    let secret: Data
    let documents: RegistryDocumentSource

    /// Rebuilds the registry `parameters` describe.
    /// - Throws: `CentralStorageError.corrupt` when the stored parameters are unreadable.
    init(parameters: RegistryParameters) throws(CentralStorageError) {
        guard let asOf = LocalDate(iso: parameters.asOf) else {
            throw .corrupt("registry as-of date \(parameters.asOf)")
        }
        guard parameters.secretHex.count == 64, let secret = Self.bytes(hex: parameters.secretHex) else {
            throw .corrupt("registry secret is not 64 hex digits")
        }
        registry = SyntheticRegistry(.init(
            seed: parameters.seed, households: parameters.households, asOf: asOf, syntheticThumbs: parameters.syntheticThumbs))
        self.secret = secret
        documents = RegistryDocumentSource(registry: registry, secret: secret)
    }

    static func bytes(hex: String) -> Data? {
        var out = Data()
        var iterator = hex.makeIterator()
        while let high = iterator.next() {
            guard let low = iterator.next(), let byte = UInt8(String([high, low]), radix: 16) else { return nil }
            out.append(byte)
        }
        return out
    }

    /// The agency answering each document code.
    static var agencies: [String: String] { RegistryDocumentSource.agencies }
}
