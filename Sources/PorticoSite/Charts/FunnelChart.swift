/// Charts the build draws as inline SVG (docs/pipeline.md, "Charts"). Each has a title and a
/// description for screen readers, and the page shows its numbers in a table beside it.
package enum SVGChart {
    /// One bar per stage, top to bottom, each as long as its count against the first stage's,
    /// with its count and its share of the stage above written over it ("n/a" when that stage
    /// is empty).
    package static func funnel(id: String, title: String, description: String, stages: [FunnelStage]) -> String {
        let rowHeight = 46.0
        let (width, height) = (320, Int(rowHeight * Double(max(stages.count, 1))) + 8)
        var svg = SVGWriter(
            id: id, kind: "funnel", width: width, height: height, title: title, description: description)
        guard let first = stages.first, stages.contains(where: { $0.value > 0 }) else {
            svg.empty("No referrals yet", width: width, height: height)
            return svg.finished()
        }
        let full = Double(width) - 12
        let largest = Double(max(stages.map(\.value).max() ?? 1, 1))
        var above: FunnelStage?
        for (index, stage) in stages.enumerated() {
            let y = rowHeight * Double(index)
            var caption = "\(stage.label): \(stage.value)"
            if let above {
                let share = above.value == 0 ? "n/a" : SVGWriter.percent(Double(stage.value) / Double(above.value))
                caption += " (\(share) of \(above.label.lowercased()))"
            }
            svg.label(caption, x: 6, y: y + 16, size: 13, bold: index == 0 || index == stages.count - 1)
            svg.rect(6, y + 22, full, 16, class: "chart-track", fill: "#eef2f7")
            if stage.value > 0 {
                svg.rect(
                    6, y + 22, max(full * Double(stage.value) / largest, 2), 16,
                    class: stage.label == first.label ? "chart-bar" : "chart-bar-qualified",
                    fill: stage.label == first.label ? "#c9dcf0" : "#0b5cad")
            }
            above = stage
        }
        return svg.finished()
    }
}
