import PorticoModel
import PorticoSupport

/// GitHub task lists render as bare, disabled checkboxes, which have no accessible name. Each
/// one is wrapped, with the item's text, in a `<label>`, and marked done or open so print styles
/// can show ☑ and ☐ instead of a form control. The checkboxes can be ticked: a checklist asks
/// its reader to tick its items as they go (nothing is sent or kept).
package enum TaskListLabels {
    /// cmark-gfm's task-list output: the only `<input>` safe mode lets through.
    package static let checkbox = "<input type=\"checkbox\""

    package static func apply(_ html: String) -> String {
        guard html.containsUTF8(checkbox) else { return html }
        var output = ""
        output.reserveCapacity(html.utf8.count + 256)
        var rest = html[...]
        while let start = rest.firstUTF8Range(of: checkbox) {
            output += rest[..<start.lowerBound]
            for opening in ["<li>", "<li>\n<p>"] where output.hasSuffix(opening) {
                output.removeLast(opening.count)
                output += opening.replacingOccurrences(of: "<li>", with: "<li class=\"task-item\">")
            }
            guard let inputEnd = rest[start.lowerBound...].firstUTF8Range(of: "/>") else { break }
            let input = rest[start.lowerBound..<inputEnd.upperBound]
            var afterInput = rest[inputEnd.upperBound...]
            // In a loose list the item's text is a paragraph after the checkbox: label that.
            let trimmed = afterInput.drop { $0 == " " }
            if trimmed.hasPrefix("\n<p>") {
                output += "\n<p>"
                afterInput = trimmed.dropFirst("\n<p>".count)
            }
            // The item's own text runs to the end of its paragraph or item, before any nested block.
            let stops = ["</li>", "</p>", "\n<"].compactMap { afterInput.firstUTF8Range(of: $0)?.lowerBound }
            let textEnd = stops.min() ?? afterInput.endIndex
            let done = input.contains("checked")
            output += "<label class=\"task\(done ? " task-done" : "")\">"
            output += input.replacingOccurrences(of: " disabled=\"\"", with: "").replacingOccurrences(
                of: " />", with: ">")
            if !afterInput.hasPrefix(" ") { output += " " }
            output += afterInput[..<textEnd]
            output += "</label>"
            rest = afterInput[textEnd...]
        }
        output += rest
        return output
    }
}
