// swift-tools-version: 6.1
import PackageDescription

// One settings loop gives every target the same compiler settings (see ../shared/STYLE.md).
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "kioskd",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kioskd", targets: ["kioskd"]),
        .executable(name: "kioskctl", targets: ["kioskctl"]),
        .executable(name: "kiosk-central", targets: ["kiosk-central"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // MARK: dependencies (issue 4: ledger)
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // MARK: dependencies (issue 5: central and sync)
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),  // TLS trust for sync and central (already built for async-http-client)
    ],
    targets: [
        // MARK: foundation (issue 2)
        .target(
            name: "KioskCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "KioskConfig",
            dependencies: ["KioskCore", "TOMLKit"]
        ),
        .target(
            name: "KioskDevices",
            dependencies: ["KioskCore"]
        ),
        .target(name: "KioskSystemd"),
        .target(
            name: "KioskControl",
            dependencies: [
                "KioskCore", "KioskDevices",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .target(
            name: "KioskDaemon",
            dependencies: [
                "KioskCore", "KioskConfig", "KioskDevices", "KioskControl", "KioskSystemd",
                "KioskPrinting", "KioskFingerprint", "KioskUSB", "KioskPayment",
                "KioskLedger", "KioskSync",  // issue 4 (sessions), issue 5 (sync)
                "KioskRegistry",  // issue 8 (the in-process synthetic identity back-end)
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ]
        ),
        .target(
            name: "KioskCentral",
            dependencies: [
                "KioskCore", "KioskSystemd", "KioskSync",
                "KioskRegistry", "KioskIdentity",  // issue 8: identity, documents and mobile ID behind central
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),  // issue 5: HTTPS
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .executableTarget(
            name: "kioskd",
            dependencies: [
                "KioskDaemon", "KioskConfig",
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "kioskctl",
            dependencies: [
                "KioskCore", "KioskConfig", "KioskDevices", "KioskControl", "KioskFingerprint", "KioskUSB", "KioskPrinting",
                "KioskLedger",
                "KioskSync",  // issue 5 (keys init, sync status/now)
                "KioskRegistry",  // issue 8 (identity synthetic-residents)
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "kiosk-central",
            dependencies: [
                "KioskCentral", "KioskCore", "KioskSync", "KioskRegistry",  // issue 5: bench-ingest needs entries, keys and raw GRDB
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),  // issue 5: bench-ingest's raw COPY baseline
                .product(name: "NIOCore", package: "swift-nio"),  // issue 5: COPY data buffers
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "KioskTestSupport", dependencies: ["KioskPayment"]),  // issue 9: the ccTalk emulator
        .testTarget(name: "KioskCoreTests", dependencies: ["KioskCore"]),
        .testTarget(name: "KioskDevicesTests", dependencies: ["KioskDevices", "KioskCore"]),
        .testTarget(
            name: "KioskDaemonTests",
            dependencies: [
                "KioskDaemon", "KioskConfig", "KioskControl", "KioskDevices", "KioskCore", "KioskSystemd", "KioskTestSupport",
                "KioskLedger",  // MARK: issue 4 (sessions)
                "KioskPrinting",  // recovery against a real ippeveprinter
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "KioskConfigTests", dependencies: ["KioskConfig", "KioskCore"]),

        // MARK: issue 3 (catalog, fees, hours, holidays) targets
        // Runs the built kioskctl as a process (schedule eval --batch, holidays, catalog, fees).
        .testTarget(name: "KioskctlTests", dependencies: ["KioskTestSupport"]),

        // MARK: issue 4 (issuance + ledger) targets
        .target(
            name: "KioskLedger",
            dependencies: [
                "KioskCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "KioskLedgerTests",
            dependencies: ["KioskLedger", "KioskCore", "KioskTestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),

        // MARK: issue 5 (central and sync) targets
        .target(
            name: "KioskSync",
            dependencies: [
                "KioskCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),  // issue 5: trust only the configured CA
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "KioskSyncTests", dependencies: ["KioskSync", "KioskCore"]),
        .testTarget(
            name: "KioskCentralTests",
            dependencies: [
                "KioskCentral", "KioskSync", "KioskCore", "KioskLedger", "KioskTestSupport",
                "KioskRegistry", "KioskIdentity", "KioskFingerprint", "KioskDevices",  // issue 8
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),  // issue 5: databases of the first layout
                .product(name: "PostgresNIO", package: "postgres-nio"),  // issue 5: tables of the first layout
            ]
        ),

        // MARK: issue 6 (printing) targets
        .systemLibrary(name: "CCUPS", path: "Sources/CCUPS"),
        .systemLibrary(name: "CCairo", path: "Sources/CCairo", pkgConfig: "cairo"),
        .systemLibrary(name: "CQREncode", path: "Sources/CQREncode", pkgConfig: "libqrencode"),
        .target(
            name: "KioskPrinting",
            dependencies: [
                "KioskCore", "KioskDevices", "CCUPS", "CCairo", "CQREncode",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "KioskPrintingTests",
            dependencies: ["KioskPrinting", "KioskCore", "KioskDevices", "KioskTestSupport", .product(name: "Logging", package: "swift-log")]
        ),

        // MARK: issue 7 (fingerprint) targets
        .systemLibrary(
            name: "CLibUSB",
            pkgConfig: "libusb-1.0",
            providers: [.apt(["libusb-1.0-0-dev"])]
        ),
        .target(name: "KioskUSB", dependencies: ["CLibUSB"]),
        .target(
            name: "KioskFingerprint",
            dependencies: ["KioskUSB", "KioskDevices", .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(name: "KioskUSBTests", dependencies: ["KioskUSB"]),
        .testTarget(
            name: "KioskFingerprintTests",
            dependencies: ["KioskFingerprint", "KioskUSB", "KioskDevices", "KioskTestSupport", .product(name: "Logging", package: "swift-log")]
        ),

        // MARK: issue 9 (payment) targets
        .target(
            name: "KioskPayment",
            dependencies: ["KioskCore", "KioskDevices"]
        ),
        .testTarget(name: "KioskPaymentTests", dependencies: ["KioskPayment", "KioskDevices", "KioskCore", "KioskTestSupport"]),

        // MARK: issue 8 (identity, synthetic registry, mobile ID) targets
        .target(
            name: "KioskRegistry",
            dependencies: ["KioskCore", "KioskDevices", "KioskFingerprint"]
        ),
        .testTarget(
            name: "KioskRegistryTests",
            dependencies: ["KioskRegistry", "KioskCore", "KioskDevices", "KioskFingerprint", "KioskPrinting", "KioskTestSupport"]
        ),
        .target(
            name: "KioskIdentity",
            dependencies: ["KioskCore", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .testTarget(name: "KioskIdentityTests", dependencies: ["KioskIdentity", "KioskCore", "KioskTestSupport"]),
        .executableTarget(
            name: "kiosk-wallet",
            dependencies: [
                "KioskIdentity", "KioskCore", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),  // present --post
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),

        // MARK: benchmarks
        .executableTarget(
            name: "kiosk-bench",
            dependencies: [
                "KioskCore", "KioskDevices", "KioskPayment", "KioskFingerprint", "KioskPrinting", "KioskLedger",
                "KioskTestSupport",  // issue 9: the ccTalk round-trip bench's pseudo-terminal
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + strictSettings
}
