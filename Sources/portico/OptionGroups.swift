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
