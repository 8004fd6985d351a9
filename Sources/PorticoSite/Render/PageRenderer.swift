import Foundation
import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// Turns planned outputs into bytes: pages through their Mustache template with the keys every
/// template receives (docs/templates.md), other outputs as they are.
public struct PageRenderer: Sendable {
    package let templates: TemplateSet
    package let site: SiteIndex
    package let markdown: MarkdownRenderer
    package var log: DiagnosticLog
    package let inlineCSS: String
    /// `program.yml`'s brand colour as CSS custom properties, once for every page.
    package let brandCSS: String?
    package let generator: String
    /// Where an email may show pictures from (`publicFilePrefixes(of:)`).
    package let publicFilePrefixes: [String]
    /// The program's keys, made once for all pages; each depth adds its positioning.
    package let program: ProgramContext
    /// The positioning's links depend on how deep the page sits, so it is rendered once per depth.
    package let positioning: RenderedByRoot<String>
    /// The public shells of private pages, one per page depth: the text before and after the
    /// sealed payload.
    package let shells: RenderedByRoot<(before: String, after: String)?>

    public init(
        templates: TemplateSet, site: SiteIndex, theme: Theme, markdown: MarkdownRenderer, log: DiagnosticLog,
        generator: String
    ) {
        self.templates = templates
        self.site = site
        self.markdown = markdown
        self.log = log
        self.generator = generator
        self.publicFilePrefixes = Self.publicFilePrefixes(of: site)
        self.inlineCSS = theme.files["static/portico.css"].map { String(decoding: $0.data, as: UTF8.self) } ?? ""
        self.brandCSS = site.program.brand?.color.map(BrandStyle.css)
        self.positioning = RenderedByRoot()
        self.shells = RenderedByRoot()
        self.program = ProgramContext(site.program)
    }

    public func render(_ output: PlannedOutput) -> Data? {
        switch output.content {
        case .data(let data): return data
        case .copy(let url): return FileManager.default.contents(atPath: url.path)
        case .sealedFile(let url, let visibility):
            return FileManager.default.contents(atPath: url.path).flatMap {
                sealedData($0, path: output.path, visibility: visibility)
            }
        case .sealedData(let data, let visibility): return sealedData(data, path: output.path, visibility: visibility)
        case .built(let make, let sealedFor):
            let data = make()
            return sealedFor.map { sealedData(data, path: output.path, visibility: $0) } ?? data
        case .mail(let mail): return renderMail(mail, path: output.path)
        case .text(let text): return Data(text.utf8)
        case .page(let page): return renderPage(page, path: output.path).map { Data($0.utf8) }
        }
    }

    package func renderPage(_ page: PlannedPage, path: String) -> String? {
        // A 404 page is served at any depth, so its links must not depend on where it sits.
        let root = page.kind == .notFound ? (site.program.baseURL ?? "") : Routes.root(from: path)
        let scope = PageScope(site: site, root: root, markdown: markdown, log: log)
        var program = self.program
        program.positioningHTML = positioning.html(for: root) {
            scope.html(site.program.positioning, folder: "").html
        }
        let canonical = site.program.baseURL.map { Routes.publicURL(path, base: $0) }
        let context = PageFrame(
            root: root, program: program,
            site: SiteContext(
                title: site.program.name, company: site.program.company, buildDate: site.today.description,
                generator: generator, homeHref: root + Routes.home,
                sectionHrefs: (
                    root + Routes.library, root + Routes.refer, root + Routes.signIn, root + Routes.search
                ), brandCSS: brandCSS, logoHref: site.program.brand?.logo.map { root + Routes.encoded($0) }),
            page: PageInfoContext(
                title: page.title, description: page.description, kind: page.kind.rawValue,
                canonicalURL: canonical ?? "", hasCanonicalURL: canonical != nil && page.kind != .notFound),
            nav: navigation.map { section in
                NavEntryContext(
                    id: section.id, label: section.label, href: root + section.path,
                    current: page.kind.section == section)
            },
            inlineCSS: page.kind == .notFound ? inlineCSS : nil,
            body: page.context(scope))
        guard let html = templates.render(context, template: page.kind.template) else {
            log.report(
                .error("missing-template", "the theme has no '\(page.kind.template).mustache' template", at: nil))
            return nil
        }
        guard let access = site.access, let group = page.visibility.group else { return html }
        let files = page.sealedFiles.map { root + Routes.encoded($0) }
        return sealedShell(html, path: path, group: group, access: access, context: context, files: files)
    }

    /// The public page that carries an encrypted one: the layout with a generic title, a message
    /// for whoever cannot open it, and the sealed title and `<main>` of the real page.
    package func sealedShell(
        _ html: String, path: String, group: String, access: AccessPlan, context: PageFrame, files: [String]
    ) -> String? {
        let sealed: String
        do {
            sealed = try PageSealer(access: access).seal(html: html, path: path, group: group, files: files)
        } catch {
            log.report(
                .error(
                    "cannot-seal", "'\(path)' cannot be encrypted: \(error)", at: nil,
                    hint: "the layout template must have one <main> element, which private pages are encrypted from"))
            return nil
        }
        // The shell depends only on how deep the page sits: rendered once per depth, with the
        // sealed payload put in its place, so encryption does not render every page twice.
        let root = context.root
        let parts = shells.html(for: root) {
            var shell = context
            shell.page = PageInfoContext(
                title: "Private page", description: "A private page of the \(site.program.name).",
                kind: PageKind.sealed.rawValue, canonicalURL: "", hasCanonicalURL: false)
            // Which section a private page belongs to is not the shell's to say.
            shell.nav = navigation.map { section in
                NavEntryContext(id: section.id, label: section.label, href: root + section.path, current: false)
            }
            // The shell is public and shared by every private page at this depth: none of the
            // page's own keys may reach it (a layout that reads one writes nothing there).
            shell.body = NoOwnKeys()
            let program = site.program
            shell.sealed = SealedContext(
                json: Self.sealedPlaceholder,
                contact: program.referral.email ?? program.team.first?.email ?? program.company)
            guard let html = templates.render(shell, template: PageKind.sealed.template),
                let placeholder = html.firstUTF8Range(of: Self.sealedPlaceholder)
            else { return nil }
            return (String(html[..<placeholder.lowerBound]), String(html[placeholder.upperBound...]))
        }
        guard let parts else {
            log.report(
                .error(
                    "cannot-seal", "the sealed template does not write {{{sealed.json}}}", at: nil,
                    hint: "private pages carry their encrypted content there"))
            return nil
        }
        return parts.before + sealed + parts.after
    }

    /// A private file, encrypted as `nonce ‖ ciphertext ‖ tag` (docs/security.md).
    package func sealedData(_ data: Data, path: String, visibility: Visibility) -> Data? {
        guard let access = site.access, let group = visibility.group else { return nil }
        do {
            return try PageSealer(access: access).sealFile(data, path: path, group: group)
        } catch {
            log.report(.error("cannot-seal", "'\(path)' cannot be encrypted: \(error)", at: nil))
            return nil
        }
    }

    package static let sealedPlaceholder = "@@portico-sealed-payload@@"

    /// The sections the site has: no "Briefs" before the first brief is published.
    package var navigation: [NavigationSection] {
        NavigationSection.allCases.filter { $0 != .briefs || !site.content.briefs.isEmpty }
    }
}

/// Something rendered once for each page depth (the links in it depend on the depth), shared by
/// the render workers.
package final class RenderedByRoot<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var byRoot: [String: Value] = [:]

    package func html(for root: String, render: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let html = byRoot[root] { return html }
        let html = render()
        byRoot[root] = html
        return html
    }
}
