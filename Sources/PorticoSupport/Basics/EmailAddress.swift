/// How an address is compared and fed to key derivation (docs/security.md, "People and epochs"):
/// ASCII letters in lower case, every other byte as written. Addresses are ASCII (the loader
/// refuses others at their line), so this is exact and the same in every language, unlike a
/// Unicode lower-casing, which Swift and Python do not agree on (`Σ`).
package enum EmailAddress {
    package static func normalized(_ address: String) -> String {
        String(decoding: address.utf8.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
    }
}
