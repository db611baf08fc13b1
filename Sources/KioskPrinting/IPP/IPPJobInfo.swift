/// One job as Get-Job-Attributes reports it (IPP `job-state` enum value and `job-state-reasons`).
struct IPPJobInfo: Sendable, Equatable {
    /// IPP job-state: 3 pending, 4 pending-held, 5 processing, 6 processing-stopped, 7 canceled,
    /// 8 aborted, 9 completed.
    var state: Int
    /// The job's reasons, as reported.
    var reasons: [String]
    /// The job-name, if reported.
    var name: String? = nil
}
