import Foundation
import Hummingbird
import HTTPTypes
import NIOCore

/// Serves the touchscreen's files (plain HTML, CSS, JavaScript; no build step) from `[ui] root`:
/// `/` is `index.html`, `/ui/PATH` is `root/PATH`. Only plain names are served: no `..`, no hidden
/// files, nothing outside the root; a missing root answers 503 naming the folder.
enum UIStaticFiles {
    static let contentTypes: [String: String] = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "json": "application/json", "svg": "image/svg+xml", "png": "image/png", "wav": "audio/wav", "txt": "text/plain; charset=utf-8",
    ]

    /// Adds `GET /` and `GET /ui/**` to `router`; `root` is read per request (a reload may change it).
    static func register(on router: Router<KioskRequestContext>, root: @escaping @Sendable () async -> String) {
        router.get("/") { _, _ -> Response in
            serve(root: await root(), path: "index.html")
        }
        router.get("/ui/**") { _, context -> Response in
            serve(root: await root(), path: context.parameters.getCatchAll().joined(separator: "/"))
        }
    }

    /// Whether `path` is one this listener serves: `/`-separated names of ASCII letters, digits, `-`,
    /// `_` and `.`, none empty and none starting with a dot (so no `..`, no hidden file).
    static func isPlainPath(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy { part in
            !part.isEmpty && !part.hasPrefix(".") && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
        }
    }

    /// The answer for `path` under `root`.
    static func serve(root: String, path: String) -> Response {
        guard isPlainPath(path) else {
            return SessionAPI.json(SessionAPI.Problem(error: "ui: \"\(path)\" is not a file name this listener serves"), status: .notFound)
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue else {
            return SessionAPI.json(SessionAPI.Problem(error: "ui: the touchscreen's folder \(root) does not exist (set [ui] root)"), status: .serviceUnavailable)
        }
        let parts = path.split(separator: "/")
        let file = root + "/" + path
        guard let data = FileManager.default.contents(atPath: file) else {
            return SessionAPI.json(SessionAPI.Problem(error: "ui: no file \(path)"), status: .notFound)
        }
        let ext = String(parts.last!.split(separator: ".").last ?? "")
        return Response(
            status: .ok,
            headers: [.contentType: contentTypes[ext] ?? "application/octet-stream", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
