import GRDB

/// The ledger's schema as append-only GRDB migrations named `vN-subject`. Never edit a shipped
/// migration; add the next one.
enum LedgerSchema {
    /// The migrator with every migration in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-ledger") { db in
            try db.execute(sql: """
                CREATE TABLE ledger_entry (
                    sequence INTEGER PRIMARY KEY,
                    entry_id TEXT NOT NULL,
                    kiosk_id TEXT NOT NULL,
                    session_id TEXT,
                    issuance_id TEXT,
                    kind TEXT NOT NULL,
                    document_code TEXT,
                    copies INTEGER,
                    quote TEXT,
                    amount INTEGER,
                    payment_method TEXT,
                    payment_reference TEXT,
                    printer_job_id INTEGER,
                    issuance_number TEXT,
                    pdf_sha256 BLOB,
                    resident_reference TEXT,
                    detail TEXT,
                    utc_ms INTEGER NOT NULL,
                    uptime_ns INTEGER NOT NULL,
                    previous_hash BLOB NOT NULL,
                    entry_hash BLOB NOT NULL
                );
                CREATE INDEX ledger_entry_by_issuance ON ledger_entry(issuance_id, sequence)
                    WHERE issuance_id IS NOT NULL;
                CREATE INDEX ledger_entry_by_number ON ledger_entry(issuance_number)
                    WHERE issuance_number IS NOT NULL;
                CREATE INDEX ledger_entry_by_time ON ledger_entry(utc_ms);

                CREATE TRIGGER ledger_entry_gapless BEFORE INSERT ON ledger_entry
                WHEN NEW.sequence IS NOT (SELECT IFNULL(MAX(sequence), 0) + 1 FROM ledger_entry)
                BEGIN SELECT RAISE(ABORT, 'ledger sequence must be the last sequence + 1'); END;
                CREATE TRIGGER ledger_entry_no_update BEFORE UPDATE ON ledger_entry
                BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: UPDATE refused'); END;
                CREATE TRIGGER ledger_entry_no_delete BEFORE DELETE ON ledger_entry
                BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: DELETE refused'); END;

                -- Issuances whose last entry is not terminal, kept by a trigger so recovery at start
                -- costs the number of open issuances, not the size of the ledger.
                CREATE TABLE open_issuance (
                    issuance_id TEXT PRIMARY KEY,
                    last_sequence INTEGER NOT NULL REFERENCES ledger_entry(sequence)
                ) WITHOUT ROWID;
                CREATE TRIGGER ledger_entry_track_open AFTER INSERT ON ledger_entry
                WHEN NEW.issuance_id IS NOT NULL
                BEGIN
                    DELETE FROM open_issuance WHERE issuance_id = NEW.issuance_id;
                    INSERT INTO open_issuance (issuance_id, last_sequence)
                    SELECT NEW.issuance_id, NEW.sequence
                    WHERE NEW.kind NOT IN ('issued', 'refunded', 'refund-owed', 'abandoned-after-identity');
                END;
                """)
        }
        return migrator
    }
}
