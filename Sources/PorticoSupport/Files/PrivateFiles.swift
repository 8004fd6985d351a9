import Foundation

/// Files only their owner may read: the emails (each carries a person's working access link)
/// and the record of who was sent what. Made with their modes from the first system call, so
/// that no other user of the machine can open them in between.
package enum PrivateFiles {
    package static let folderMode: mode_t = 0o700
    package static let fileMode: mode_t = 0o600

    /// `url` and its missing parents, each 0700; an existing folder keeps its mode.
    package static func createFolder(_ url: URL) throws {
        var path = ""
        for part in url.standardizedFileURL.path.split(separator: "/") {
            path += "/" + part
            guard mkdir(path, folderMode) == 0 || errno == EEXIST else { throw error(path) }
        }
    }

    /// Writes `data` to `url` (replacing what is there) with mode 0600.
    package static func write(_ data: Data, to url: URL) throws {
        if let code = writeFile(data, path: url.path, mode: fileMode) {
            errno = code
            throw error(url.path)
        }
    }

    /// Writes `data` to `path` with plain POSIX calls, the file made with `mode` (and an existing
    /// one set to it); the error number on failure, nil on success.
    package static func writeFile(_ data: Data, path: String, mode: mode_t) -> Int32? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard descriptor >= 0 else { return errno }
        defer { close(descriptor) }
        // A private file that existed keeps its old mode through O_TRUNC: set it.
        if mode == fileMode, fchmod(descriptor, mode) != 0 { return errno }
        return writeAll(data, to: descriptor)
    }

    /// Makes a new file at `path` holding `data`, 0600 from the call that creates it; refuses
    /// what exists there, a link included, and syncs it to disk (the master secret). The error
    /// number on failure, when nothing is left behind; nil on success.
    package static func createNew(_ data: Data, path: String) -> Int32? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, fileMode)
        guard descriptor >= 0 else { return errno }
        defer { close(descriptor) }
        if let code = writeAll(data, to: descriptor) ?? (fsync(descriptor) == 0 ? nil : errno) {
            unlink(path)
            return code
        }
        return nil
    }

    private static func writeAll(_ data: Data, to descriptor: Int32) -> Int32? {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Int32? in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
    }

    private static func error(_ path: String) -> any Error {
        NSError(
            domain: NSPOSIXErrorDomain, code: Int(errno),
            userInfo: [NSLocalizedDescriptionKey: "\(path): \(String(cString: strerror(errno)))"])
    }
}
