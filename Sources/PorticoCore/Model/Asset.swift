/// `content/assets/<id>.md`: one piece of enablement material.
public struct Asset: Sendable {
    public var id: String
    public var title: String
    public var kind: AssetKind
    public var summary: String
    public var owner: Reference
    public var reviewed: Day
    /// Days between reviews set on the asset itself; the program's default applies otherwise.
    public var reviewEvery: Int?
    public var audience: Set<PartnerKind>
    public var tags: [String]
    public var body: MarkdownSource
    public var source: SourceLocation
    /// Where `reviewed` is written, for the review-due warning.
    public var reviewedLocation: SourceLocation

    /// The day the next review falls due.
    public func reviewDueDate(defaultEvery: Int) -> Day {
        reviewed.adding(days: reviewEvery ?? defaultEvery)
    }

    public func serves(_ kind: PartnerKind) -> Bool { audience.contains(kind) }
}

/// The kinds of asset, in the order the library shows them.
public enum AssetKind: String, Sendable, CaseIterable {
    case onePager = "one-pager"
    case objection
    case snapshot
    case guide

    public var label: String {
        switch self {
        case .onePager: "One-pager"
        case .objection: "Objection handling"
        case .snapshot: "Implementation snapshot"
        case .guide: "Guide"
        }
    }

    public var pluralLabel: String {
        switch self {
        case .onePager: "One-pagers"
        case .objection: "Objection handling"
        case .snapshot: "Implementation snapshots"
        case .guide: "Guides"
        }
    }
}
