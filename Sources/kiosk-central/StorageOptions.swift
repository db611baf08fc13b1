import ArgumentParser
import KioskCentral

/// Where kiosk-central keeps its data.
struct StorageOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite database file.")
    var database = "central.sqlite"

    func open() throws -> any CentralStorage {
        try SQLiteCentralStorage(path: database)
    }
}
