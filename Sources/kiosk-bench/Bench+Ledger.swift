import Foundation
import GRDB
import KioskCore
import KioskLedger

/// Ledger benchmarks (issue 4):
/// - durable appends per second through `Ledger.append`, against raw GRDB single-row inserts with the same
///   pragmas (WAL, synchronous=FULL) in the same run — target ratio ≥ 0.8;
/// - p50 cost of one append on a ledger already holding 1,000,000 entries against an empty ledger —
///   target ratio ≤ 1.2;
/// - `verify` of the 1,000,000-entry ledger, in seconds.
///
/// Files go to `KIOSK_BENCH_DIR` or the system temporary directory (it must be a real disk, not tmpfs,
/// for fsync to cost what it costs on a kiosk).
func ledgerBenchmarks() async throws -> [BenchFigure] {
    let root = URL(fileURLWithPath: ProcessInfo.processInfo.environment["KIOSK_BENCH_DIR"] ?? NSTemporaryDirectory())
        .appendingPathComponent("kiosk-bench-ledger-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    let appends = Int(ProcessInfo.processInfo.environment["KIOSK_BENCH_LEDGER_APPENDS"] ?? "") ?? 2_000
    let bigSize = Int(ProcessInfo.processInfo.environment["KIOSK_BENCH_LEDGER_BIG"] ?? "") ?? 1_000_000

    // Raw GRDB (one row per transaction, same pragmas, a row of the same size) and the ledger, measured
    // in alternating rounds so that load from other processes falls on both alike.
    let raw = try await RawTable(path: root.appendingPathComponent("raw.sqlite").path)
    let emptyLedger = try await Ledger.open(at: root.appendingPathComponent("empty.sqlite").path)
    var emptyRecords = BenchRecords()
    // 20 rounds; each figure is the median of its per-round rates, robust to bursts of outside load.
    let rounds = 20, perRound = max(1, appends / rounds)
    var rawRates: [Double] = [], ledgerRates: [Double] = []
    for _ in 0..<rounds {
        let rawSeconds = try await measureAsyncSeconds { for _ in 0..<perRound { try await raw.insert() } }
        // The records are made before the clock starts, as the raw rows' payload is: what is timed is
        // `append` (sealing, hashing, the durable write), not the bench's record factory.
        let batch = (0..<perRound).map { _ in emptyRecords.next() }
        let ledgerSeconds = try await measureAsyncSeconds {
            for record in batch { try await emptyLedger.append(record) }
        }
        rawRates.append(Double(perRound) / rawSeconds)
        ledgerRates.append(Double(perRound) / ledgerSeconds)
    }
    try raw.close()
    let rawRate = percentile(rawRates, 0.5)
    let ledgerRate = percentile(ledgerRates, 0.5)

    // A ledger already holding `bigSize` entries, built quickly in large transactions through the API.
    let big = try await Ledger.open(at: root.appendingPathComponent("big.sqlite").path)
    var written = 0
    var records = BenchRecords()
    while written < bigSize {
        let batch = min(50_000, bigSize - written)
        try await big.append((0..<batch).map { _ in records.next() })
        written += batch
    }
    // Start from a steady state: no bulk-import WAL left to checkpoint during the measurement.
    try await big.checkpoint()
    try await emptyLedger.checkpoint()
    // One append to the big ledger, one to the (nearly) empty one, alternately.
    var bigCosts: [Double] = [], emptyCosts: [Double] = []
    for _ in 0..<appends {
        let bigRecord = records.next(), emptyRecord = emptyRecords.next()
        bigCosts.append(try await measureAsyncSeconds { try await big.append(bigRecord) })
        emptyCosts.append(try await measureAsyncSeconds { try await emptyLedger.append(emptyRecord) })
    }
    try emptyLedger.close()
    let verifySeconds = try await measureAsyncSeconds {
        let result = try await big.verify()
        guard result.isIntact else { throw BenchLedgerFailure(message: "verify found \(String(describing: result.problem))") }
    }
    try big.close()

    return [
        BenchFigure(name: "ledger-durable-appends", value: ledgerRate, unit: "appends/s", baseline: rawRate),
        BenchFigure(name: "ledger-append-p50-1m-vs-empty", value: percentile(bigCosts, 0.5) * 1e6, unit: "us",
                    baseline: percentile(emptyCosts, 0.5) * 1e6),
        BenchFigure(name: "ledger-append-p99-1m", value: percentile(bigCosts, 0.99) * 1e6, unit: "us", baseline: nil),
        BenchFigure(name: "ledger-verify-\(bigSize)", value: verifySeconds, unit: "s", baseline: nil),
    ]
}

/// A benchmark precondition failed (the figure would be meaningless).
private struct BenchLedgerFailure: Error {
    var message: String
}

/// Realistic records: each issuance (random UUID, like the daemon's) gets `paid`, `printing`, `issued`,
/// so the set of open issuances stays small as it does on a kiosk.
private struct BenchRecords {
    var index = 0
    var issuance = UUID()
    var session = UUID()

    mutating func next() -> LedgerRecord {
        defer { index += 1 }
        let step = index % 3
        if step == 0 {
            issuance = UUID()
            session = UUID()
        }
        let number = try? IssuanceNumber(kioskNumber: 1, sequence: Int64(index / 3) + 1)
        return LedgerRecord(
            kind: [LedgerEntryKind.paid, .printing, .issued][step], kioskID: "bench-kiosk",
            instant: LedgerInstant(utcMilliseconds: 1_790_000_000_000 + Int64(index), uptimeNanoseconds: Int64(index) * 1_000),
            sessionID: session, issuanceID: issuance, documentCode: "RES-COPY", copies: 1,
            quote: step == 0 ? try? LedgerJSON(text: #"{"copies":1,"exemption":null,"fee":400}"#) : nil,
            amount: step == 0 ? Money(won: 400) : nil, paymentMethod: step == 0 ? .cash : nil,
            paymentReference: step == 0 ? "escrow-\(index)" : nil, printerJobID: step == 0 ? nil : index / 3,
            issuanceNumber: number, pdfSHA256: step == 0 ? nil : SHA256Hash.of(Data("pdf-\(index / 3)".utf8)))
    }
}

/// A plain GRDB table written one row per transaction with WAL + synchronous=FULL, through the same
/// async write API the ledger uses: the baseline for durable appends.
private struct RawTable {
    let pool: DatabasePool
    let payload = String(repeating: "x", count: 300)
    let hash = Data(repeating: 7, count: 64)

    init(path: String) async throws {
        pool = try DatabasePool(path: path)
        try await pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "CREATE TABLE raw (id INTEGER PRIMARY KEY, payload TEXT NOT NULL, hash BLOB NOT NULL)")
        }
    }

    func insert() async throws {
        let payload = self.payload, hash = self.hash
        try await pool.write { db in
            try db.execute(sql: "INSERT INTO raw (payload, hash) VALUES (?, ?)", arguments: [payload, hash])
        }
    }

    func close() throws { try pool.close() }
}

private func measureAsyncSeconds(_ body: () async throws -> Void) async throws -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    try await body()
    let elapsed = clock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

private func percentile(_ values: [Double], _ fraction: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction))]
}
