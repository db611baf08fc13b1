internal import CQREncode

/// A QR code as a square of modules, made with libqrencode (error correction level M, 8-bit mode).
struct QRCodeMatrix {
    /// Modules per side.
    let size: Int
    /// Row-major; true is a dark module.
    let modules: [Bool]

    /// Encodes `payload` (UTF-8).
    init(_ payload: String) throws(DocumentRenderError) {
        guard let code = QRcode_encodeString(payload, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else {
            throw .library("libqrencode cannot encode a \(payload.utf8.count)-byte payload")
        }
        defer { QRcode_free(code) }
        let size = Int(code.pointee.width)
        let data = UnsafeBufferPointer(start: code.pointee.data, count: size * size)
        self.size = size
        modules = data.map { $0 & 1 == 1 }
    }

    /// Runs of dark modules per row as rectangles, for a code of side `side` at (`x`, `y`).
    func rectangles(x: Double, y: Double, side: Double) -> [(x: Double, y: Double, width: Double, height: Double)] {
        let module = side / Double(size)
        var result: [(x: Double, y: Double, width: Double, height: Double)] = []
        for row in 0..<size {
            var column = 0
            while column < size {
                guard modules[row * size + column] else { column += 1; continue }
                let start = column
                while column < size && modules[row * size + column] { column += 1 }
                result.append((x + Double(start) * module, y + Double(row) * module,
                               Double(column - start) * module, module))
            }
        }
        return result
    }
}
