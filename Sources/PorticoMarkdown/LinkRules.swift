import CCmarkGFM
import PorticoModel
import PorticoSupport

/// Links and images: unsafe schemes become plain text, links between content files are
/// rewritten to the published page or file (or reported when they lead nowhere), and images
/// without alt text are reported.
package struct LinkRules {
    package let context: LinkContext?
    package let document: MarkdownDocument
    package let place: NodePlace
    package let ownAnchors: Set<String>
    package private(set) var imageFiles: Set<String> = []
    package private(set) var linkedFiles: Set<String> = []

    package init(context: LinkContext?, document: MarkdownDocument, place: NodePlace, ownAnchors: Set<String>) {
        self.context = context
        self.document = document
        self.place = place
        self.ownAnchors = ownAnchors
    }

    package mutating func apply(_ nodes: [OpaquePointer], findings: inout [Diagnostic]) {
        for node in nodes {
            let isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
            let url = MarkdownNodes.url(of: node)
            guard URLSafety.isSafe(url) else {
                findings.append(
                    .warning(
                        "unsafe-link", "link to '\(URLSafety.shortened(url))' removed: unsafe URL scheme",
                        at: place.of(node), hint: "link only to http, https, mailto, tel or relative addresses"))
                unwrap(node)
                continue
            }
            if isImage, MarkdownNodes.plainText(of: node).allSatisfy(\.isWhitespace) {
                findings.append(
                    .warning(
                        "image-without-alt", "image '\(URLSafety.shortened(url))' has no alt text",
                        at: place.of(node),
                        hint: "say what it shows between the brackets, as in ![Door calendar for Monday](calendar.png)")
                )
            }
            if let href = resolve(url, isImage: isImage, at: place.of(node), findings: &findings) {
                cmark_node_set_url(node, href)
            }
        }
    }

    /// The address a safe `url` is published as, or nil to leave it as written; a file of the
    /// asset's own folder is recorded, so that the site publishes it. Raw HTML's `href`, `src`
    /// and `srcset` come through here too, to be treated as the same link in Markdown would be.
    package mutating func resolve(
        _ url: String, isImage: Bool, at location: SourceLocation, findings: inout [Diagnostic]
    ) -> String? {
        guard let context else { return nil }
        switch context.index.resolve(url, in: context, ownAnchors: ownAnchors) {
        case .unchanged:
            return nil
        case .rewritten(let href):
            return href
        case .ownFile(let href, let path):
            if isImage { imageFiles.insert(path) } else { linkedFiles.insert(path) }
            return href
        case .broken(let code, let message, let hint, let href):
            findings.append(.warning(code, message, at: location, hint: hint))
            return href
        }
    }

    /// Replaces a link or image by its text, so nothing points at the unsafe address.
    private func unwrap(_ node: OpaquePointer) {
        while let child = cmark_node_first_child(node) {
            cmark_node_insert_before(node, child)
        }
        document.detach(node)
    }
}
