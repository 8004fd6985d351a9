import Foundation
import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// The theme a build uses: the built-in default theme, with each file that a templates folder
/// holds replacing the built-in file of the same path.
public struct Theme: Sendable {
    public struct File: Sendable {
        public var data: Data
        /// How the file is named in diagnostics: its path on disk, or `(built-in)/NAME`.
        public var displayPath: String
    }

    /// By path relative to the theme folder, such as `partials/person.mustache`.
    public private(set) var files: [String: File]

    public static let builtInPrefix = "(built-in theme)"

    public static var builtIn: Theme {
        Theme(
            files: BuiltInTheme.files.reduce(into: [:]) { files, entry in
                files[entry.key] = File(data: entry.value, displayPath: "\(builtInPrefix)/\(entry.key)")
            })
    }

    /// The built-in theme overridden file by file by `folder`, when it exists.
    public static func load(overridesIn folder: URL?, displayPath: String) -> Theme {
        var theme = builtIn
        guard let folder, let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return theme }
        while let relative = enumerator.nextObject() as? String {
            let url = folder.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                let data = FileManager.default.contents(atPath: url.path)
            else { continue }
            theme.files[relative] = File(data: data, displayPath: displayPath + "/" + relative)
        }
        return theme
    }

    /// Templates: `.mustache` files outside `static/`, named by path without the extension.
    public var templates: [(name: String, file: File)] {
        files.filter { $0.key.hasSuffix(".mustache") && !$0.key.hasPrefix("static/") }
            .map { (String($0.key.dropLast(".mustache".count)), $0.value) }
            .sorted { $0.name < $1.name }
    }

    /// Files copied to `site/static/`, by path below `static/`.
    public var staticFiles: [(path: String, data: Data)] {
        files.filter { $0.key.hasPrefix("static/") }
            .map { (String($0.key.dropFirst("static/".count)), $0.value.data) }
            .sorted { $0.path < $1.path }
    }
}
