public import KioskDevices

extension PrintJob {
    /// The job for one issued document: its job name is `issuance NNNN-NNNN-NNNN-NNNN`, with
    /// ` reprint N` appended for the N-th explicit reprint, so the printer's job list traces every
    /// sheet back to the ledger.
    public static func issuance(number: String, document: RenderedDocument, reprint: Int = 0) -> PrintJob {
        PrintJob(name: jobName(number: number, reprint: reprint), document: document.pdf,
                 pages: document.pageCount, reprint: reprint)
    }

    /// `issuance NUMBER` or `issuance NUMBER reprint N`.
    public static func jobName(number: String, reprint: Int) -> String {
        reprint > 0 ? "issuance \(number) reprint \(reprint)" : "issuance \(number)"
    }

    /// The issuance number and reprint count a job name made by `jobName` carries; nil for other names.
    public static func parseJobName(_ name: String) -> (number: String, reprint: Int)? {
        let words = name.split(separator: " ")
        guard words.count == 2 || words.count == 4, words[0] == "issuance" else { return nil }
        if words.count == 2 { return (String(words[1]), 0) }
        guard words[2] == "reprint", let count = Int(words[3]), count > 0 else { return nil }
        return (String(words[1]), count)
    }
}
