/// The raw HTML a page keeps, close to what GitHub keeps in a README: what Markdown cannot say
/// (image sizes, tables with spans, folding sections, keys, super- and subscripts) and nothing
/// that runs, styles or submits. Attributes the Nu HTML checker calls obsolete (`align`) are
/// not kept, so that pages stay valid HTML.
package enum HTMLAllowlist {
    /// Each kept element and the attributes it keeps.
    package static let elements: [String: Set<String>] = [
        "a": ["href", "title"],
        "abbr": ["title"],
        "b": [], "br": [], "caption": [], "code": [], "dd": [], "del": [], "details": ["open"], "div": [],
        "dl": [], "dt": [], "em": [], "figcaption": [], "figure": [], "hr": [], "i": [],
        "img": ["src", "alt", "width", "height", "title"],
        "ins": [], "kbd": [], "li": [], "mark": [], "ol": ["start", "reversed"], "p": [], "picture": [], "pre": [],
        "s": [], "small": [],
        "source": ["srcset", "media", "type"],
        "span": [], "strong": [], "sub": [], "summary": [], "sup": [], "table": [], "tbody": [],
        "td": ["colspan", "rowspan"], "tfoot": [],
        "th": ["colspan", "rowspan", "scope"], "thead": [], "tr": [], "ul": [],
    ]

    /// Written without an end tag.
    package static let void: Set<String> = ["br", "hr", "img", "source"]

    /// Left out with everything inside them: their content is code or a form, never text to read.
    package static let droppedWithContent: Set<String> = [
        "script", "style", "template", "iframe", "object", "embed", "applet", "noscript", "noembed", "noframes",
        "frameset", "frame", "textarea", "select", "button", "svg", "math", "title", "head", "meta", "link",
        "base", "input", "canvas", "audio", "video",
    ]

    /// A heading written in HTML would be outside the page's outline and its single `<h1>`: it is
    /// shown as a bold paragraph instead, and the author is told to write it as a Markdown heading.
    package static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    /// Where Markdown's blocks may stand between pieces of raw HTML (`<details>`, blank line,
    /// a paragraph, blank line, `</details>`).
    package static let holdingBlocks: Set<String> = ["div", "details", "td", "th", "li", "dd", "figure"]
    /// Elements that hold only other elements: no text may stand in them.
    package static let holdingRows: Set<String> = [
        "table", "thead", "tbody", "tfoot", "tr", "ul", "ol", "dl", "picture",
    ]

    /// Attributes holding addresses, checked and resolved as Markdown links are.
    package static let addresses: Set<String> = ["href", "src"]

    /// Attributes that must be a non-negative integer to be valid HTML.
    package static let integers: Set<String> = ["width", "height", "colspan", "rowspan", "start"]
}
