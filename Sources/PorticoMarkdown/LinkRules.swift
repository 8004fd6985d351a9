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
            guard let context else { continue }
            switch context.index.resolve(url, in: context, ownAnchors: ownAnchors) {
            case .unchanged:
                break
            case .rewritten(let href):
                cmark_node_set_url(node, href)
            case .ownFile(let href, let path):
                cmark_node_set_url(node, href)
                if isImage { imageFiles.insert(path) } else { linkedFiles.insert(path) }
            case .broken(let code, let message, let hint, let href):
                findings.append(.warning(code, message, at: place.of(node), hint: hint))
                if let href { cmark_node_set_url(node, href) }
            }
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
