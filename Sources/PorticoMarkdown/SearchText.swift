import CCmarkGFM
import PorticoModel

/// The text of Markdown as a reader sees it, from cmark's text nodes: the headings' text apart
/// from the rest. Raw HTML blocks give the text the page shows of them (not a script's); code
/// is kept.
package enum SearchText {
    package static func of(_ source: MarkdownSource) -> (headings: String, body: String) {
        let (text, _) = ControlCharacters.clean(source.text)
        guard let document = MarkdownDocument(CalloutSource(text).text) else { return ("", "") }
        return of(document)
    }

    /// The text of a document as cmark parsed it, before any rule of the renderer changed it.
    package static func of(_ document: MarkdownDocument) -> (headings: String, body: String) {
        guard let iterator = cmark_iter_new(document.root) else { return ("", "") }
        defer { cmark_iter_free(iterator) }
        var headings = ""
        var body = ""
        var inHeading = 0
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_HEADING {
                inHeading += event == CMARK_EVENT_ENTER ? 1 : -1
                headings += " "
                continue
            }
            var piece = ""
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if event == CMARK_EVENT_ENTER { piece = MarkdownNodes.literal(of: node) }
            case CMARK_NODE_CODE_BLOCK:
                if event == CMARK_EVENT_ENTER { piece = " " + MarkdownNodes.literal(of: node) + " " }
            case CMARK_NODE_HTML_BLOCK:
                let literal = MarkdownNodes.literal(of: node)
                if event == CMARK_EVENT_ENTER, let fragment = HTMLFragment(literal) {
                    piece = " " + fragment.visibleText + " "
                }
            case CMARK_NODE_HTML_INLINE:
                piece = ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                piece = " "
            default:
                // Words on either side of a block (a paragraph, an item, a table cell) stay apart.
                if type.rawValue & 0xC000 == 0x8000 { piece = " " }
            }
            if inHeading > 0 { headings += piece } else { body += piece }
        }
        return (headings, body)
    }
}
