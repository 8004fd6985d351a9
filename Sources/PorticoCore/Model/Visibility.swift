/// Who may read a page. Every page that is not public is encrypted for its readers.
public enum Visibility: Sendable, Hashable {
    case `public`
    /// Every partner's contacts and the team.
    case partners
    /// One partner's contacts and the team.
    case partner(String)
    /// Team members only.
    case team

    /// The name of the group whose content key encrypts the page; nil for public pages.
    public var group: String? {
        switch self {
        case .public: nil
        case .partners: "partners"
        case .partner(let id): "partner:\(id)"
        case .team: "team"
        }
    }
}

/// What an asset's front matter, or the program's default, may say.
public enum AssetVisibility: String, Sendable, CaseIterable {
    case `public`
    case partners
    case team

    public var visibility: Visibility {
        switch self {
        case .public: .public
        case .partners: .partners
        case .team: .team
        }
    }
}
