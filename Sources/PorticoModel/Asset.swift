import Foundation
import PorticoSupport

/// `content/assets/<id>.md`, or `content/assets/<id>/index.md` with its files beside it: one
/// piece of enablement material.
@dynamicMemberLookup
public struct Asset: Sendable, Hashable {
    /// What an asset is. An asset is one reference to its fields, so copying one, which every
    /// list and index of a library does, costs one retain rather than one per field.
    public struct Fields: Sendable, Hashable {
        public var id: String
        /// The source file relative to the content folder, such as `assets/faq.md`: relative links
        /// in the body start from its folder.
        public var sourcePath: String
        public var title: String
        public var kind: AssetKind
        public var summary: String
        public var owner: Reference
        public var reviewed: Day
        /// Days between reviews set on the asset itself; the program's default applies otherwise.
        public var reviewEvery: Int?
        public var audience: Set<PartnerKind>
        public var tags: [String]
        public var body: AssetBody
        /// Files beside `index.md` in a folder asset, published next to the asset's page.
        public var files: [AssetFile]
        /// A draft is checked but not published.
        public var draft: Bool
        /// Written in the front matter; the program's default applies otherwise.
        public var visibility: AssetVisibility?
        public var source: SourceLocation
        /// Where `reviewed` is written, for the review-due warning.
        public var reviewedLocation: SourceLocation
        /// Where `title` and `summary` are written, for the warnings about placeholders.
        public var titleLocation: SourceLocation?
        public var summaryLocation: SourceLocation?

        package init(
            id: String, sourcePath: String, title: String, kind: AssetKind, summary: String, owner: Reference,
            reviewed: Day, reviewEvery: Int? = nil, audience: Set<PartnerKind>, tags: [String], body: AssetBody,
            files: [AssetFile], draft: Bool, visibility: AssetVisibility? = nil, source: SourceLocation,
            reviewedLocation: SourceLocation
        ) {
            self.id = id
            self.sourcePath = sourcePath
            self.title = title
            self.kind = kind
            self.summary = summary
            self.owner = owner
            self.reviewed = reviewed
            self.reviewEvery = reviewEvery
            self.audience = audience
            self.tags = tags
            self.body = body
            self.files = files
            self.draft = draft
            self.visibility = visibility
            self.source = source
            self.reviewedLocation = reviewedLocation
        }
    }

    private final class Box: @unchecked Sendable {
        // Changed only through `Asset`'s setter, and only when no other asset shares the box.
        package var fields: Fields
        package init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    public init(_ fields: Fields) { box = Box(fields) }

    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<Fields, Value>) -> Value {
        get { box.fields[keyPath: keyPath] }
        set {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            box.fields[keyPath: keyPath] = newValue
        }
    }

    public static func == (left: Asset, right: Asset) -> Bool {
        left.box === right.box || left.box.fields == right.box.fields
    }

    public func hash(into hasher: inout Hasher) { box.fields.hash(into: &hasher) }

    /// The day the next review falls due.
    public func reviewDueDate(defaultEvery: Int) -> Day {
        self.reviewed.adding(days: self.reviewEvery ?? defaultEvery)
    }

    public func serves(_ kind: PartnerKind) -> Bool { self.audience.contains(kind) }

    /// Who may read the asset's page.
    public func readers(default fallback: AssetVisibility) -> Visibility {
        (self.visibility ?? fallback).visibility
    }

    /// The folder relative links in the body start from.
    public var sourceFolder: String {
        self.sourcePath.split(separator: "/").dropLast().joined(separator: "/")
    }
}

/// A file of a folder asset: an image, a PDF, a slide deck.
public struct AssetFile: Sendable, Hashable {
    /// Relative to the asset's folder, with `/` separators, such as `slides/deck.pptx`.
    public var path: String
    public var url: URL
    public var size: Int
    /// How diagnostics name the file.
    public var displayPath: String

    package init(path: String, url: URL, size: Int, displayPath: String) {
        self.path = path
        self.url = url
        self.size = size
        self.displayPath = displayPath
    }
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
