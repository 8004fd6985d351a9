/// `content/program.yml`: the program as a whole.
public struct Program: Sendable {
    public var name: String
    public var company: String
    /// Absolute site URL, always ending in `/`; only for absolute URLs (sitemap, canonical links).
    public var baseURL: String?
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
    public var source: SourceLocation

    public func tier(_ id: String) -> Tier? { tiers.first { $0.id == id } }
    public func teamMember(_ id: String) -> TeamMember? { team.first { $0.id == id } }
}

public struct Boundaries: Sendable {
    public var weSolve: [String]
    public var partnerSolves: [String]
    public var journey: String
}

public struct Tier: Sendable {
    public var id: String
    public var name: String
    public var criteria: String
    public var benefits: [String]
    public var source: SourceLocation
}

public struct TeamMember: Sendable {
    public var id: String
    public var name: String
    public var role: String
    public var email: String
    public var phone: String?
    public var source: SourceLocation
}
