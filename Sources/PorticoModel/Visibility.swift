import PorticoSupport

/// Who may read a page. Every page that is not public is encrypted for its readers.
public enum Visibility: Sendable, Hashable {
    case `public`
    /// Every partner's contacts and the team.
    case partners
    /// One partner's contacts and the team.
    case partner(String)
    /// Team members only.
    case team

    /// Whether a page readable by this audience may show something of `content`'s visibility:
    /// everyone who can open the page must be allowed to see it.
    public func mayShow(_ content: Visibility) -> Bool {
        switch (self, content) {
        case (_, .public): true
        case (.partners, .partners), (.partner, .partners), (.team, _): true
        case (.partner(let reader), .partner(let owner)): reader == owner
        default: false
        }
    }

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
