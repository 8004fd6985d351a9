/// A place in a source file. Lines and columns count from 1; a column counts Unicode scalars,
/// as libyaml and cmark do.
public struct SourceLocation: Sendable, Hashable, Comparable, Codable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

public enum Severity: String, Sendable, Comparable, Codable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// One problem with the user's input, with the place it was found.
public struct Diagnostic: Sendable, Hashable, Codable {
    public var severity: Severity
    /// A stable identifier, such as `unknown-reference`, for tools and documentation.
    public var code: String
    public var message: String
    public var location: SourceLocation?
    public var hint: String?

    public init(
        _ severity: Severity,
        _ code: String,
        _ message: String,
        at location: SourceLocation?,
        hint: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.hint = hint
    }

    public static func error(
        _ code: String, _ message: String, at location: SourceLocation?, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, code, message, at: location, hint: hint)
    }

    public static func warning(
        _ code: String, _ message: String, at location: SourceLocation?, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, code, message, at: location, hint: hint)
    }

    /// The compiler-style text: `path:line:column: severity: message`, then the hint.
    public var formatted: String {
        var text = ""
        if let location {
            text = "\(location.file):\(location.line):\(location.column): "
        }
        text += "\(severity.rawValue): \(message)"
        if let hint {
            text += "\n  hint: \(hint)"
        }
        return text
    }
}

extension Diagnostic: Comparable {
    /// Diagnostics print in source order so output is stable whatever order stages ran in.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        switch (lhs.location, rhs.location) {
        case (nil, nil): return lhs.message < rhs.message
        case (nil, _): return true
        case (_, nil): return false
        case (let l?, let r?):
            if l != r { return l < r }
            return lhs.message < rhs.message
        }
    }
}

/// A single diagnostic can travel as the failure of a `Result`.
extension Diagnostic: Error {}
