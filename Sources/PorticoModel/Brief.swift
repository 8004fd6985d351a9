import PorticoSupport

/// `content/briefs/YYYY-MM.md`: one month's brief to partners.
public struct Brief: Sendable {
    public var month: Month
    public var title: String
    public var summary: String
    /// The story a missing "Success story" section is filled from.
    public var story: Reference?
    public var visibility: AssetVisibility
    public var draft: Bool
    public var body: MarkdownSource
    /// Relative to the content folder, such as `briefs/2026-11.md`.
    public var sourcePath: String
    public var source: SourceLocation
    /// The sections the author wrote, found when the brief is loaded.
    public var outline: BriefOutline

    /// The folder relative links in the body start from.
    public var sourceFolder: String { "briefs" }

    package init(
        month: Month, title: String, summary: String, story: Reference? = nil, visibility: AssetVisibility, draft: Bool,
        body: MarkdownSource, sourcePath: String, source: SourceLocation, outline: BriefOutline
    ) {
        self.month = month
        self.title = title
        self.summary = summary
        self.story = story
        self.visibility = visibility
        self.draft = draft
        self.body = body
        self.sourcePath = sourcePath
        self.source = source
        self.outline = outline
    }
}

/// The sections of a brief that Portico knows, as the author wrote them.
public struct BriefOutline: Sendable {
    public enum Section: Sendable, Hashable, CaseIterable {
        case whatsNew
        case campaigns
        case story

        /// The heading the theme gives a section Portico fills in.
        public var title: String {
            switch self {
            case .whatsNew: "What's new"
            case .campaigns: "Upcoming campaigns"
            case .story: "Success story"
            }
        }

        /// Which section a `##` heading starts; apostrophes and case do not matter.
        public static func named(_ heading: String) -> Section? {
            let key = heading.lowercased().filter { $0.isLetter || $0 == " " }
                .split(separator: " ").joined(separator: " ")
            switch key {
            case "whats new": return .whatsNew
            case "upcoming campaigns": return .campaigns
            case "success story": return .story
            default: return nil
            }
        }
    }

    /// Sections with text of their own (a heading followed only by comments does not count).
    public var written: Set<Section> = []
    /// Where each referral ask is, in order: links to the refer pages and the phrases docs list.
    public var asks: [SourceLocation] = []

    public init(written: Set<Section> = [], asks: [SourceLocation] = []) {
        self.written = written
        self.asks = asks
    }
}
