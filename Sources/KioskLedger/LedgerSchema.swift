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
        migrator.registerMigration("v2-lean-indexes") { db in
            // v1 touched five B-trees on every append (the entry, three indexes and the open-issuance
            // row). v2 keeps only the index an issuance lookup needs on every entry and moves the rest
            // to small tables written when something changes: an issuance opens or closes, a number is
            // first recorded, a block of `timeBlockSize` entries is complete.
            try db.execute(sql: """
                DROP INDEX ledger_entry_by_number;
                DROP INDEX ledger_entry_by_time;
                DROP TRIGGER ledger_entry_track_open;

                -- Open issuances by id only: an entry that keeps an issuance open does not write here
                -- again; recovery finds the last entry through ledger_entry_by_issuance.
                CREATE TABLE open_issuance_v2 (issuance_id TEXT PRIMARY KEY) WITHOUT ROWID;
                INSERT INTO open_issuance_v2 (issuance_id) SELECT issuance_id FROM open_issuance;
                DROP TABLE open_issuance;
                ALTER TABLE open_issuance_v2 RENAME TO open_issuance;
                CREATE TRIGGER ledger_entry_opens AFTER INSERT ON ledger_entry
                WHEN NEW.issuance_id IS NOT NULL AND NOT \(newKindIsTerminal)
                BEGIN INSERT OR IGNORE INTO open_issuance (issuance_id) VALUES (NEW.issuance_id); END;
                CREATE TRIGGER ledger_entry_closes AFTER INSERT ON ledger_entry
                WHEN NEW.issuance_id IS NOT NULL AND \(newKindIsTerminal)
                BEGIN DELETE FROM open_issuance WHERE issuance_id = NEW.issuance_id; END;

                -- Each issuance number once, with the issuance and the entry that first carried it.
                CREATE TABLE issuance_number (
                    issuance_number TEXT PRIMARY KEY,
                    issuance_id TEXT,
                    first_sequence INTEGER NOT NULL
                ) WITHOUT ROWID;
                INSERT OR IGNORE INTO issuance_number (issuance_number, issuance_id, first_sequence)
                SELECT issuance_number, issuance_id, sequence FROM ledger_entry
                WHERE issuance_number IS NOT NULL ORDER BY sequence;
                CREATE TRIGGER ledger_entry_numbers AFTER INSERT ON ledger_entry
                WHEN NEW.issuance_number IS NOT NULL
                BEGIN
                    INSERT OR IGNORE INTO issuance_number (issuance_number, issuance_id, first_sequence)
                    VALUES (NEW.issuance_number, NEW.issuance_id, NEW.sequence);
                END;

                -- The earliest and latest UTC time of each complete block of \(timeBlockSize) entries
                -- (block b holds sequences (b-1)*\(timeBlockSize)+1 ... b*\(timeBlockSize)). Time
                -- queries read only the blocks whose span meets their range, plus the incomplete last
                -- block; a clock set backwards only widens a block's span.
                CREATE TABLE ledger_time_block (
                    block INTEGER PRIMARY KEY,
                    min_utc_ms INTEGER NOT NULL,
                    max_utc_ms INTEGER NOT NULL
                );
                INSERT INTO ledger_time_block (block, min_utc_ms, max_utc_ms)
                SELECT (sequence - 1) / \(timeBlockSize) + 1 AS block, MIN(utc_ms), MAX(utc_ms) FROM ledger_entry
                WHERE sequence <= (SELECT IFNULL(MAX(sequence), 0) FROM ledger_entry) / \(timeBlockSize) * \(timeBlockSize)
                GROUP BY block;
                CREATE TRIGGER ledger_entry_time_block AFTER INSERT ON ledger_entry
                WHEN NEW.sequence % \(timeBlockSize) = 0
                BEGIN
                    INSERT INTO ledger_time_block (block, min_utc_ms, max_utc_ms)
                    SELECT NEW.sequence / \(timeBlockSize), MIN(utc_ms), MAX(utc_ms) FROM ledger_entry
                    WHERE sequence > NEW.sequence - \(timeBlockSize) AND sequence <= NEW.sequence;
                END;

                -- The derived tables are append-only like the entries they describe (open_issuance
                -- excepted: closing an issuance deletes its row).
                CREATE TRIGGER issuance_number_no_update BEFORE UPDATE ON issuance_number
                BEGIN SELECT RAISE(ABORT, 'issuance numbers are append-only: UPDATE refused'); END;
                CREATE TRIGGER issuance_number_no_delete BEFORE DELETE ON issuance_number
                BEGIN SELECT RAISE(ABORT, 'issuance numbers are append-only: DELETE refused'); END;
                CREATE TRIGGER ledger_time_block_no_update BEFORE UPDATE ON ledger_time_block
                BEGIN SELECT RAISE(ABORT, 'time blocks are append-only: UPDATE refused'); END;
                CREATE TRIGGER ledger_time_block_no_delete BEFORE DELETE ON ledger_time_block
                BEGIN SELECT RAISE(ABORT, 'time blocks are append-only: DELETE refused'); END;
                """)
        }
        return migrator
    }

    /// Entries per row of `ledger_time_block`. Part of the v2 schema: changing it needs a migration.
    static let timeBlockSize: Int64 = 256

    /// "The new entry's kind ends its issuance" as an SQL condition for an `ON ledger_entry` trigger.
    /// Written as equalities, not `IN (…)`: SQLite builds a temporary B-tree for a constant `IN` list
    /// every time a trigger runs, which cost more than the rest of the trigger.
    private static let newKindIsTerminal = """
        (NEW.kind = 'issued' OR NEW.kind = 'refunded' OR NEW.kind = 'refund-owed' \
        OR NEW.kind = 'abandoned-after-identity')
        """
}
