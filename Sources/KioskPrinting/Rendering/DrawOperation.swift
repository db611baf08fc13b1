/// One thing to draw on a page, decided by the layout before the page count is known.
enum DrawOperation {
    case text(String, x: Double, y: Double, role: FontSet.Role, size: Double, color: RGB = .black)
    case line(x1: Double, y1: Double, x2: Double, y2: Double, width: Double)
    case box(x: Double, y: Double, width: Double, height: Double, fill: RGB?, stroke: RGB?, lineWidth: Double)

    /// A colour, components in 0…1.
    struct RGB {
        var red: Double
        var green: Double
        var blue: Double
        static let black = RGB(red: 0, green: 0, blue: 0)
        static let label = RGB(red: 0.2, green: 0.2, blue: 0.2)
        static let headerFill = RGB(red: 0.88, green: 0.88, blue: 0.88)
        static let labelFill = RGB(red: 0.94, green: 0.94, blue: 0.94)
        static let seal = RGB(red: 0.78, green: 0.1, blue: 0.1)
        var tuple: (Double, Double, Double) { (red, green, blue) }
    }
}
