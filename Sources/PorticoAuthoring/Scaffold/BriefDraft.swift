import Foundation
import PorticoModel
import PorticoProject
import PorticoSite
import PorticoSupport

/// `portico new brief YYYY-MM`: a draft brief with what the month already knows filled in, so
/// writing it is editing rather than collecting.
package enum BriefDraft {
    package static func text(month: Month, loaded: LoadedContent) -> String {
        let window = BriefSelection.changeWindow(for: month, briefMonths: loaded.briefs.map(\.month))
        let since = window.after.adding(days: 1)
        let changed = loaded.assets.filter { !$0.draft && window.after < $0.reviewed && !(window.until < $0.reviewed) }
            .sorted { ($1.reviewed, $0.id) < ($0.reviewed, $1.id) }
        let campaigns = loaded.campaigns.filter {
            $0.isUpcoming(from: month.firstDay, within: BriefSelection.campaignWindow)
        }
        .sorted { ($0.starts, $0.id) < ($1.starts, $1.id) }
        let featured = Set(loaded.briefs.compactMap(\.story?.id))
        let story = loaded.stories.filter { !featured.contains($0.id) }
            .max { ($0.date, $1.id) < ($1.date, $0.id) }

        var lines = [
            "---",
            "month: \"\(month)\"",
            "title: \"\(month.label)\"",
            "summary: What changed for partners in \(month.label).",
        ]
        if let story { lines.append("story: \(story.id)") }
        lines += ["draft: true", "---", "## What's new", ""]
        if changed.isEmpty {
            lines.append("<!-- Nothing in the library was added or reviewed from \(since) to \(window.until). -->")
        } else {
            lines.append(
                "<!-- Added or reviewed from \(since) to \(window.until): say in a line what changed for partners, "
                    + "and drop what does not matter to them. -->")
            lines.append("")
            for asset in changed {
                lines.append("- [\(markdownText(asset.title))](../\(asset.sourcePath)): \(markdownText(asset.summary))")
            }
        }
        lines += ["", "## Upcoming campaigns", ""]
        var comment = [
            "<!-- Left empty, this section lists for each partner the campaigns meant for them (campaigns.yml)."
        ]
        if campaigns.isEmpty {
            comment.append("No campaign runs in \(month.label) or starts in the 60 days after the 1st.")
        } else {
            comment.append("Running or starting within 60 days of the 1st:")
            comment += campaigns.map { "- \($0.name) (\($0.starts) to \($0.ends))" }
        }
        comment.append("Write text here only to replace that list for everyone. -->")
        lines += comment
        lines += ["", "## Success story", ""]
        if let story {
            lines.append(
                "<!-- Left empty, this section shows '\(story.title)' (story: \(story.id)), the newest story "
                    + "not yet in a brief. -->")
        } else {
            lines.append("<!-- No story is waiting: write one in stories/, then set 'story' above. -->")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Characters that would turn text into Markdown syntax inside a list item's link.
    package static let markdownSyntax: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~"]

    /// Text from content, safe inside a Markdown link and a list item: syntax characters are escaped.
    package static func markdownText(_ text: String) -> String {
        var result = ""
        for character in text {
            if markdownSyntax.contains(character) {
                result.append("\\")
            }
            result.append(character == "\n" ? " " : character)
        }
        return result
    }
}

extension Scaffold {
    /// Writes `briefs/<month>.md`, refusing to overwrite. Returns the path below the content folder.
    public static func newBrief(month: Month, content: URL) throws -> String {
        let loaded = ContentLoader(contentURL: content, displayPath: content.relativePath).load(into: DiagnosticLog())
        return try create("briefs/\(month).md", text: BriefDraft.text(month: month, loaded: loaded), in: content)
    }
}
