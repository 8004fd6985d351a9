/// How long a text takes to read: its words, counted the same way wherever a reading time is
/// shown (asset pages, the start path, the welcome email).
public enum ReadingTime {
    /// Words a reader gets through in a minute.
    public static let wordsPerMinute = 200

    /// Runs of text between spaces that hold a letter or digit (`-` or `*` alone are not
    /// words). Counted over UTF-8 bytes: every asset is counted on every build, and walking
    /// Characters cost a fifth of a build's time. Bytes of 0x80 and up belong to non-ASCII
    /// letters, which count as letters here.
    public static func words(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            byteKinds.withUnsafeBufferPointer { kinds in
                var count = 0
                var inWord = false
                var hasLetter = false
                for byte in bytes {
                    let kind = kinds[Int(byte)]
                    if kind == space {
                        if inWord, hasLetter { count += 1 }
                        inWord = false
                        hasLetter = false
                    } else {
                        inWord = true
                        hasLetter = hasLetter || kind == letter
                    }
                }
                return inWord && hasLetter ? count + 1 : count
            }
        }
    }

    private static let (space, letter, other): (UInt8, UInt8, UInt8) = (0, 1, 2)
    /// What each byte is to `words`, looked up rather than worked out byte by byte.
    private static let byteKinds: [UInt8] = (0...255).map { byte -> UInt8 in
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C: space
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x80...: letter
        default: other
        }
    }

    /// Whole minutes for `words`, at least one.
    public static func minutes(_ words: Int) -> Int { max(1, (words + wordsPerMinute - 1) / wordsPerMinute) }
}
