extension PartnerHealth {
    /// The summary as an aligned text table.
    public static func table(_ rows: [PartnerHealth]) -> String {
        let header = ["partner", "status", "contacts", "manager", "last brief", "first win", "stale assets"]
        let cells = rows.map { row in
            [
                row.id, row.status, String(row.contacts), row.manager ?? "none", row.lastBrief ?? "none",
                row.firstWin ?? "none", String(row.staleAssets),
            ]
        }
        let widths = header.indices.map { column in
            ([header] + cells).map { $0[column].count }.max() ?? 0
        }
        func line(_ values: [String]) -> String {
            zip(values, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: "  ")
                .trimmingTrailingSpaces()
        }
        return ([line(header)] + cells.map(line)).joined(separator: "\n") + "\n"
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        String(self[..<(lastIndex { $0 != " " }.map(index(after:)) ?? startIndex)])
    }
}
