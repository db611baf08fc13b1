import Hummingbird
import NIOCore

/// The request context of the UI listener: it keeps the client's address so the session API can
/// refuse anyone but loopback clients (the touchscreen runs on the kiosk itself).
struct KioskRequestContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
