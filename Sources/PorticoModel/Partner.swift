import PorticoSupport

/// `content/partners/<id>.yml`: one partner organisation.
public struct Partner: Sendable {
    public var id: String
    public var name: String
    public var kind: PartnerKind
    public var tier: Reference
    public var status: PartnerStatus
    public var since: Day
    /// Where `since` and `status` are written, for the warnings about how long a partner has
    /// been in a state.
    public var sinceLocation: SourceLocation
    public var statusLocation: SourceLocation
    public var manager: Reference?
    public var website: String?
    public var audience: MarkdownSource
    public var contacts: [Contact]
    public var featured: [Reference]
    /// Written in the partner file; the partner's id in capitals otherwise (`referralCode`).
    public var explicitReferralCode: Reference?
    public var referralOverrides: ReferralOverrides
    public var integration: Integration?
    /// Targets from joint planning, by quarter (`plan:`).
    public var plan: [Quarter: QuarterPlan] = [:]
    public var source: SourceLocation
    /// Where `name` and `website` are written, for the warnings about placeholders.
    public var nameLocation: SourceLocation?
    public var websiteLocation: SourceLocation?

    /// The code that carries the partner's credit on every referral. The default is derived
    /// from the id, so it is stable and, ids being unique, unique among defaults.
    public var referralCode: String { explicitReferralCode?.id ?? id.uppercased() }

    package init(
        id: String, name: String, kind: PartnerKind, tier: Reference, status: PartnerStatus, since: Day,
        sinceLocation: SourceLocation, statusLocation: SourceLocation, manager: Reference? = nil,
        website: String? = nil, audience: MarkdownSource, contacts: [Contact], featured: [Reference],
        explicitReferralCode: Reference? = nil, referralOverrides: ReferralOverrides, integration: Integration? = nil,
        source: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.tier = tier
        self.status = status
        self.since = since
        self.sinceLocation = sinceLocation
        self.statusLocation = statusLocation
        self.manager = manager
        self.website = website
        self.audience = audience
        self.contacts = contacts
        self.featured = featured
        self.explicitReferralCode = explicitReferralCode
        self.referralOverrides = referralOverrides
        self.integration = integration
        self.source = source
    }
}

public enum PartnerKind: String, Sendable, CaseIterable {
    case referral
    case integration

    public var label: String {
        switch self {
        case .referral: "Referral partner"
        case .integration: "Integration partner"
        }
    }
}

public enum PartnerStatus: String, Sendable, CaseIterable {
    case prospect
    case onboarding
    case active
    case sunsetting
    case retired

    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// A person at a partner.
public struct Contact: Sendable {
    public var name: String
    public var role: String
    /// A contact without an address has no access link and gets no email (a warning says so).
    public var email: String?
    public var since: Day?
    public var source: SourceLocation
    /// Where `name` and `email` are written, for the warnings about placeholders.
    public var nameLocation: SourceLocation?
    public var emailLocation: SourceLocation?

    /// A contact whose address a scaffold wrote, or one at an example domain: they get no access
    /// link and no email, which would go to nobody or to a stranger.
    public var hasPlaceholderAddress: Bool { email.map(Placeholder.isAddress) ?? false }

    package init(name: String, role: String, email: String? = nil, since: Day? = nil, source: SourceLocation) {
        self.name = name
        self.role = role
        self.email = email
        self.since = since
        self.source = source
    }
}

/// An id written in content that names something defined elsewhere, kept with its place so
/// an unknown id can be reported where it was written.
public struct Reference: Sendable, Hashable {
    public var id: String
    public var location: SourceLocation

    public init(id: String, location: SourceLocation) {
        self.id = id
        self.location = location
    }
}
