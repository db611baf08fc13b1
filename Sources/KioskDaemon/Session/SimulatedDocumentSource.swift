import KioskCore
import KioskPrinting

/// The *simulated document source*: fills every printed document with SAMPLE content (invented
/// residents, addresses and parcels from `SampleDocumentProvider`), with the real issuance number and
/// the catalog's name of the document. Selected only by `[session] document_source = "simulated"`;
/// real content needs the identity back-end, which this kioskd does not have yet.
struct SimulatedDocumentSource: Sendable {
    /// The document to print for one paid issuance.
    func document(for type: DocumentType, number: IssuanceNumber, authority: String) -> IssuedDocument {
        let family: DocumentFamily =
            switch type.category {
            case "resident": type.code.contains("CHOBON") ? .residentRegistrationAbstract : .residentRegistrationCopy
            case "family": .familyRelations
            default: .landParcel
            }
        var document = SampleDocumentProvider.document(family, issuanceNumber: number.formatted)
        document.content.title = type.nameKo + " (SAMPLE — simulated document source)"
        if !authority.isEmpty { document.authority = authority }
        return document
    }
}
