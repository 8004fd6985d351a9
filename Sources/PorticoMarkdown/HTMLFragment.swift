import CLibXML2

/// A piece of raw HTML parsed by libxml2's HTML parser, as a browser would read it (unclosed and
/// stray tags, entities, unquoted attributes); freed with it.
package final class HTMLFragment {
    /// libxml2 sets up its globals on first use; doing it once, before any thread parses, is
    /// what its documentation asks of threaded programs.
    private static let initialised: Void = xmlInitParser()
    /// The element the fragment is parsed inside: text at the top of a fragment would otherwise
    /// be put in a `<p>` libxml2 makes up, even with HTML_PARSE_NOIMPLIED.
    package static let wrapper = "portico-fragment"

    private let document: htmlDocPtr

    package init?(_ html: String) {
        _ = HTMLFragment.initialised
        let options =
            HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
            | HTML_PARSE_NOIMPLIED.rawValue | HTML_PARSE_NODEFDTD.rawValue
        let bytes = Array("<\(HTMLFragment.wrapper)>\(html)</\(HTMLFragment.wrapper)>".utf8)
        guard bytes.count < Int32.max else { return nil }
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", Int32(options))
            }
        }
        guard let parsed else { return nil }
        document = parsed
    }

    /// The first node at the top of the document: the wrapper, unless the HTML closed it early.
    package var first: xmlNodePtr? { document.pointee.children }

    deinit { xmlFreeDoc(document) }

    package static func name(of node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
    }

    /// The words a reader sees: the text of the elements the sanitizer keeps or unwraps, not of
    /// those it drops with their content (scripts, styles). Walked without recursion.
    package var visibleText: String {
        var text = ""
        var node = first
        while let current = node {
            let skipped =
                current.pointee.type == XML_ELEMENT_NODE
                && HTMLAllowlist.droppedWithContent.contains(Self.name(of: current))
            if current.pointee.type == XML_TEXT_NODE {
                text += Self.text(of: current)
            } else if current.pointee.type == XML_ELEMENT_NODE {
                text += " "
            }
            if !skipped, let child = current.pointee.children {
                node = child
                continue
            }
            var next = current
            while next.pointee.next == nil, let parent = next.pointee.parent,
                parent.pointee.type != XML_HTML_DOCUMENT_NODE
            {
                next = parent
            }
            node = next.pointee.next
        }
        return text
    }

    package static func text(of node: xmlNodePtr) -> String {
        node.pointee.content.map { String(cString: $0) } ?? ""
    }

    /// The attributes in the order written, names lowercased and entities decoded.
    package static func attributes(of node: xmlNodePtr) -> [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            var value = ""
            var child = current.pointee.children
            while let text = child {
                value += text.pointee.content.map { String(cString: $0) } ?? ""
                child = text.pointee.next
            }
            let name = current.pointee.name.map { String(cString: $0).lowercased() } ?? ""
            result.append((name, value))
            attribute = current.pointee.next
        }
        return result
    }
}
