extension SVGChart {
    /// Quarters oldest first: a bar of referrals per quarter with its qualified part filled
    /// dark, and the qualification rate as a line with dots on a 0–100 % axis at the right. A
    /// quarter without referrals has no rate and leaves a gap in the line, never a 0.
    package static func trend(id: String, title: String, description: String, points: [TrendPoint]) -> String {
        let (width, height) = (320, 220)
        var svg = SVGWriter(
            id: id, kind: "trend", width: width, height: height, title: title, description: description)
        guard points.contains(where: { $0.volume > 0 }) else {
            svg.empty("No referrals yet", width: width, height: height)
            return svg.finished()
        }
        let (left, right, top, bottom) = (28.0, 284.0, 36.0, 190.0)
        legend(&svg)
        let ticks = SVGWriter.ticks(upTo: points.map(\.volume).max() ?? 1)
        let scale = (bottom - top) / Double(ticks.last ?? 1)
        for tick in ticks {
            let y = bottom - Double(tick) * scale
            svg.line(
                left, y, right, y, class: tick == 0 ? "chart-axis" : "chart-grid",
                stroke: tick == 0 ? "#4a5567" : "#d5dbe3")
            svg.label(
                String(tick), x: left - 5, y: y + 4, anchor: .end, size: 11, class: "chart-axis-label", fill: "#4a5567")
        }
        for rate in [0.0, 0.5, 1.0] {
            svg.label(
                SVGWriter.percent(rate), x: right + 5, y: bottom - rate * (bottom - top) + 4, size: 11,
                class: "chart-axis-label", fill: "#4a5567")
        }
        let slot = (right - left) / Double(points.count)
        let barWidth = min(slot * 0.55, 44)
        var segments: [[(Double, Double)]] = [[]]
        for (index, point) in points.enumerated() {
            let center = left + slot * (Double(index) + 0.5)
            if point.volume > 0 {
                let volumeHeight = Double(point.volume) * scale
                svg.rect(
                    center - barWidth / 2, bottom - volumeHeight, barWidth, volumeHeight, class: "chart-bar",
                    fill: "#c9dcf0")
                if point.qualified > 0 {
                    let qualifiedHeight = Double(point.qualified) * scale
                    svg.rect(
                        center - barWidth / 2, bottom - qualifiedHeight, barWidth, qualifiedHeight,
                        class: "chart-bar-qualified", fill: "#0b5cad")
                }
            }
            if points.count <= 6 || index % 2 == 0 {
                svg.label(point.label, x: center, y: bottom + 18, anchor: .middle, size: 11, fill: "#4a5567")
            }
            if let rate = point.rate {
                segments[segments.count - 1].append((center, bottom - rate * (bottom - top)))
            } else if !(segments.last ?? []).isEmpty {
                segments.append([])
            }
        }
        for segment in segments where segment.count > 1 {
            let coordinates = segment.map { "\(SVGWriter.number($0.0)),\(SVGWriter.number($0.1))" }
            svg.add(
                "<polyline class=\"chart-line\" points=\"\(coordinates.joined(separator: " "))\" fill=\"none\" "
                    + "stroke=\"#1b2430\" stroke-width=\"2\"/>")
        }
        for (x, y) in segments.joined() {
            svg.add(
                "<circle class=\"chart-dot\" cx=\"\(SVGWriter.number(x))\" cy=\"\(SVGWriter.number(y))\" r=\"4\" "
                    + "fill=\"#ffffff\" stroke=\"#1b2430\" stroke-width=\"2\"/>")
        }
        return svg.finished()
    }

    /// What the shapes mean, since colour alone must not say it.
    private static func legend(_ svg: inout SVGWriter) {
        svg.rect(4, 8, 12, 12, class: "chart-bar", fill: "#c9dcf0")
        svg.label("Referred", x: 20, y: 18, size: 11)
        svg.rect(78, 8, 12, 12, class: "chart-bar-qualified", fill: "#0b5cad")
        svg.label("Qualified", x: 94, y: 18, size: 11)
        svg.line(156, 14, 176, 14, class: "chart-line", stroke: "#1b2430")
        svg.add(
            "<circle class=\"chart-dot\" cx=\"166\" cy=\"14\" r=\"3.5\" fill=\"#ffffff\" stroke=\"#1b2430\" "
                + "stroke-width=\"2\"/>")
        svg.label("Qualified share (right)", x: 182, y: 18, size: 11)
    }
}
