import Mustache
import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// A list in a template context whose items are made as the template reaches them, one at a
/// time: the library page of a large program lists every asset, and a context of every asset's
/// fields at once held more memory than the rest of the build.
package struct LazyContextList<Element: Sendable>: MustacheSequence, @unchecked Sendable {
    package let elements: [Element]
    package let context: (Element) -> [String: Any]

    package init(_ elements: [Element], _ context: @escaping (Element) -> [String: Any]) {
        self.elements = elements
        self.context = context
    }

    package func makeIterator() -> LazyMapSequence<[Element], [String: Any]>.Iterator {
        elements.lazy.map(context).makeIterator()
    }
}
