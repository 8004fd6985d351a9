extension SVGChart {
    /// Partners by referrals (across) and the share that qualified (up), with dashed guides at
    /// the thresholds the diagnosis uses, so the busy but low-fit partner stands out at the
    /// bottom right. Labels are moved apart so none covers another; a partner without referrals
    /// has no rate and is left to the table.
    package static func plane(
        id: String, title: String, description: String, points: [PlanePoint], rateThreshold: Double,
        volumeThreshold: Int
    ) -> String {
        let (width, height) = (340, 280)
        var svg = SVGWriter(
            id: id, kind: "plane", width: width, height: height, title: title, description: description)
        let drawn = points.compactMap { point in point.rate.map { (point, $0) } }
        guard !drawn.isEmpty else {
            svg.empty("No referrals in this period", width: width, height: height)
            return svg.finished()
        }
        let (left, right, top, bottom) = (36.0, 330.0, 14.0, 238.0)
        let ticks = SVGWriter.ticks(upTo: max(drawn.map(\.0.volume).max() ?? 1, volumeThreshold * 2))
        let across = (right - left) / Double(ticks.last ?? 1)
        let x = { (volume: Int) in left + Double(volume) * across }
        let y = { (rate: Double) in bottom - rate * (bottom - top) }
        for tick in ticks {
            svg.line(x(tick), top, x(tick), bottom, class: "chart-grid", stroke: "#d5dbe3")
            svg.label(
                String(tick), x: x(tick), y: bottom + 16, anchor: .middle, size: 11, class: "chart-axis-label",
                fill: "#4a5567")
        }
        for rate in [0.0, 0.25, 0.5, 0.75, 1.0] {
            svg.line(
                left, y(rate), right, y(rate), class: rate == 0 ? "chart-axis" : "chart-grid",
                stroke: rate == 0 ? "#4a5567" : "#d5dbe3")
            svg.label(
                SVGWriter.percent(rate), x: left - 5, y: y(rate) + 4, anchor: .end, size: 11, class: "chart-axis-label",
                fill: "#4a5567")
        }
        svg.label(
            "Referrals", x: right, y: bottom + 34, anchor: .end, size: 11, class: "chart-axis-label", fill: "#4a5567")
        svg.line(x(volumeThreshold), top, x(volumeThreshold), bottom, class: "chart-guide", stroke: "#b86e00")
        svg.line(left, y(rateThreshold), right, y(rateThreshold), class: "chart-guide", stroke: "#b86e00")
        svg.label(
            "busy, low fit", x: right - 4, y: bottom - 6, anchor: .end, size: 11, class: "chart-caption",
            fill: "#7a3e00")
        svg.label(
            "well qualified", x: right - 4, y: top + 12, anchor: .end, size: 11, class: "chart-caption", fill: "#4a5567"
        )
        for (point, rate) in drawn {
            svg.circle(x(point.volume), y(rate), radius: 5, class: "chart-dot")
        }
        for placed in placeLabels(
            drawn.map { (point, rate) in (point.label, x(point.volume), y(rate)) }, top: top, bottom: bottom)
        {
            if abs(placed.labelY - placed.y) > 8 {
                svg.line(
                    placed.x + 5, placed.y, placed.x + 9, placed.labelY - 4, class: "chart-leader", stroke: "#4a5567")
            }
            let leftward = placed.x > right - 100
            svg.label(
                SVGWriter.shortened(placed.text, limit: 18), x: leftward ? placed.x - 9 : placed.x + 9,
                y: placed.labelY,
                anchor: leftward ? .end : .start, size: 11)
        }
        return svg.finished()
    }

    /// Each label beside its dot, moved down (or up at the bottom) in steps until it is clear of
    /// the labels placed before it: a plain greedy pass, the same every build.
    private static func placeLabels(
        _ points: [(String, Double, Double)], top: Double, bottom: Double
    ) -> [(text: String, x: Double, y: Double, labelY: Double)] {
        let lineHeight = 13.0
        var placed: [(text: String, x: Double, y: Double, labelY: Double)] = []
        let order = points.indices.sorted {
            (points[$0].2, points[$0].1, points[$0].0) < (points[$1].2, points[$1].1, points[$1].0)
        }
        for index in order {
            let (text, x, y) = points[index]
            let width = Double(min(text.count, 18)) * 6.5
            let clashes = { (candidate: Double) in
                placed.contains { other in
                    abs(other.labelY - candidate) < lineHeight
                        && abs(other.x - x) < max(width, Double(min(other.text.count, 18)) * 6.5) + 12
                }
            }
            var labelY = y + 4
            var step = 0
            while clashes(labelY), step < 40 {
                step += 1
                labelY = y + 4 + Double(step) * lineHeight * (y + 4 + Double(step) * lineHeight > bottom ? -1 : 1)
                if labelY > bottom { labelY = y + 4 - Double(step) * lineHeight }
            }
            placed.append((text, x, y, min(max(labelY, top + 10), bottom)))
        }
        return placed
    }
}
