import Mustache

/// A list in a template context whose items are made as the template reaches them, one at a
/// time: the library page of a large program lists every asset, and a context of every asset's
/// fields at once held more memory than the rest of the build.
package struct LazyContextList<Element: Sendable, Item: TemplateContext>: MustacheSequence, Sendable {
    package let elements: [Element]
    package let context: @Sendable (Element) -> Item

    package init(_ elements: [Element], _ context: @escaping @Sendable (Element) -> Item) {
        self.elements = elements
        self.context = context
    }

    package func makeIterator() -> LazyMapSequence<[Element], ContextReference>.Iterator {
        let context = context
        return elements.lazy.map { ContextReference(context($0)) }.makeIterator()
    }
}
