import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoScorecard
import PorticoSupport

/// Validated content with the lookups every planner needs, and the build date.
public struct SiteIndex: Sendable {
    public private(set) var content: Content
    public let today: Day
    package private(set) var assetsByID: [String: Asset]
    package let teamByID: [String: TeamMember]
    package let tiersByID: [String: Tier]
    /// Assets partners may read (public or partners): what the library and partner pages list.
    package private(set) var partnerAssets: [Asset]
    /// For each partner kind, the assets that serve it, most recently reviewed first.
    package private(set) var assetsServing: [PartnerKind: [Asset]]
    package private(set) var links: LinkIndex
    /// Folders of assets whose folder is not their id (assetFolders(_:access:)).
    package let assetFolders: [String: String]
    package let partnersByID: [String: Partner]
    /// Minutes to read each asset, by id: counted once, since every start page lists some.
    package private(set) var readingMinutes: [String: Int]
    package let storiesByID: [String: Story]
    /// When pages are encrypted: the secret, the groups and their keys. Private paths derive
    /// from the secret too.
    public let access: AccessPlan?
    /// Each asset's search document, made while its page is rendered and read by the search
    /// indexes, which are written after every page; `portico serve` keeps them from one build
    /// to the next.
    package let searchDocuments: SearchDocumentCache
    /// What the validate stage reported, for the pages that list findings (the health page).
    package let findings: [Diagnostic]
    /// Each partner's numbers from the CRM's exports; nil when the program reads none.
    package let scorecard: ProgramScorecard?

    public init(
        content: Content, today: Day, access: AccessPlan? = nil, findings: [Diagnostic] = [],
        searchDocuments: SearchDocumentCache = .init()
    ) {
        self.content = content
        self.findings = findings
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
            content.assets.map { ($0.id, ReadingTime.minutes($0.body.words)) }, uniquingKeysWith: { first, _ in first })
        partnersByID = Dictionary(content.partners.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        storiesByID = Dictionary(content.stories.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        assetFolders = Self.assetFolders(content, access: access)
        links = Self.links(content, assets: assetsByID, folders: assetFolders)
        assetsServing = Dictionary(
            uniqueKeysWithValues: PartnerKind.allCases.map { kind in (kind, freshestFirst.filter { $0.serves(kind) }) })
        scorecard = content.program.pipeline.isEmpty ? nil : ProgramScorecard(content: content, today: today)
    }

    package static func links(_ content: Content, assets: [String: Asset], folders: [String: String]) -> LinkIndex {
        LinkIndex(
            assets: assets, drafts: content.draftAssetIDs, staticFiles: Set(content.staticFiles.map(\.path)),
            stories: content.stories.map(\.id), briefs: content.briefs.map(\.month), assetFolders: folders)
    }

    /// Team-only assets of an encrypted portal live in opaque folders: their ids would tell the
    /// web host what the team keeps to itself.
    static func assetFolders(_ content: Content, access: AccessPlan?) -> [String: String] {
        guard let access else { return [:] }
        let fallback = content.program.defaultVisibility
        return Dictionary(
            content.assets.filter { $0.readers(default: fallback) == .team }.map {
                ($0.id, AccessCrypto.assetPathSegment(secret: access.secret.bytes, assetID: $0.id))
            }, uniquingKeysWith: { first, _ in first })
    }

    /// The folder below `assets/` of an asset's page and files.
    package func assetFolder(_ id: String) -> String { assetFolders[id] ?? id }
    package func assetRoute(_ id: String) -> String { Routes.asset(assetFolder(id)) }

    /// The same index after an edit of nothing but these assets' text, which no list, order or
    /// lookup depends on: the assets are swapped in place rather than every lookup made again,
    /// which on a large library took longer than rendering the edited page.
    package func replacingText(of edited: [Asset], in content: Content) -> SiteIndex {
        var index = self
        index.content = content
        for asset in edited where assetsByID[asset.id] != nil {
            index.assetsByID[asset.id] = asset
            if let position = index.partnerAssets.firstIndex(where: { $0.id == asset.id }) {
                index.partnerAssets[position] = asset
            }
            for kind in PartnerKind.allCases {
                if let position = index.assetsServing[kind]?.firstIndex(where: { $0.id == asset.id }) {
                    index.assetsServing[kind]?[position] = asset
                }
            }
            index.readingMinutes[asset.id] = ReadingTime.minutes(asset.body.words)
        }
        index.links = Self.links(content, assets: index.assetsByID, folders: index.assetFolders)
        return index
    }

    public var program: Program { content.program }

    package func isReviewDue(_ asset: Asset) -> Bool {
        asset.reviewDueDate(defaultEvery: program.reviewEvery) < today
    }

    /// The folder below `partners/` of a partner's pages: opaque in an encrypted portal, so that
    /// no path names a partner; the id otherwise.
    package func partnerSegment(_ id: String) -> String {
        access.map { AccessCrypto.partnerPathSegment(secret: $0.secret.bytes, partnerID: id) } ?? id
    }

    package func partnerRoute(_ id: String) -> String { Routes.partner(partnerSegment(id)) }

    /// Partners that get a page: all but retired ones.
    package var publishedPartners: [Partner] {
        content.partners.filter { $0.status != .retired }
    }
}
