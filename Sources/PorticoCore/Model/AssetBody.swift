/// An asset's Markdown. `portico build` and `portico check` leave it in its file once the load
/// stage has read it, and read it again when the asset's page renders: a library of any size is
/// never held in memory whole. `portico serve` holds every body, to re-render without reading.
public struct AssetBody: Sendable, Hashable {
    /// Words of the text, for the reading time, counted when the file was read.
    public let words: Int
    let storage: Storage

    enum Storage: Sendable, Hashable {
        case held(MarkdownSource)
        case inFile(BodyInFile)
    }

    /// Whether a loader keeps bodies in memory or reads them again when they are needed.
    public enum Keeping: Sendable {
        case held
        case inFile
    }

    /// `source`, held, or left in the file at `path` to be read again.
    public init(_ source: MarkdownSource, leftIn path: String? = nil) {
        words = StartPath.words(source.text)
        storage = path.map { .inFile(.noting(source, path: $0)) } ?? .held(source)
    }

    /// Where the body starts in its file.
    public var start: SourceLocation {
        switch storage {
        case .held(let source): source.start
        case .inFile(let file): file.start
        }
    }

    /// The text, read again from its file when it is not held; an error when the file has
    /// changed or gone since the load stage read it.
    public func source() -> Result<MarkdownSource, Diagnostic> {
        switch storage {
        case .held(let source): .success(source)
        case .inFile(let file): file.read()
        }
    }
}

/// Where a body that is not held lies, and a digest to tell whether the file still holds it.
struct BodyInFile: Sendable, Hashable {
    /// The file, as the load stage read it.
    var path: String
    var start: SourceLocation
    /// `Hasher`'s value for the text: seeded per process, and only compared within one.
    var digest: Int
}
