import PorticoSupport

/// `content/program.yml`: the program as a whole.
public struct Program: Sendable {
    public var name: String
    public var company: String
    /// Absolute site URL, always ending in `/`; only for absolute URLs (sitemap, canonical links).
    public var baseURL: String?
    /// Where `base_url` is written, for what the build says about it.
    public var baseURLLocation: SourceLocation?
    public var positioning: MarkdownSource
    public var boundaries: Boundaries
    /// Highest tier first.
    public var tiers: [Tier]
    public var team: [TeamMember]
    /// Default days between content reviews.
    public var reviewEvery: Int
    public var referral: ReferralProgram
    /// Who may read an asset that does not say (`default_visibility`; `partners` unless set).
    public var defaultVisibility: AssetVisibility
    /// How to read the CRM's exports in `pipeline/` (`pipeline:`); empty when the program has none.
    public var pipeline: [PipelineExport] = []
    /// `brand`: colour and logo; nil uses the theme's own.
    public var brand: Brand?
    public var source: SourceLocation

    public func tier(_ id: String) -> Tier? { tiers.first { $0.id == id } }

    package init(
        name: String, company: String, baseURL: String? = nil, positioning: MarkdownSource, boundaries: Boundaries,
        tiers: [Tier], team: [TeamMember], reviewEvery: Int, referral: ReferralProgram,
        defaultVisibility: AssetVisibility, source: SourceLocation
    ) {
        self.name = name
        self.company = company
        self.baseURL = baseURL
        self.positioning = positioning
        self.boundaries = boundaries
        self.tiers = tiers
        self.team = team
        self.reviewEvery = reviewEvery
        self.referral = referral
        self.defaultVisibility = defaultVisibility
        self.source = source
    }
}

public struct Boundaries: Sendable {
    public var weSolve: [String]
    public var partnerSolves: [String]
    public var journey: String

    package init(weSolve: [String], partnerSolves: [String], journey: String) {

        self.weSolve = weSolve

        self.partnerSolves = partnerSolves

        self.journey = journey

    }

}

public struct Tier: Sendable {
    public var id: String
    public var name: String
    public var criteria: String
    public var benefits: [String]
    /// What a partner does over the last four quarters to earn the tier (`earn:`), if the numbers decide.
    public var earn: EarnRule?
    public var source: SourceLocation

    package init(
        id: String, name: String, criteria: String, benefits: [String], earn: EarnRule? = nil, source: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.criteria = criteria
        self.benefits = benefits
        self.earn = earn
        self.source = source
    }
}

public struct TeamMember: Sendable {
    public var id: String
    public var name: String
    public var role: String
    public var email: String
    public var phone: String?
    public var source: SourceLocation

    package init(id: String, name: String, role: String, email: String, phone: String? = nil, source: SourceLocation) {

        self.id = id

        self.name = name

        self.role = role

        self.email = email

        self.phone = phone

        self.source = source

    }

}
