/// Ids name partners, assets, tiers and team members: lowercase `[a-z0-9-]+`.
package enum Identifier {
    package static func isValid(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 100 && text.first != "-" && text.last != "-"
            && text.unicodeScalars.allSatisfy { scalar in
                ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-"
            }
    }

    package static let rule = "ids use lowercase letters, digits and '-', and neither start nor end with '-'"
}
