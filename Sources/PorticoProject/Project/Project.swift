import PorticoMarkdown
import PorticoModel
import PorticoSupport

/// A content folder read and validated: what `build`, `check`, `serve`, `links`, `welcome` and
/// `new contact` all start from. Reading (the load stage) and validating are two steps, so a
/// build can parse its theme between them and time each stage; `load` does both.
public struct Project: Sendable {
    public let options: ProjectOptions
    /// The files as read, including what validation dropped: the preview edits these in place.
    public var loaded: LoadedContent
    /// The content once every rule across files held or was reported.
    public var content: Content

    package init(options: ProjectOptions, loaded: LoadedContent, content: Content) {
        self.options = options
        self.loaded = loaded
        self.content = content
    }

    /// The load stage: every file of the content folder read into values, each problem at its
    /// place in `log`. `bodies` says whether asset texts stay in memory (`portico serve`) or are
    /// read again when their pages render.
    public static func read(
        _ options: ProjectOptions, bodies: AssetBody.Keeping = .inFile, into log: DiagnosticLog
    ) -> LoadedContent {
        var loader = ContentLoader(
            contentURL: options.contentURL, displayPath: options.contentDisplayPath, bodies: bodies)
        loader.lenientPipeline = options.lenient
        return loader.load(into: log)
    }

    /// The validate stage: the program's rules across files, each problem in `log`. Nil when the
    /// content cannot be validated at all (no program); otherwise a project, whatever `log` holds.
    public static func validate(_ loaded: LoadedContent, options: ProjectOptions, into log: DiagnosticLog) -> Project? {
        ContentValidator(today: options.date).validate(loaded, into: log).map {
            Project(options: options, loaded: loaded, content: $0)
        }
    }

    /// Both stages, for a command that needs the content: nil, with the reasons in `log`, when
    /// the content could not be validated.
    public static func load(
        _ options: ProjectOptions, bodies: AssetBody.Keeping = .inFile, into log: DiagnosticLog
    ) -> Project? {
        validate(read(options, bodies: bodies, into: log), options: options, into: log)
    }
}
