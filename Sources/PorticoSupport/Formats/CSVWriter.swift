import Foundation

/// Writes CSV as RFC 4180 describes it: a field holding the delimiter, a quote or a line break
/// is quoted, with its quotes doubled; lines end in CRLF. (SwiftCSV, which reads the exports,
/// keeps its writer to itself.)
public enum CSVWriter {
    public static func text(header: [String], rows: [[String]], delimiter: Character = ",") -> String {
        ([header] + rows).map { line(of: $0, delimiter: delimiter) + "\r\n" }.joined()
    }

    public static func line(of fields: [String], delimiter: Character = ",") -> String {
        fields.map { field in
            guard field.contains(where: { $0 == delimiter || $0 == "\"" || $0.isNewline }) else { return field }
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: String(delimiter))
    }
}
