import Foundation
import KioskTestSupport
import Testing

/// The control socket lets in root and members of the configured group only. These tests create
/// throwaway users and a group, so they need root (CI runs as root).
@Suite(.enabled(if: getuid() == 0, "needs root to create throwaway users"))
struct PeerCredentialTests {
    static let group = "kiosktest-tech"
    static let member = "kiosktest-member"
    static let visitor = "kiosktest-visitor"

    static func ensureAccounts() async throws {
        _ = try await runProcess("/usr/sbin/groupadd", ["-f", group])
        for (user, extra) in [(member, ["-G", group]), (visitor, [])] {
            let result = try await runProcess("/usr/sbin/useradd", ["-M", "-N", "-s", "/usr/sbin/nologin"] + extra + [user])
            #expect(result.status == 0 || result.status == 9, "useradd \(user): \(result.stderr)")
        }
    }

    /// Runs kioskctl as `user` with that user's groups.
    static func ctl(as user: String, socket: String) async throws -> (status: Int32, stdout: String, stderr: String) {
        try await runProcess(
            "/usr/bin/setpriv",
            ["--reuid=\(user)", "--regid=users", "--init-groups", "--", BuiltProducts.path("kioskctl"), "status", "--socket", socket])
    }

    @Test func memberIsServedVisitorIsRefusedAndLogged() async throws {
        try await Self.ensureAccounts()
        let kiosk = try await RunningKiosk(group: Self.group)
        chmod(kiosk.folder.path, 0o755)
        let socket = kiosk.folder.path + "/control.sock"

        let member = try await Self.ctl(as: Self.member, socket: socket)
        #expect(member.status == 0, "member refused: \(member.stderr)")
        #expect(member.stdout.contains("TEST-0001"))

        // The socket file itself (0660, group kiosktest-tech) keeps the visitor out.
        let blocked = try await Self.ctl(as: Self.visitor, socket: socket)
        #expect(blocked.status == 77)
        #expect(blocked.stderr.contains("permission denied"))

        // With the file opened up by mistake, kioskd's own credential check still refuses and logs it.
        chmod(socket, 0o666)
        let refused = try await Self.ctl(as: Self.visitor, socket: socket)
        #expect(refused.status == 77)
        #expect(refused.stderr.contains("is neither root nor a member of group \(Self.group)"), "\(refused.stderr)")
        #expect(await kiosk.stop() == 0)
        #expect(kiosk.process.stderr.contains("control request refused"))
        #expect(kiosk.process.stderr.contains("(\(Self.visitor))"))
    }
}
