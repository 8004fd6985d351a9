import Foundation
import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// One file the build will write, decided before anything is rendered.
public struct PlannedOutput: Sendable {
    /// Path relative to the output folder, with `/` separators, such as `assets/faq/index.html`.
    public var path: String
    public var content: Content

    public enum Content: Sendable {
        /// Boxed, so that the plan of a large site, one output per page, stays a short array.
        indirect case page(PlannedPage)
        case text(String)
        case data(Data)
        /// A file from the content folder, copied as it is without being read into memory.
        case copy(URL)
        /// A file of a private asset, encrypted for the group that may read the asset.
        case sealedFile(URL, visibility: Visibility)
        /// Bytes made by the build (a partner's calendar), encrypted like a private asset's file.
        case sealedData(Data, visibility: Visibility)
        /// Bytes worked out when the file is rendered, on a render worker, rather than while
        /// planning (a search index); encrypted for `sealedFor`'s readers when set.
        case built(@Sendable () -> Data, sealedFor: Visibility?)
        /// An email message, written to the mail folder rather than the site; boxed like a page.
        indirect case mail(PlannedMail)
    }

    public init(path: String, content: Content) {
        self.path = path
        self.content = content
    }

    /// The positions of outputs in the order they are rendered: those made from what other
    /// outputs found (the search indexes, `.built`) after all the rest. Positions rather than
    /// copies of the outputs, which on a large site are a sizeable share of a build's memory.
    package static func renderOrder(_ outputs: [PlannedOutput]) -> [[Int]] {
        let isBuilt = { (output: PlannedOutput) -> Bool in
            if case .built = output.content { return true }
            return false
        }
        return [outputs.indices.filter { !isBuilt(outputs[$0]) }, outputs.indices.filter { isBuilt(outputs[$0]) }]
    }

    public var page: PlannedPage? {
        if case .page(let page) = content { return page }
        return nil
    }
}

/// An HTML page: which template renders it, and how to build its template context. The context
/// is built only when the page is rendered, so a build never holds every page's context at once.
public struct PlannedPage: Sendable {
    public var kind: PageKind
    public var title: String
    public var description: String
    /// Listed in sitemap.xml; only public pages ever are.
    public var listed: Bool
    /// Who may read it: a page that is not public is encrypted for its readers.
    public var visibility: Visibility
    /// Sealed files the page shows or links to (paths in the site): the page script decrypts them.
    public var sealedFiles: [String] = []
    package var context: @Sendable (PageScope) -> any TemplateContext

    package init(
        kind: PageKind, title: String, description: String, listed: Bool = true, visibility: Visibility = .public,
        context: @escaping @Sendable (PageScope) -> any TemplateContext
    ) {
        self.kind = kind
        self.title = title
        self.description = description
        self.visibility = visibility
        self.listed = listed && visibility == .public
        self.context = context
    }
}

/// The kinds of page; each is rendered by the template of the same name.
public enum PageKind: String, Sendable, CaseIterable {
    case home
    case library
    case asset
    case partner
    case refer
    case register
    case partners
    case briefs
    case brief
    case story
    case health
    /// A partner's own results: what became of each referral it sent.
    case results
    case start
    case search
    case signIn = "sign-in"
    /// The public shell of an encrypted page.
    case sealed
    case notFound = "404"

    public var template: String { rawValue }

    /// The navigation entry a page belongs to.
    package var section: NavigationSection? {
        switch self {
        case .home: .program
        case .library, .asset: .library
        case .refer, .register: .refer
        case .briefs, .brief: .briefs
        case .story: .library
        case .start: .start
        case .partner, .partners, .health, .results, .signIn, .search, .sealed, .notFound: nil
        }
    }
}

package enum NavigationSection: String, CaseIterable {
    case start
    case program
    case library
    case briefs
    case refer

    /// The entry's name in templates (`data-portico-nav`) and reader cards.
    package var id: String { rawValue }

    package var label: String {
        switch self {
        case .start: "Start"
        case .program: "Program"
        case .library: "Library"
        case .briefs: "Briefs"
        case .refer: "Refer"
        }
    }

    package var path: String {
        switch self {
        case .start: Routes.start
        case .program: Routes.home
        case .library: Routes.library
        case .briefs: Routes.briefs
        case .refer: Routes.refer
        }
    }
}

extension PlannedOutput {
    /// Every person's key file, under `keys/`, with their reader card; none for a build without
    /// encryption.
    package static func keyFiles(_ site: SiteIndex) throws -> [PlannedOutput] {
        try site.access?.keyFiles { ReaderCard($0, site: site).json }
            .map { PlannedOutput(path: Routes.keysFolder + $0.name + ".json", content: .text($0.json)) } ?? []
    }
}
