import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// A front-matter value read from YAML or TOML, reduced to what the field mapping needs:
/// text (strings, numbers, booleans and dates as written), lists and tables. TOMLKit's own
/// values wrap C++ objects and are not Sendable, so they are converted as soon as they are read.
package enum FrontMatterValue: Sendable, Equatable {
    case text(String)
    case list([FrontMatterValue])
    case table([String: FrontMatterValue])

    package var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }
}
