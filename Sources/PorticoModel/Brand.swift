import PorticoSupport

/// `program.yml` `brand`: the program's colour and logo, which the default theme uses for its
/// links, buttons and header.
public struct Brand: Sendable {
    /// Links and buttons in it must be readable on every background of the theme.
    public var color: RGBColor?
    public var colorLocation: SourceLocation?
    /// A file of the content's `static/` folder, written as the site publishes it: `static/logo.svg`.
    public var logo: String?
    public var logoLocation: SourceLocation?

    public init() {}

    /// The default theme's light backgrounds (`portico.css`: `--surface`, `--bg`, `--note-bg`,
    /// `--due-bg` behind notices), which the brand colour's links and its buttons' white text
    /// must stand out from.
    public static let lightBackgrounds = ["#ffffff", "#f5f7fa", "#eef2f7", "#fff1d6"].compactMap(RGBColor.init(hex:))
    /// The dark scheme's, in the same order (under `prefers-color-scheme: dark`).
    public static let darkBackgrounds = ["#151d27", "#0e141b", "#1b2531", "#3a2a10"].compactMap(RGBColor.init(hex:))
    /// WCAG 2 level AA for body text.
    public static let minimumContrast = 4.5
}
