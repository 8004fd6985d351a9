import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// How a download is described on its asset's page: the kind of file a partner will get.
package enum DownloadLabel {
    package static func kind(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        let ext = parts.count > 1 && !parts[0].isEmpty ? parts[parts.count - 1].lowercased() : ""
        switch ext {
        case "pdf": return "PDF document"
        case "ppt", "pptx", "key", "odp": return "Slide deck"
        case "xls", "xlsx", "ods", "numbers": return "Spreadsheet"
        case "csv": return "CSV spreadsheet"
        case "doc", "docx", "odt", "pages", "rtf": return "Document"
        case "zip", "gz", "tgz", "7z": return "Archive"
        case "png", "jpg", "jpeg", "gif", "webp", "avif": return "Image (\(ext.uppercased()))"
        case "svg": return "Image (SVG)"
        case "mp4", "mov", "webm": return "Video"
        case "mp3", "m4a", "wav": return "Audio"
        case "txt", "md": return "Text"
        default: return ext.isEmpty ? "File" : ext.uppercased() + " file"
        }
    }
}
