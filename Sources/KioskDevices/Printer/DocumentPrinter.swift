/// A document printer. Conformers promise: `submit` returns only once the printer accepted the job
/// (never a silent second print on retry); `jobState` answers for any job id this printer issued,
/// also after the kiosk restarted (crash recovery asks it), and `jobID(named:)` finds the newest job by
/// its name when the printer can still tell; status reports paper, toner, cover and jam.
public protocol DocumentPrinter: KioskDevice {
    /// Sends `job` to the printer and returns its id.
    func submit(_ job: PrintJob) async throws(PrinterError) -> PrintJobID
    /// The job's current state.
    func jobState(_ id: PrintJobID) async throws(PrinterError) -> PrintJobState
    /// Cancels a job that has not completed.
    func cancel(_ id: PrintJobID) async throws(PrinterError)
    /// The newest job the printer knows under `name`, or nil (recovery after a crash between submitting
    /// a job and recording it).
    func jobID(named name: String) async throws(PrinterError) -> PrintJobID?
}
