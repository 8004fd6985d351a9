/// Why a command did not do what it was asked: the one way Portico says no. The command line
/// prints the diagnostics that explain it (the content's own problems, when they are the
/// reason), then `error: description`, and exits with `exitStatus`.
public struct PorticoError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Kind: Sendable, Equatable {
        /// How Portico was asked to run: a folder, an option, a missing secret. Exit status 2.
        case usage
        /// What the project holds, or the state of its files, stands in the way. Exit status 1.
        case refused
    }

    public var kind: Kind
    public var description: String
    public var diagnostics: [Diagnostic]

    public init(_ kind: Kind, _ description: String, diagnostics: [Diagnostic] = []) {
        self.kind = kind
        self.description = description
        self.diagnostics = diagnostics
    }

    public static func usage(_ description: String) -> PorticoError { PorticoError(.usage, description) }

    public static func refused(_ description: String, diagnostics: [Diagnostic] = []) -> PorticoError {
        PorticoError(.refused, description, diagnostics: diagnostics)
    }

    public var exitStatus: Int32 { kind == .usage ? 2 : 1 }
}
