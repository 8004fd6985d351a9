import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// The `import ... from '...'` and `export ...` statements MDX files open with. They load
/// React components for the generator's site and mean nothing in Portico, so they are removed.
package struct MDXPreamble: Sendable, Equatable {
    /// UTF-8 offsets in the body: the statements and the blank lines after them.
    package var range: Range<Int>
    /// Each removed statement's first line (body line, from 1) and text.
    package var statements: [Statement]

    package struct Statement: Sendable, Equatable {
        package var line: Int
        package var text: String
    }

    /// The statements at the top of `body`, after any blank lines; nil when it opens otherwise.
    package static func find(in body: String) -> MDXPreamble? {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        var offset = 0
        var index = 0
        var start: Int?
        var end = 0
        var statements: [Statement] = []
        while index < lines.count {
            let line = lines[index]
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                offset += line.utf8.count + 1
                index += 1
                continue
            }
            guard opensStatement(line) else { break }
            if start == nil { start = offset }
            statements.append(Statement(line: index + 1, text: String(line)))
            // A statement runs on while its braces, brackets or parentheses are open.
            var depth = 0
            repeat {
                depth += balance(lines[index])
                offset += lines[index].utf8.count + 1
                index += 1
            } while depth > 0 && index < lines.count
            end = offset
            // Take the blank lines after it too, so the body does not open with a gap.
            while index < lines.count, lines[index].allSatisfy({ $0 == " " || $0 == "\t" }) {
                offset += lines[index].utf8.count + 1
                index += 1
                end = offset
            }
        }
        guard let start, !statements.isEmpty else { return nil }
        return MDXPreamble(range: start..<min(end, body.utf8.count), statements: statements)
    }

    /// `import X from 'y'`, `import {A, B} from "y"`, `import 'y'`, `import {` (continued), or
    /// `export const|let|var|function|default|{ ...`: never a sentence of prose.
    private static func opensStatement(_ line: Substring) -> Bool {
        if line.hasPrefix("import ") {
            let rest = line.dropFirst(7).trimmingCharacters(in: .whitespaces)
            return rest.hasPrefix("'") || rest.hasPrefix("\"") || rest.hasPrefix("{") && !rest.contains("}")
                || line.range(of: #"\sfrom\s+['"]"#, options: .regularExpression) != nil
        }
        if line.hasPrefix("export ") {
            let rest = line.dropFirst(7).trimmingCharacters(in: .whitespaces)
            return ["const ", "let ", "var ", "function ", "default ", "async function ", "{"].contains {
                rest.hasPrefix($0)
            }
        }
        return false
    }

    private static func balance(_ line: Substring) -> Int {
        line.reduce(0) { depth, character in
            switch character {
            case "{", "(", "[": depth + 1
            case "}", ")", "]": depth - 1
            default: depth
            }
        }
    }
}
