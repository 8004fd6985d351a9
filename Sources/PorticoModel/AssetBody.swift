import PorticoSupport

/// An asset's Markdown. `portico build` and `portico check` leave it in its file once the load
/// stage has read it, and read it again when the asset's page renders: a library of any size is
/// never held in memory whole. `portico serve` holds every body, to re-render without reading.
public struct AssetBody: Sendable, Hashable {
    /// Words of the text, for the reading time, counted when the file was read.
    public let words: Int
    package let storage: Storage

    package enum Storage: Sendable, Hashable {
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
        words = ReadingTime.words(source.text)
        storage =
            path.map { .inFile(BodyInFile(path: $0, start: source.start, digest: source.text.hashValue)) }
            ?? .held(source)
    }

    /// Where the body starts in its file.
    public var start: SourceLocation {
        switch storage {
        case .held(let source): source.start
        case .inFile(let file): file.start
        }
    }
}

/// Where a body that is not held lies, and a digest to tell whether the file still holds it.
package struct BodyInFile: Sendable, Hashable {
    /// The file, as the load stage read it.
    package var path: String
    package var start: SourceLocation
    /// `Hasher`'s value for the text: seeded per process, and only compared within one.
    package var digest: Int

    package init(path: String, start: SourceLocation, digest: Int) {
        (self.path, self.start, self.digest) = (path, start, digest)
    }
}
