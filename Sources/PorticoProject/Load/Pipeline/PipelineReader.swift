import Foundation
import PorticoModel
import PorticoSupport
import SwiftCSV

/// Reads the CRM exports in `pipeline/` into opportunities, with SwiftCSV: quoted fields with
/// commas and line breaks, CRLF, a UTF-8 byte order mark, `;` or tab delimiters, short rows.
/// Every bad cell is reported at its file, line and column; with `lenient` its row is dropped
/// with a warning instead of failing the build.
package struct PipelineReader {
    package let folder: ContentFolder
    package let exports: [PipelineExport]
    package let partners: [Partner]
    package let lenient: Bool

    package struct Result: Sendable {
        package var opportunities: [Opportunity] = []
        package var files: [PipelineFileSummary] = []
    }

    package func read(into issues: IssueList) -> Result {
        var result = Result()
        let files = folder.files(in: "pipeline", extensions: ["csv"], what: "a CRM export (.csv)", issues: issues)
        let partnerIndex = PartnerIndex(partners)
        for file in files {
            guard
                let export = exports.first(where: {
                    fnmatch($0.files, file.relativePath.split(separator: "/").last.map(String.init) ?? "", 0) == 0
                })
            else {
                issues.add(
                    .error(
                        "pipeline-unread",
                        exports.isEmpty
                            ? "program.yml has no 'pipeline' settings to read this export with"
                            : "no export in program.yml's 'pipeline' matches this file's name",
                        at: SourceLocation(file: file.displayPath, line: 1, column: 1),
                        hint: "add 'pipeline:' with the export's 'files', 'columns' and 'stages' (docs/pipeline.md)"))
                continue
            }
            let fileReader = PipelineFileReader(
                file: file, export: export, partners: partnerIndex, lenient: lenient, issues: issues)
            let (opportunities, summary) = fileReader.read()
            result.opportunities += opportunities
            result.files.append(summary)
        }
        return result
    }
}

/// A partner as an export may name it: its id, its name or its referral code, in any case.
package struct PartnerIndex: Sendable {
    private var byKey: [String: String] = [:]
    package let names: [String]

    package init(_ partners: [Partner]) {
        for partner in partners {
            for key in [partner.id, partner.name, partner.referralCode] { byKey[key.lowercased()] = partner.id }
        }
        names = partners.flatMap { [$0.id, $0.name] }
    }

    package func id(for text: String) -> String? { byKey[text.trimmed().lowercased()] }
}
