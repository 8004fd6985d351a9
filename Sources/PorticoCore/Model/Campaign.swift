/// One entry of `content/campaigns.yml`: something partners can join or should know is coming.
public struct Campaign: Sendable {
    public var id: String
    public var name: String
    public var starts: Day
    /// The last day, inclusive.
    public var ends: Day
    public var summary: String
    /// Partner kinds it is for; empty means every kind.
    public var kinds: Set<PartnerKind>
    /// Tiers it is for; empty means every tier.
    public var tiers: [Reference]
    public var link: CampaignLink?
    public var coMarketing: Bool
    /// Written in the file; the program's default applies otherwise.
    public var visibility: AssetVisibility?
    public var source: SourceLocation
    public var endsLocation: SourceLocation

    public func readers(default fallback: AssetVisibility) -> Visibility {
        (visibility ?? fallback).visibility
    }

    /// Whether the campaign is meant for `partner`: its kind and its tier both match.
    public func isFor(_ partner: Partner) -> Bool {
        (kinds.isEmpty || kinds.contains(partner.kind))
            && (tiers.isEmpty || tiers.contains { $0.id == partner.tier.id })
    }

    /// Running on `day` or starting within `days` after it.
    public func isUpcoming(from day: Day, within days: Int) -> Bool {
        !(ends < day) && starts < day.adding(days: days)
    }
}

public enum CampaignLink: Sendable {
    case url(String)
    case asset(Reference)
}

/// `content/stories/<id>.md`: a joint win with a partner.
public struct Story: Sendable {
    public var id: String
    public var title: String
    public var partner: Reference
    public var customer: String
    public var date: Day
    public var outcome: String
    public var visibility: AssetVisibility
    public var body: MarkdownSource
    public var sourcePath: String
    public var source: SourceLocation

    public var sourceFolder: String { "stories" }
}
