import Foundation
public import Logging
import NIOCore
import NIOPosix

/// Answers one control request from an authorised peer: returns the JSON-encoded `ControlResponse`.
public protocol ControlHandler: Sendable {
    /// Carries out `request`; never throws — failures are encoded as `ControlResponse.failure`.
    func handle(_ request: ControlRequest, from peer: PeerCredentials) async -> [UInt8]
}

/// The kioskd side of the control socket: listens on a Unix socket (mode 0660, group from config),
/// checks each peer's credentials (root, kioskd's own user, or a member of the group), refuses anyone else with a clear
/// answer and logs the attempt, and hands authorised requests to a `ControlHandler`.
public struct ControlServer: Sendable {
    private let path: String
    private let groupName: String
    private let handler: any ControlHandler
    private let logger: Logger

    /// A server for `path`; `groupName` may use it besides root.
    public init(path: String, groupName: String, handler: any ControlHandler, logger: Logger) {
        self.path = path
        self.groupName = groupName
        self.handler = handler
        self.logger = logger
    }

    /// Binds, then serves until the task is cancelled; `onListening` runs once the socket accepts connections.
    public func run(onListening: @Sendable () async -> Void = {}) async throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 16)
            .bind(unixDomainSocketPath: path, cleanupExistingSocketFile: true) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(ControlFrameDecoder()))
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let group = PeerCredentials.groupID(named: groupName)
        chmod(path, 0o660)
        if let group {
            if chown(path, UInt32.max, group) != 0 {
                logger.warning("cannot give the control socket to group \(groupName): \(String(cString: strerror(errno)))")
            }
        } else {
            logger.warning("group \(groupName) does not exist: only root and kioskd's own user may use the control socket")
        }
        await onListening()
        try await withTaskCancellationHandler {
            try await withThrowingDiscardingTaskGroup { tasks in
                try await server.executeThenClose { connections in
                    for try await connection in connections {
                        tasks.addTask { await serve(connection, group: group) }
                    }
                }
            }
        } onCancel: {
            server.channel.close(promise: nil)
        }
    }

    private func serve(_ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>, group: UInt32?) async {
        let peer = await credentials(of: connection.channel)
        do {
            try await connection.executeThenClose { inbound, outbound in
                for try await frame in inbound {
                    let reply: [UInt8]
                    guard let peer else {
                        reply = Self.encode(ControlError.failed("cannot read the peer's credentials"))
                        try await outbound.write(ByteBuffer(bytes: ControlFrame.encode(reply)))
                        return
                    }
                    let request = try? JSONDecoder().decode(ControlRequest.self, from: Data(frame.readableBytesView))
                    if !peer.isAuthorized(group: group, serverUID: geteuid()) {
                        logger.warning(
                            "control request refused",
                            metadata: ["kiosk.peer": "\(peer)", "kiosk.command": "\(request?.command ?? "?")"])
                        reply = Self.encode(.permissionDenied(
                            "permission denied: \(peer) is neither root nor a member of group \(groupName)"))
                    } else if let request {
                        logger.info("control request", metadata: ["kiosk.peer": "\(peer)", "kiosk.command": "\(request.command)"])
                        reply = await handler.handle(request, from: peer)
                    } else {
                        reply = Self.encode(.badArgument("the request is not a valid JSON control request"))
                    }
                    try await outbound.write(ByteBuffer(bytes: ControlFrame.encode(reply)))
                }
            }
        } catch {
            logger.debug("control connection ended: \(error)")
        }
    }

    private func credentials(of channel: any Channel) async -> PeerCredentials? {
        guard let provider = channel as? any SocketOptionProvider else { return nil }
        let future: EventLoopFuture<LinuxPeerCredentials> = provider.unsafeGetSocketOption(
            level: SocketOptionLevel(SOL_SOCKET), name: SocketOptionName(SO_PEERCRED))
        guard let cred = try? await future.get() else { return nil }
        var groups = PeerCredentials.groups(ofProcess: cred.pid)
        groups.insert(cred.gid)
        return PeerCredentials(pid: cred.pid, uid: cred.uid, gid: cred.gid, groups: groups)
    }

    static func encode(_ error: ControlError) -> [UInt8] {
        (try? Array(JSONEncoder().encode(ControlResponse<ControlAcknowledgement>.failure(error)))) ?? []
    }
}

/// Splits the inbound byte stream into control frames.
struct ControlFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = ByteBuffer

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let header = buffer.getBytes(at: buffer.readerIndex, length: 4) else { return .needMoreData }
        let length = ControlFrame.length(ofHeader: header)
        guard length <= ControlFrame.maximumLength else { throw ControlError.badArgument("frame of \(length) bytes is too large") }
        guard buffer.readableBytes >= 4 + length else { return .needMoreData }
        buffer.moveReaderIndex(forwardBy: 4)
        context.fireChannelRead(wrapInboundOut(buffer.readSlice(length: length)!))
        return .continue
    }
}

/// The layout of Linux's `struct ucred` (glibc hides it behind _GNU_SOURCE): pid_t, uid_t, gid_t.
struct LinuxPeerCredentials: Sendable {
    var pid: Int32 = 0
    var uid: UInt32 = 0
    var gid: UInt32 = 0
}
