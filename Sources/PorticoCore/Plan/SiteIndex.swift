/// Validated content with the lookups every planner needs, and the build date.
public struct SiteIndex: Sendable {
    public let content: Content
    public let today: Day
    let assetsByID: [String: Asset]
    let teamByID: [String: TeamMember]
    let tiersByID: [String: Tier]
    /// Assets partners may read (public or partners): what the library and partner pages list.
    let partnerAssets: [Asset]
    /// For each partner kind, the assets that serve it, most recently reviewed first.
    let assetsServing: [PartnerKind: [Asset]]
    let links: LinkIndex
    let partnersByID: [String: Partner]
    /// Minutes to read each asset, by id: counted once, since every start page lists some.
    let readingMinutes: [String: Int]
    let storiesByID: [String: Story]
    /// When pages are encrypted: the secret, the groups and their keys. Private paths derive
    /// from the secret too.
    public let access: AccessPlan?
    /// Each asset's search document, made while its page is rendered and read by the search
    /// indexes, which are written after every page; `portico serve` keeps them from one build
    /// to the next.
    let searchDocuments: SearchDocumentCache

    /// `previous`, the index of the same site before an edit, lends what the edit left alone.
    public init(
        content: Content, today: Day, access: AccessPlan? = nil, searchDocuments: SearchDocumentCache = .init(),
        previous: SiteIndex? = nil
    ) {
        self.content = content
        self.searchDocuments = searchDocuments
        self.access = access
        self.today = today
        assetsByID = Dictionary(content.assets.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        teamByID = Dictionary(content.program.team.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        tiersByID = Dictionary(content.program.tiers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let defaultVisibility = content.program.defaultVisibility
        let partnerAssets = content.assets.filter { $0.readers(default: defaultVisibility) != .team }
        self.partnerAssets = partnerAssets
        // Positions are sorted rather than the assets themselves: moving whole assets about cost
        // more than the rest of the index on a large library.
        let keys = partnerAssets.map { (reviewed: $0.reviewed, title: $0.title, id: $0.id) }
        let freshestFirst = keys.indices.sorted { left, right in
            let (a, b) = (keys[left], keys[right])
            return (b.reviewed, a.title, a.id) < (a.reviewed, b.title, b.id)
        }.map { partnerAssets[$0] }
        readingMinutes = Dictionary(
            content.assets.map { asset in
                if let previous, let minutes = previous.readingMinutes[asset.id], previous.assetsByID[asset.id] == asset
                {
                    return (asset.id, minutes)
                }
                return (asset.id, StartPath.minutes(StartPath.words(asset.body.text)))
            },
            uniquingKeysWith: { first, _ in first })
        partnersByID = Dictionary(content.partners.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        storiesByID = Dictionary(content.stories.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        links = LinkIndex(
            assets: assetsByID, drafts: content.draftAssetIDs, staticFiles: Set(content.staticFiles.map(\.path)),
            stories: content.stories.map(\.id), briefs: content.briefs.map(\.month))
        assetsServing = Dictionary(
            uniqueKeysWithValues: PartnerKind.allCases.map { kind in (kind, freshestFirst.filter { $0.serves(kind) }) })
    }

    public var program: Program { content.program }

    func isReviewDue(_ asset: Asset) -> Bool {
        asset.reviewDueDate(defaultEvery: program.reviewEvery) < today
    }

    /// The folder below `partners/` of a partner's pages: opaque in an encrypted portal, so that
    /// no path names a partner; the id otherwise.
    func partnerSegment(_ id: String) -> String {
        access.map { AccessCrypto.partnerPathSegment(secret: $0.secret.bytes, partnerID: id) } ?? id
    }

    func partnerRoute(_ id: String) -> String { Routes.partner(partnerSegment(id)) }

    /// Partners that get a page: all but retired ones.
    var publishedPartners: [Partner] {
        content.partners.filter { $0.status != .retired }
    }
}
