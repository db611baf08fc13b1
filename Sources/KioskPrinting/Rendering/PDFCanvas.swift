internal import CCairo

/// A cairo PDF surface writing into memory, with the few drawing operations the layout needs.
/// Coordinates are PDF points from the top-left corner; text `y` is the baseline.
final class PDFCanvas {
    /// Collects the bytes cairo writes.
    private final class Sink {
        var bytes: [UInt8] = []
    }

    static let pageWidth = 595.2756   // A4, 210 mm
    static let pageHeight = 841.8898  // A4, 297 mm

    private let sink = Sink()
    private let surface: OpaquePointer
    private let cr: OpaquePointer

    /// A new PDF whose creation date and title are fixed metadata.
    init(title: String, creationDate: String) throws(DocumentRenderError) {
        let write: cairo_write_func_t = { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            let sink = Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }
        let surface = cairo_pdf_surface_create_for_stream(
            write, Unmanaged.passUnretained(sink).toOpaque(), Self.pageWidth, Self.pageHeight)!
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw .library("cannot create a PDF surface")
        }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "kioskd")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, creationDate)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, creationDate)
        self.surface = surface
        cr = cairo_create(surface)!
    }

    deinit {
        cairo_destroy(cr)
        cairo_surface_destroy(surface)
    }

    /// Selects a face and size for the following text calls.
    func setFont(_ face: OpaquePointer, size: Double) {
        cairo_set_font_face(cr, face)
        cairo_set_font_size(cr, size)
    }

    /// The advance width of `text` in the current font.
    func width(_ text: String) -> Double {
        var extents = cairo_text_extents_t()
        cairo_text_extents(cr, text, &extents)
        return extents.x_advance
    }

    /// The characters of `text` the current font has no glyph for.
    func missingGlyphs(_ text: String) -> [Unicode.Scalar] {
        guard let font = cairo_get_scaled_font(cr) else { return [] }
        var missing: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars where !scalar.properties.isWhitespace {
            var glyphs: UnsafeMutablePointer<cairo_glyph_t>?
            var count: Int32 = 0
            let utf8 = String(scalar)
            let status = cairo_scaled_font_text_to_glyphs(font, 0, 0, utf8, -1, &glyphs, &count, nil, nil, nil)
            if status != CAIRO_STATUS_SUCCESS || count == 0 || glyphs?[0].index == 0 { missing.append(scalar) }
            cairo_glyph_free(glyphs)
        }
        return missing
    }

    /// Draws `text` with its baseline at `y`.
    func text(_ text: String, x: Double, y: Double, color: (Double, Double, Double) = (0, 0, 0)) {
        cairo_set_source_rgb(cr, color.0, color.1, color.2)
        cairo_move_to(cr, x, y)
        cairo_show_text(cr, text)
    }

    /// Strokes a line.
    func line(from start: (Double, Double), to end: (Double, Double), width: Double = 0.6) {
        cairo_set_source_rgb(cr, 0, 0, 0)
        cairo_set_line_width(cr, width)
        cairo_move_to(cr, start.0, start.1)
        cairo_line_to(cr, end.0, end.1)
        cairo_stroke(cr)
    }

    /// Strokes and/or fills a rectangle; colours are RGB in 0…1.
    func rectangle(x: Double, y: Double, width: Double, height: Double,
                   fill: (Double, Double, Double)? = nil, stroke: (Double, Double, Double)? = (0, 0, 0),
                   lineWidth: Double = 0.6) {
        cairo_rectangle(cr, x, y, width, height)
        if let fill {
            cairo_set_source_rgb(cr, fill.0, fill.1, fill.2)
            if stroke != nil { cairo_fill_preserve(cr) } else { cairo_fill(cr) }
        }
        if let stroke {
            cairo_set_source_rgb(cr, stroke.0, stroke.1, stroke.2)
            cairo_set_line_width(cr, lineWidth)
            cairo_stroke(cr)
        }
    }

    /// Fills many black rectangles in one path (QR modules).
    func fillRectangles(_ rectangles: [(x: Double, y: Double, width: Double, height: Double)]) {
        cairo_set_source_rgb(cr, 0, 0, 0)
        for rectangle in rectangles {
            cairo_rectangle(cr, rectangle.x, rectangle.y, rectangle.width, rectangle.height)
        }
        cairo_fill(cr)
    }

    /// Ends the current page and starts the next.
    func showPage() { cairo_show_page(cr) }

    /// Finishes the PDF and returns its bytes.
    func finish() throws(DocumentRenderError) -> [UInt8] {
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw .library(String(cString: cairo_status_to_string(status)))
        }
        return sink.bytes
    }
}
