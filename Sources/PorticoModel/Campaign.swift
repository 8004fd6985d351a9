import PorticoSupport

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

    package init(
        id: String, name: String, starts: Day, ends: Day, summary: String, kinds: Set<PartnerKind>, tiers: [Reference],
        link: CampaignLink? = nil, coMarketing: Bool, visibility: AssetVisibility? = nil, source: SourceLocation,
        endsLocation: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.starts = starts
        self.ends = ends
        self.summary = summary
        self.kinds = kinds
        self.tiers = tiers
        self.link = link
        self.coMarketing = coMarketing
        self.visibility = visibility
        self.source = source
        self.endsLocation = endsLocation
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

    package init(
        id: String, title: String, partner: Reference, customer: String, date: Day, outcome: String,
        visibility: AssetVisibility, body: MarkdownSource, sourcePath: String, source: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.partner = partner
        self.customer = customer
        self.date = date
        self.outcome = outcome
        self.visibility = visibility
        self.body = body
        self.sourcePath = sourcePath
        self.source = source
    }
}
