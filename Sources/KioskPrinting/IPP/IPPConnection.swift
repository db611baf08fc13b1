internal import CCUPS
#if canImport(Glibc)
import Glibc
#endif

/// One libcups connection to one printer. Not Sendable: it lives on its `CUPSWorker` thread only,
/// because `http_t` is single-threaded and `cupsLastError()` is thread-local. Every method reads the
/// last error right after the failing call, on the same thread, and maps it to `IPPFailure`.
/// After any failure the connection is closed, so the next request starts on a clean one.
final class IPPConnection {
    private let target: IPPPrinterURI
    private let connectTimeoutMilliseconds: Int32
    private let requestTimeoutSeconds: Double
    private let userName: String
    private var http: OpaquePointer?

    init(target: IPPPrinterURI, connectTimeout: Duration, requestTimeout: Duration, userName: String) {
        self.target = target
        connectTimeoutMilliseconds = Int32(clamping: connectTimeout.milliseconds)
        requestTimeoutSeconds = max(0.1, Double(requestTimeout.milliseconds) / 1000)
        self.userName = userName
    }

    deinit { disconnect() }

    /// Get-Printer-Attributes: state, reasons, media-ready, supplies.
    func printerAttributes() -> Result<PrinterSnapshot, IPPFailure> {
        let request = newRequest(IPP_OP_GET_PRINTER_ATTRIBUTES)
        addKeywords(request, name: "requested-attributes", [
            "printer-state", "printer-state-reasons", "printer-state-message", "media-ready", "printer-supply",
        ])
        return perform(request) { response in
            PrinterSnapshot(
                state: integer(response, "printer-state", tag: IPP_TAG_ENUM) ?? 3,
                reasons: strings(response, "printer-state-reasons"),
                mediaReady: ippFindAttribute(response, "media-ready", IPP_TAG_ZERO) == nil
                    ? nil : strings(response, "media-ready"),
                supplies: octetStrings(response, "printer-supply").compactMap(PrinterSnapshot.Supply.init(ippValue:)),
                message: strings(response, "printer-state-message").first)
        }
    }

    /// Print-Job with the PDF in the request body; returns the job id. Always on a fresh connection:
    /// a kept-alive one may have been closed by a printer that restarted, and a failure half-way
    /// through a job must never be retried blindly.
    func printJob(name: String, document: [UInt8], copies: Int = 1) -> Result<Int, IPPFailure> {
        disconnect()
        guard let http = connection() else { return .failure(lastFailure()) }
        let request = newRequest(IPP_OP_PRINT_JOB)
        ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "job-name", nil, name)
        ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_MIMETYPE, "document-format", nil, "application/pdf")
        if copies > 1 { ippAddInteger(request, IPP_TAG_JOB, IPP_TAG_INTEGER, "copies", Int32(clamping: copies)) }
        defer { ippDelete(request) }
        // The length is the whole body: the IPP message plus the document (real-peers.md §2).
        let length = ippLength(request) + document.count
        var status = cupsSendRequest(http, request, target.resource, length)
        if status == HTTP_STATUS_CONTINUE {
            status = document.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    cupsWriteRequestData(http, chars.baseAddress, chars.count)
                }
            }
        }
        guard status == HTTP_STATUS_CONTINUE else {
            let failure = lastFailure()
            disconnect()
            return .failure(failure)
        }
        guard let response = cupsGetResponse(http, target.resource) else {
            let failure = lastFailure()
            disconnect()
            return .failure(failure)
        }
        defer { ippDelete(response) }
        if let failure = failure(of: response) {
            disconnect()
            return .failure(failure)
        }
        guard let id = integer(response, "job-id", tag: IPP_TAG_INTEGER) else {
            return .failure(.refused("the printer accepted the job but returned no job-id"))
        }
        return .success(id)
    }

    /// Get-Job-Attributes for `jobID`.
    func jobAttributes(_ jobID: Int) -> Result<IPPJobInfo, IPPFailure> {
        let request = newRequest(IPP_OP_GET_JOB_ATTRIBUTES)
        ippAddInteger(request, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", Int32(clamping: jobID))
        addKeywords(request, name: "requested-attributes", ["job-state", "job-state-reasons", "job-name"])
        return perform(request) { response in
            IPPJobInfo(state: integer(response, "job-state", tag: IPP_TAG_ENUM) ?? 3,
                       reasons: strings(response, "job-state-reasons"), name: strings(response, "job-name").first)
        }
    }

    /// Get-Jobs (which-jobs=all): every job the printer still knows, with id and name.
    func allJobs() -> Result<[(id: Int, name: String)], IPPFailure> {
        let request = newRequest(IPP_OP_GET_JOBS)
        ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "which-jobs", nil, "all")
        addKeywords(request, name: "requested-attributes", ["job-id", "job-name"])
        return perform(request) { response in
            var jobs: [(id: Int, name: String)] = []
            var id: Int?
            var name: String?
            var attribute = ippFirstAttribute(response)
            while true {
                // A job group ends at a separator (nameless attribute) or at the end.
                if attribute == nil || ippGetName(attribute) == nil {
                    if let id { jobs.append((id, name ?? "")) }
                    id = nil
                    name = nil
                    if attribute == nil { break }
                } else if ippGetGroupTag(attribute) == IPP_TAG_JOB, let attributeName = ippGetName(attribute) {
                    switch String(cString: attributeName) {
                    case "job-id": id = Int(ippGetInteger(attribute, 0))
                    case "job-name": name = ippGetString(attribute, 0, nil).map { String(cString: $0) }
                    default: break
                    }
                }
                attribute = ippNextAttribute(response)
            }
            return jobs
        }
    }

    /// Cancel-Job for `jobID`.
    func cancelJob(_ jobID: Int) -> Result<Void, IPPFailure> {
        let request = newRequest(IPP_OP_CANCEL_JOB)
        ippAddInteger(request, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", Int32(clamping: jobID))
        return perform(request) { _ in () }
    }

    // MARK: plumbing

    private func connection() -> OpaquePointer? {
        if let http { return http }
        let encryption = target.scheme == "ipps" ? HTTP_ENCRYPTION_ALWAYS : HTTP_ENCRYPTION_IF_REQUESTED
        guard let opened = httpConnect2(target.host, Int32(target.port), nil, AF_UNSPEC, encryption, 1,
                                        connectTimeoutMilliseconds, nil) else { return nil }
        httpSetTimeout(opened, requestTimeoutSeconds, nil, nil)
        http = opened
        return opened
    }

    private func disconnect() {
        if let http { httpClose(http) }
        http = nil
    }

    private func newRequest(_ operation: ipp_op_t) -> OpaquePointer {
        let request = ippNewRequest(operation)!
        ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nil, target.uri)
        ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nil, userName)
        return request
    }

    /// Sends `request` (consumed) and returns the response, which `body` reads before it is freed.
    private func perform<T>(_ request: OpaquePointer, _ body: (OpaquePointer) -> T) -> Result<T, IPPFailure> {
        guard let http = connection() else {
            ippDelete(request)
            return .failure(lastFailure())
        }
        // cupsDoRequest frees the request.
        guard let response = cupsDoRequest(http, request, target.resource) else {
            let failure = lastFailure()
            disconnect()
            return .failure(failure)
        }
        defer { ippDelete(response) }
        if let failure = failure(of: response) {
            if case .transport = failure { disconnect() }
            return .failure(failure)
        }
        return .success(body(response))
    }

    private func failure(of response: OpaquePointer) -> IPPFailure? {
        let status = ippGetStatusCode(response)
        guard status.rawValue >= IPP_STATUS_REDIRECTION_OTHER_SITE.rawValue else { return nil }
        let message = String(cString: cupsLastErrorString())
        return Self.classify(status, message)
    }

    /// Reads libcups's thread-local last error; call right after the failing call.
    private func lastFailure() -> IPPFailure {
        let status = cupsLastError()
        let message = String(cString: cupsLastErrorString())
        if status.rawValue < IPP_STATUS_REDIRECTION_OTHER_SITE.rawValue {
            return .transport(message.isEmpty ? "connection failed" : message)
        }
        switch status {
        case IPP_STATUS_ERROR_BUSY: return .busy
        case IPP_STATUS_ERROR_NOT_FOUND: return .notFound
        default: return .transport(message.isEmpty ? "no answer" : message)
        }
    }

    private static func classify(_ status: ipp_status_t, _ message: String) -> IPPFailure {
        switch status {
        case IPP_STATUS_ERROR_BUSY: .busy
        case IPP_STATUS_ERROR_NOT_FOUND: .notFound
        case IPP_STATUS_ERROR_SERVICE_UNAVAILABLE: .transport(message)
        default: .refused(message.isEmpty ? "IPP status 0x\(String(status.rawValue, radix: 16))" : message)
        }
    }

    private func addKeywords(_ request: OpaquePointer, name: String, _ values: [String]) {
        var cStrings = values.map { strdup($0) }
        defer { cStrings.forEach { free($0) } }
        cStrings.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) { pointers in
                _ = ippAddStrings(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, name, Int32(values.count), nil,
                                  pointers.baseAddress)
            }
        }
    }
}

private func integer(_ response: OpaquePointer, _ name: String, tag: ipp_tag_t) -> Int? {
    guard let attribute = ippFindAttribute(response, name, tag) else { return nil }
    return Int(ippGetInteger(attribute, 0))
}

private func strings(_ response: OpaquePointer, _ name: String) -> [String] {
    guard let attribute = ippFindAttribute(response, name, IPP_TAG_ZERO) else { return [] }
    return (0..<ippGetCount(attribute)).compactMap { index in
        ippGetString(attribute, index, nil).map { String(cString: $0) }
    }
}

private func octetStrings(_ response: OpaquePointer, _ name: String) -> [String] {
    guard let attribute = ippFindAttribute(response, name, IPP_TAG_STRING) else { return [] }
    return (0..<ippGetCount(attribute)).compactMap { index in
        var length: Int32 = 0
        guard let bytes = ippGetOctetString(attribute, index, &length) else { return nil }
        let buffer = UnsafeRawBufferPointer(start: bytes, count: Int(length))
        return String(decoding: buffer, as: UTF8.self)
    }
}
