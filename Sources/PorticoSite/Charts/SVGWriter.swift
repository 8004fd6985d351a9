import PorticoSupport

/// Builds an SVG chart as text. Charts are drawn by the build, not in the browser: they are in
/// the page (and in its print) without a script, and the same numbers give the same bytes.
struct SVGWriter {
    private(set) var text = ""

    /// The root element with its accessible name and description, which a screen reader reads
    /// in place of the drawing; the page puts the numbers in a table beside it.
    init(id: String, kind: String, width: Int, height: Int, title: String, description: String) {
        text =
            "<svg class=\"chart chart-\(kind)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" "
            + "aria-labelledby=\"\(id)-title \(id)-desc\" preserveAspectRatio=\"xMidYMid meet\">"
            + "<title id=\"\(id)-title\">\(XMLText.escape(title))</title>"
            + "<desc id=\"\(id)-desc\">\(XMLText.escape(description))</desc>"
    }

    mutating func add(_ element: String) { text += element }

    mutating func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double, class name: String, fill: String) {
        text +=
            "<rect class=\"\(name)\" x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(width))\" "
            + "height=\"\(Self.number(height))\" fill=\"\(fill)\" stroke=\"#08417a\" stroke-width=\"1\"/>"
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, class name: String, stroke: String) {
        let dash = name == "chart-guide" ? " stroke-dasharray=\"4 3\"" : ""
        text +=
            "<line class=\"\(name)\" x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" "
            + "y2=\"\(Self.number(y2))\" stroke=\"\(stroke)\" stroke-width=\"1\"\(dash)/>"
    }

    mutating func circle(_ x: Double, _ y: Double, radius: Double, class name: String) {
        text +=
            "<circle class=\"\(name)\" cx=\"\(Self.number(x))\" cy=\"\(Self.number(y))\" r=\"\(Self.number(radius))\" "
            + "fill=\"#0b5cad\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>"
    }

    enum Anchor: String {
        case start, middle, end
    }

    mutating func label(
        _ value: String, x: Double, y: Double, anchor: Anchor = .start, size: Int = 12,
        class name: String = "chart-label",
        fill: String = "#1b2430", bold: Bool = false
    ) {
        text +=
            "<text class=\"\(name)\" x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" text-anchor=\"\(anchor.rawValue)\" "
            + "font-size=\"\(size)\" fill=\"\(fill)\"\(bold ? " font-weight=\"700\"" : "")>\(XMLText.escape(value))</text>"
    }

    /// The message a chart shows in place of a drawing when there is nothing to draw.
    mutating func empty(_ message: String, width: Int, height: Int) {
        label(
            message, x: Double(width) / 2, y: Double(height) / 2, anchor: .middle, size: 14, class: "chart-caption",
            fill: "#4a5567")
    }

    func finished() -> String { text + "</svg>" }

    /// A coordinate to one decimal, without a locale and without a trailing `.0`.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let whole = abs(tenths) / 10
        let fraction = abs(tenths) % 10
        return sign + String(whole) + (fraction == 0 ? "" : "." + String(fraction))
    }

    static func percent(_ rate: Double) -> String { "\(Int((rate * 100).rounded()))%" }

    /// A label cut to `limit` characters with an ellipsis; the table beside the chart has it whole.
    static func shortened(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        var cut = String(text.prefix(limit - 1))
        while cut.hasSuffix(" ") { cut.removeLast() }
        return cut + "…"
    }

    /// Integer axis ticks from 0 to at least `maximum`: 0, 1, 2… or steps of 2, 5, 10, 20, 50…
    static func ticks(upTo maximum: Int) -> [Int] {
        let top = max(maximum, 1)
        var step = 1
        let steps = [1, 2, 5]
        var scale = 1
        search: while true {
            for base in steps where top / (base * scale) <= 4 {
                step = base * scale
                break search
            }
            scale *= 10
        }
        let last = (top + step - 1) / step * step
        return Array(stride(from: 0, through: last, by: step))
    }
}
