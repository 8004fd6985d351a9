import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// `content/.portico-import.json`: which documents of which folder became which assets. It lets
/// a second import of the same folder skip what it already imported, and lets a new document's
/// links reach assets imported before. It lives with the content, so it is committed with it.
package struct ImportRecord: Codable, Sendable, Equatable {
    package static let fileName = ".portico-import.json"

    package struct Folder: Codable, Sendable, Equatable {
        /// The imported folder, relative to the content folder (`../docs`), so the record means
        /// the same in every clone of the repository.
        package var folder: String
        /// Asset id by document path below the folder.
        package var documents: [String: String]
    }

    package var version = 1
    package var imports: [Folder] = []

    /// The record in `content`, an empty one when there is none yet.
    package static func read(content: URL, displayPath: String) throws(PorticoError) -> ImportRecord {
        let url = content.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return ImportRecord() }
        do {
            return try JSONDecoder().decode(ImportRecord.self, from: Data(contentsOf: url))
        } catch {
            throw PorticoError.usage(
                "\(displayPath) is not an import record Portico can read (\(error.localizedDescription)); "
                    + "restore it from version control")
        }
    }

    /// The entry for the folder at `relativePath` from the content folder: the same path, or
    /// else the only entry whose folder has the same name (the folder moved).
    package func index(of relativePath: String) -> Int? {
        if let same = imports.firstIndex(where: { $0.folder == relativePath }) { return same }
        let name = ImportPath.name(of: relativePath)
        let named = imports.indices.filter { ImportPath.name(of: imports[$0].folder) == name }
        return named.count == 1 ? named[0] : nil
    }

    /// Every asset id any import has used, so a new document never takes an id that an earlier
    /// import gave out, even when that asset has since been renamed or deleted.
    package var allIDs: Set<String> {
        Set(imports.flatMap(\.documents.values))
    }

    /// The record with `documents` added under the folder at `relativePath`.
    package func adding(_ documents: [String: String], folder relativePath: String) -> ImportRecord {
        var record = self
        if let index = index(of: relativePath) {
            record.imports[index].folder = relativePath
            record.imports[index].documents.merge(documents) { _, new in new }
        } else {
            record.imports.append(Folder(folder: relativePath, documents: documents))
            record.imports.sort { $0.folder < $1.folder }
        }
        return record
    }

    /// Pretty, sorted JSON ending in a newline, so it diffs well and two runs write the same bytes.
    package func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }
}
