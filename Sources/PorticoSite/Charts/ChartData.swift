/// One quarter of a trend chart.
package struct TrendPoint: Sendable, Equatable {
    package var label: String
    package var volume: Int
    package var qualified: Int
    /// Qualified over volume; nil with no volume, drawn as a gap rather than as 0.
    package var rate: Double?

    package init(label: String, volume: Int, qualified: Int, rate: Double?) {
        self.label = label
        self.volume = volume
        self.qualified = qualified
        self.rate = rate
    }
}

/// One stage of a funnel.
package struct FunnelStage: Sendable, Equatable {
    package var label: String
    package var value: Int

    package init(label: String, value: Int) {
        self.label = label
        self.value = value
    }
}

/// One partner on the volume against qualification-rate plane.
package struct PlanePoint: Sendable, Equatable {
    package var label: String
    package var volume: Int
    package var rate: Double?

    package init(label: String, volume: Int, rate: Double?) {
        self.label = label
        self.volume = volume
        self.rate = rate
    }
}
