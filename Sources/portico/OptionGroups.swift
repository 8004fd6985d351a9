import ArgumentParser
import Foundation
import PorticoAccess
import PorticoProject
import PorticoSupport

// The options several commands share, each declared once here; a command offers the groups
// that make sense for it with `@OptionGroup`.

/// `--content`: every command that reads or writes the content folder.
struct ContentOption: ParsableArguments {
    @Option(help: "The content folder.")
    var content = "content"
}

/// `--templates`: commands that render pages or email.
struct ThemeOption: ParsableArguments {
    @Option(help: "A folder whose files override the built-in theme (default: templates, when it exists).")
    var templates: String?

    /// The templates folder to use: the one given, or ./templates when it exists.
    var folder: String? {
        if let templates { return templates }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: "templates", isDirectory: &isDirectory)
        return exists && isDirectory.boolValue ? "templates" : nil
    }
}

/// `--date`: commands whose output depends on today (review states, dates written in email).
struct DateOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Today's date for review states and dated messages, to make output reproducible (default: today).",
            valueName: "YYYY-MM-DD"))
    var date: String?

    func validate() throws {
        if let date, Day(date) == nil {
            throw ValidationError("--date must be a date written YYYY-MM-DD, not '\(date)'")
        }
    }

    var day: Day { date.flatMap(Day.init) ?? .today }
}

/// `--secret-file`: commands that derive access keys.
struct SecretOption: ParsableArguments {
    @Option(help: ArgumentHelp("The master secret's file, when PORTICO_SECRET is not set.", valueName: "file"))
    var secretFile = MasterSecret.defaultFile

    var source: AccessSource { AccessSource(secretFile: secretFile) }
}

/// `--encrypt/--no-encrypt`: commands that write private pages or links to them.
struct EncryptOption: ParsableArguments {
    @Flag(
        inversion: .prefixedNo,
        help:
            "Encrypt private pages and give links their keys; --no-encrypt is for a portal published in the clear, behind access control of the host's own."
    )
    var encrypt = true
}

/// `--mail`: commands that write or read the briefs' and welcome emails.
struct MailOption: ParsableArguments {
    @Option(help: "The mail folder: built emails go below it, outside the site, since they carry personal links.")
    var mail = "mail"
}

/// The project a command reads: `--content`, `--templates` and `--date` together.
struct ProjectOptionGroup: ParsableArguments {
    @OptionGroup var content: ContentOption
    @OptionGroup var theme: ThemeOption
    @OptionGroup var date: DateOption

    var options: ProjectOptions {
        ProjectOptions(content: content.content, templates: theme.folder, date: date.day)
    }
}

/// `--quiet`, and the one way commands other than `build` and `check` print the content's
/// problems: errors in full, since they stop the command, and the warnings as one line that
/// counts them, since they are `check`'s to list and would bury what the command prints.
struct QuietOption: ParsableArguments {
    @Flag(help: "Leave out the content's warnings; errors are printed in full all the same.")
    var quiet = false

    /// Prints `diagnostics`' errors and, unless `--quiet`, a line counting their warnings.
    func printContentProblems(_ diagnostics: [Diagnostic], content: String) {
        for diagnostic in diagnostics.sorted() where diagnostic.severity == .error {
            FileHandle.standardError.write(Data((diagnostic.formatted + "\n").utf8))
        }
        printWarningCount(diagnostics.count { $0.severity == .warning }, content: content)
    }

    /// Unless `--quiet`, one line saying how many warnings the content has and how to see them.
    func printWarningCount(_ warnings: Int, content: String) {
        guard !quiet, warnings > 0 else { return }
        FileHandle.standardError.write(Data((Self.countLine(warnings, content: content) + "\n").utf8))
    }

    static func countLine(_ warnings: Int, content: String) -> String {
        let check = content == "content" ? "portico check" : "portico check --content \(content)"
        return "\(warnings) content warning\(warnings == 1 ? "" : "s") (run '\(check)' to see them)"
    }
}
