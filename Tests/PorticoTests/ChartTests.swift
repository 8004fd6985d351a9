import Testing

@testable import PorticoSite

/// The charts the build draws: accessible, honest about missing numbers, escaped, the same
/// bytes for the same numbers.
@Suite struct ChartTests {
    static let quarters = [
        TrendPoint(label: "2026-Q1", volume: 3, qualified: 2, rate: 2.0 / 3),
        TrendPoint(label: "2026-Q2", volume: 0, qualified: 0, rate: nil),
        TrendPoint(label: "2026-Q3", volume: 4, qualified: 1, rate: 0.25),
        TrendPoint(label: "2026-Q4", volume: 2, qualified: 2, rate: 1),
    ]

    @Test func aTrendNamesItselfAndLeavesAGapWhereThereIsNoRate() {
        let svg = SVGChart.trend(id: "t", title: "Acme <& Co>", description: "Four quarters.", points: Self.quarters)
        #expect(
            svg.hasPrefix(
                "<svg class=\"chart chart-trend\" viewBox=\"0 0 320 220\" role=\"img\" aria-labelledby=\"t-title t-desc\""
            ))
        #expect(
            svg.contains("<title id=\"t-title\">Acme &lt;&amp; Co&gt;</title><desc id=\"t-desc\">Four quarters.</desc>")
        )
        // Q2 has no referrals (three dots and the legend's): the rate line stops before it and starts again after it, and no dot is drawn there.
        #expect(svg.components(separatedBy: "<polyline class=\"chart-line\"").count - 1 == 1)
        #expect(svg.components(separatedBy: "<circle class=\"chart-dot\"").count - 1 == 4)
        #expect(svg.hasSuffix("</svg>"))
        #expect(
            svg == SVGChart.trend(id: "t", title: "Acme <& Co>", description: "Four quarters.", points: Self.quarters))
    }

    @Test func aChartWithNothingToDrawSaysSo() {
        let empty = SVGChart.trend(
            id: "e", title: "Nothing", description: "None.",
            points: [TrendPoint(label: "2026-Q1", volume: 0, qualified: 0, rate: nil)])
        #expect(empty.contains(">No referrals yet</text>") && !empty.contains("<rect"))
        let plane = SVGChart.plane(
            id: "p", title: "Plane", description: "None.", points: [PlanePoint(label: "Quiet", volume: 0, rate: nil)],
            rateThreshold: 0.4, volumeThreshold: 4)
        #expect(plane.contains(">No referrals in this period</text>") && !plane.contains("Quiet"))
    }

    @Test func aFunnelGivesEachStageItsShareOfTheOneAbove() {
        let svg = SVGChart.funnel(
            id: "f", title: "Funnel", description: "Stages.",
            stages: [
                FunnelStage(label: "Referred", value: 52), FunnelStage(label: "Qualified", value: 0),
                FunnelStage(label: "Won", value: 0),
            ])
        #expect(svg.contains(">Referred: 52</text>"))
        #expect(svg.contains(">Qualified: 0 (0% of referred)</text>"))
        #expect(svg.contains(">Won: 0 (n/a of qualified)</text>"))
    }

    @Test func partnersOnThePlaneKeepTheirLabelsApart() {
        let points = ["Alpha & Sons", "Beta", "Gamma"].map { PlanePoint(label: $0, volume: 6, rate: 0.5) }
        let svg = SVGChart.plane(
            id: "p", title: "Plane", description: "Three at one spot.", points: points, rateThreshold: 0.4,
            volumeThreshold: 4)
        #expect(svg.contains(">Alpha &amp; Sons</text>"))
        let ys = svg.components(separatedBy: "<text class=\"chart-label\"").dropFirst().compactMap { element in
            element.split(separator: "\"").dropFirst(3).first.map(String.init)
        }
        #expect(ys.count == 3 && Set(ys).count == 3, "\(ys)")
    }
}
