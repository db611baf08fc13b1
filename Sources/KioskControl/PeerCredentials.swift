import Foundation

/// Who is on the other end of a control connection (from SO_PEERCRED), and the groups that process is in.
public struct PeerCredentials: Sendable, Equatable, CustomStringConvertible {
    /// Process id.
    public var pid: Int32
    /// User id.
    public var uid: UInt32
    /// Primary group id.
    public var gid: UInt32
    /// Supplementary group ids of the process (from /proc), including the primary one.
    public var groups: Set<UInt32>

    /// Credentials.
    public init(pid: Int32, uid: UInt32, gid: UInt32, groups: Set<UInt32>) {
        self.pid = pid
        self.uid = uid
        self.gid = gid
        self.groups = groups
    }

    /// Whether this peer may use the control socket: root, the daemon's own user (`serverUID`), or a
    /// member of `group`.
    public func isAuthorized(group: UInt32?, serverUID: UInt32) -> Bool {
        uid == 0 || uid == serverUID || (group.map { groups.contains($0) || gid == $0 } ?? false)
    }

    /// `uid 1001 (name) pid 4242`.
    public var description: String {
        let name = getpwuid(uid).map { String(cString: $0.pointee.pw_name) } ?? "?"
        return "uid \(uid) (\(name)) pid \(pid)"
    }

    /// The supplementary groups of process `pid` as /proc reports them (empty if it is gone).
    static func groups(ofProcess pid: Int32) -> Set<UInt32> {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return [] }
        for line in status.split(separator: "\n") where line.hasPrefix("Groups:") {
            return Set(line.dropFirst("Groups:".count).split(separator: " ").compactMap { UInt32($0) })
        }
        return []
    }

    /// The id of the group named `name`, or nil if there is none.
    public static func groupID(named name: String) -> UInt32? {
        getgrnam(name).map { $0.pointee.gr_gid }
    }
}
