import Foundation
import KioskTestSupport
import Testing

/// `systemd-analyze verify` must print nothing about our units (it exits 0 on unknown keys while
/// printing warnings, so any output is a failure).
@Suite struct SystemdUnitTests {
    @Test(arguments: ["kioskd", "kiosk-central"])
    func unitVerifiesWithoutAWord(unit: String) async throws {
        let folder = try TemporaryDirectory()
        let source = try String(contentsOfFile: BuiltProducts.packageRoot + "/systemd/\(unit).service", encoding: .utf8)
        // ExecStart must name an existing file for verify: point it at the built binary.
        let text = source.replacingOccurrences(of: "/usr/local/bin/\(unit)", with: BuiltProducts.path(unit))
        let path = try folder.write("\(unit).service", text)
        let result = try await runProcess("/usr/bin/systemd-analyze", ["verify", "--man=no", path])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty && result.stderr.isEmpty, "systemd-analyze said:\n\(result.stdout)\(result.stderr)")
    }

    @Test func unitsCarryTheHardeningTheyPromise() throws {
        let text = try String(contentsOfFile: BuiltProducts.packageRoot + "/systemd/kioskd.service", encoding: .utf8)
        for line in [
            "Type=notify", "WatchdogSec=30s", "Restart=on-failure", "User=kioskd", "StateDirectory=kioskd",
            "ConfigurationDirectory=kiosk", "NoNewPrivileges=yes", "ProtectSystem=strict", "ProtectHome=yes", "PrivateTmp=yes",
            "ProtectKernelTunables=yes", "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6 AF_NETLINK",
            "DeviceAllow=char-usb_device rw", "SystemCallFilter=@system-service",
        ] {
            #expect(text.split(separator: "\n").contains(Substring(line)), "kioskd.service lacks \(line)")
        }
    }

    @Test func udevRuleCoversTheNB1010() throws {
        let text = try String(contentsOfFile: BuiltProducts.packageRoot + "/etc/udev/70-kioskd-fingerprint.rules", encoding: .utf8)
        #expect(text.contains("ATTRS{idVendor}==\"298d\", ATTRS{idProduct}==\"1010\""))
    }
}
