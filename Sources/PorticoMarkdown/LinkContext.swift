import PorticoModel

/// Where a Markdown text's relative links start, and which page they are written into.
public struct LinkContext: Sendable {
    package let index: any LinkResolving
    /// The folder of the source file, relative to the content folder (`assets`, `partners`, ``).
    package let folder: String
    /// The asset whose body this is: its own files and headings are in reach.
    package let assetID: String?
    /// The relative prefix from the page to the site root.
    package let root: String

    package init(index: any LinkResolving, folder: String, assetID: String?, root: String) {
        (self.index, self.folder, self.assetID, self.root) = (index, folder, assetID, root)
    }
}

/// What Markdown's links are checked against: the site's own pages and files, which the site
/// target knows and this one does not.
package protocol LinkResolving: Sendable {
    func resolve(_ url: String, in context: LinkContext, ownAnchors: Set<String>) -> LinkResolution
}

/// What a link in content leads to, as the site will publish it.
package enum LinkResolution: Equatable {
    /// Not a link between content files (a web address, an email): left as written.
    case unchanged
    case rewritten(href: String)
    /// A file beside the asset's own `index.md`, by its path in the asset's folder.
    case ownFile(href: String, path: String)
    /// Reported; `href`, when there is one, still leads to the right page (an anchor is missing).
    case broken(code: String, message: String, hint: String, href: String? = nil)
}
