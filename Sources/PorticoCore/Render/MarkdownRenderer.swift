import CCmarkGFM
import Foundation

/// A heading of a rendered Markdown text, for the "On this page" outline.
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var anchor: String
}

public struct RenderedMarkdown: Sendable {
    public var html: String
    public var headings: [Heading]
}

/// Markdown to HTML through cmark-gfm, in safe mode: raw HTML is left out, GitHub's tag filter
/// is on, and links with unsafe schemes are dropped and reported.
public struct MarkdownRenderer: Sendable {
    /// Heading anchors must not collide with ids the templates use.
    static let reservedAnchors: Set<String> = ["main", "top", "content", "outline"]
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
    private static let registration: Void = cmark_gfm_core_extensions_ensure_registered()

    public init() {
        _ = MarkdownRenderer.registration
    }

    public func render(_ source: MarkdownSource, log: DiagnosticLog) -> RenderedMarkdown {
        let options = CMARK_OPT_SAFE | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_FOOTNOTES
        guard let parser = cmark_parser_new(options) else { return RenderedMarkdown(html: "", headings: []) }
        defer { cmark_parser_free(parser) }
        for name in MarkdownRenderer.extensionNames {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        let bytes = Array(source.text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        guard let document = cmark_parser_finish(parser) else { return RenderedMarkdown(html: "", headings: []) }
        defer { cmark_node_free(document) }

        let headings = inspect(document, source: source, log: log)
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser))
        else { return RenderedMarkdown(html: "", headings: headings) }
        defer { free(rendered) }
        let html = MarkdownRenderer.addAnchors(String(cString: rendered), headings: headings)
        return RenderedMarkdown(html: html, headings: headings)
    }

    /// Walks the tree once: collects headings and removes links with unsafe URLs.
    private func inspect(_ document: OpaquePointer, source: MarkdownSource, log: DiagnosticLog) -> [Heading] {
        var headings: [Heading] = []
        var used = MarkdownRenderer.reservedAnchors
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                let text = MarkdownRenderer.plainText(of: node)
                let anchor = MarkdownRenderer.uniqueSlug(text, used: &used)
                headings.append(Heading(level: Int(cmark_node_get_heading_level(node)), text: text, anchor: anchor))
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                if !URLSafety.isSafe(url) {
                    var location = source.start
                    location.line += Int(cmark_node_get_start_line(node)) - 1
                    location.column = Int(cmark_node_get_start_column(node)) + source.start.column - 1
                    log.report(
                        .warning(
                            "unsafe-link", "link to '\(URLSafety.shortened(url))' removed: unsafe URL scheme",
                            at: location, hint: "link only to http, https, mailto, tel or relative addresses"))
                    cmark_node_set_url(node, "")
                }
            default:
                break
            }
        }
        return headings
    }

    static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                text += cmark_node_get_literal(child).map { String(cString: $0) } ?? ""
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            }
        }
        return text
    }

    /// GitHub-style slugs: lowercase letters and digits, words joined by '-', numbered when repeated.
    static func uniqueSlug(_ text: String, used: inout Set<String>) -> String {
        var slug = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                slug.append(character)
            } else if character == " " || character == "-" || character == "_" {
                if !slug.isEmpty, slug.last != "-" { slug.append("-") }
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        if slug.isEmpty { slug = "section" }
        var candidate = slug
        var number = 2
        while used.contains(candidate) {
            candidate = "\(slug)-\(number)"
            number += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// cmark writes headings as bare `<hN>` tags, in document order, and (in safe mode) no raw
    /// HTML can add others, so the n-th bare heading tag belongs to the n-th heading.
    static func addAnchors(_ html: String, headings: [Heading]) -> String {
        guard !headings.isEmpty else { return html }
        var output = ""
        output.reserveCapacity(html.utf8.count + headings.count * 24)
        var rest = html[...]
        for heading in headings {
            let tag = "<h\(heading.level)>"
            guard let range = rest.range(of: tag) else { break }
            output += rest[..<range.lowerBound]
            output += "<h\(heading.level) id=\"\(heading.anchor)\">"
            rest = rest[range.upperBound...]
        }
        output += rest
        return output
    }
}
