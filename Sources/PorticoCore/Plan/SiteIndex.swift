/// Validated content with the lookups every planner needs, and the build date.
public struct SiteIndex: Sendable {
    public let content: Content
    public let today: Day
    let assetsByID: [String: Asset]
    let teamByID: [String: TeamMember]
    let tiersByID: [String: Tier]
    /// For each partner kind, the assets that serve it, most recently reviewed first.
    let assetsServing: [PartnerKind: [Asset]]
    let links: LinkIndex

    public init(content: Content, today: Day) {
        self.content = content
        self.today = today
        assetsByID = Dictionary(content.assets.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        teamByID = Dictionary(content.program.team.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        tiersByID = Dictionary(content.program.tiers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let freshestFirst = content.assets.sorted { ($1.reviewed, $0.title, $0.id) < ($0.reviewed, $1.title, $1.id) }
        links = LinkIndex(
            assets: assetsByID, drafts: content.draftAssetIDs, staticFiles: Set(content.staticFiles.map(\.path)))
        assetsServing = Dictionary(
            uniqueKeysWithValues: PartnerKind.allCases.map { kind in (kind, freshestFirst.filter { $0.serves(kind) }) })
    }

    public var program: Program { content.program }

    func isReviewDue(_ asset: Asset) -> Bool {
        asset.reviewDueDate(defaultEvery: program.reviewEvery) < today
    }

    /// Partners that get a page: all but retired ones.
    var publishedPartners: [Partner] {
        content.partners.filter { $0.status != .retired }
    }
}
