import Foundation

/// The controls of one `<form>` in a built page, read from its HTML as a browser would see
/// their attributes: enough to assert a form's field set without a browser.
struct FormControl: Equatable, CustomStringConvertible {
    var tag: String
    var name: String
    var type: String
    var required: Bool
    var value: String?

    var description: String { "\(name):\(type)\(required ? "!" : "")" + (value.map { "=\($0)" } ?? "") }

    /// The opening tag of the form with `id`, or nil.
    static func formTag(in html: String, id: String) -> String? {
        guard let start = html.range(of: "<form id=\"\(id)\"") else { return nil }
        return String(html[start.lowerBound...].prefix { $0 != ">" })
    }

    /// Every `<input>` and `<textarea>` inside the form with `id`, in document order.
    static func controls(in html: String, formID: String) -> [FormControl] {
        guard let start = html.range(of: "<form id=\"\(formID)\""),
            let end = html.range(of: "</form>", range: start.upperBound..<html.endIndex)
        else { return [] }
        let form = html[start.upperBound..<end.lowerBound]
        var controls: [FormControl] = []
        var rest = form
        while let open = rest.range(of: "<") {
            let tag = rest[open.upperBound...].prefix { $0 != ">" }
            rest = rest[open.upperBound...]
            let tagName = tag.prefix { $0 != " " }
            guard tagName == "input" || tagName == "textarea" else { continue }
            let attributes = Self.attributes(String(tag))
            guard let name = attributes["name"] else { continue }
            controls.append(
                FormControl(
                    tag: String(tagName), name: name,
                    type: tagName == "textarea" ? "textarea" : attributes["type"] ?? "text",
                    required: attributes.keys.contains("required"),
                    value: attributes["type"] == "hidden" ? attributes["value"] : nil))
        }
        return controls
    }

    /// `name="value"` pairs and bare attributes of one tag, values unescaped.
    static func attributes(_ tag: String) -> [String: String] {
        var attributes: [String: String] = [:]
        var rest = tag.drop { $0 != " " }
        while let nameStart = rest.firstIndex(where: { $0 != " " }) {
            rest = rest[nameStart...]
            let name = rest.prefix { $0 != "=" && $0 != " " }
            rest = rest.dropFirst(name.count)
            if rest.hasPrefix("=\"") {
                rest = rest.dropFirst(2)
                let value = rest.prefix { $0 != "\"" }
                attributes[String(name)] = unescape(String(value))
                rest = rest.dropFirst(value.count + 1)
            } else {
                attributes[String(name)] = ""
            }
        }
        return attributes
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
