import Foundation

/// A QR code as a standalone SVG image for screens (the mobile-ID request a wallet scans): dark modules
/// as paths on a white square with the four-module quiet zone the standard asks for.
public enum QRCodeSVG {
    /// The SVG text encoding `payload` (UTF-8, error correction M), `pixels` wide, with an accessible title.
    /// - Throws: `DocumentRenderError.library` when libqrencode cannot encode the payload.
    public static func svg(for payload: String, pixels: Int = 320, title: String = "QR code") throws(DocumentRenderError) -> String {
        let matrix = try QRCodeMatrix(payload)
        let quiet = 4
        let side = matrix.size + 2 * quiet
        var path = ""
        for rect in matrix.rectangles(x: Double(quiet), y: Double(quiet), side: Double(matrix.size)) {
            path += "M\(Int(rect.x)) \(Int(rect.y))h\(Int(rect.width))v1h-\(Int(rect.width))z"
        }
        let escapedTitle = title.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(side) \(side)" width="\(pixels)" height="\(pixels)" \
            role="img" aria-label="\(escapedTitle.replacingOccurrences(of: "\"", with: "&quot;"))" shape-rendering="crispEdges">\
            <title>\(escapedTitle)</title><rect width="\(side)" height="\(side)" fill="#fff"/><path fill="#000" d="\(path)"/></svg>
            """
    }
}
