import Mustache

/// A list in a template context whose items are made as the template reaches them, one at a
/// time: the library page of a large program lists every asset, and a context of every asset's
/// fields at once held more memory than the rest of the build.
struct LazyContextList<Element: Sendable>: MustacheSequence, @unchecked Sendable {
    let elements: [Element]
    let context: (Element) -> [String: Any]

    init(_ elements: [Element], _ context: @escaping (Element) -> [String: Any]) {
        self.elements = elements
        self.context = context
    }

    func makeIterator() -> LazyMapSequence<[Element], [String: Any]>.Iterator {
        elements.lazy.map(context).makeIterator()
    }
}
