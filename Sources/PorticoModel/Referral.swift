import PorticoSupport

/// How partners refer opportunities and register deals: the `referral`, `incentives`,
/// `attribution` and `deal_registration` sections of `program.yml`.
public struct ReferralProgram: Sendable {
    /// Where a composed referral email goes when there is no form endpoint.
    public var email: String?
    /// An endpoint that accepts a plain HTML form POST.
    public var formAction: String?
    /// Who is a good fit, in a sentence or two: the top of the one-minute version.
    public var goodFit: String?
    public var fields: FieldSelection
    /// What makes an opportunity qualified, shown as a checklist before the form.
    public var qualification: [String]
    public var handoff: Handoff
    /// How and when the partner hears back.
    public var feedback: String
    public var incentives: [Incentive]
    public var attribution: String
    public var registration: DealRegistration?
    /// The `referral` key, for warnings about the section as a whole.
    public var source: SourceLocation

    package init(
        email: String? = nil, formAction: String? = nil, goodFit: String? = nil, fields: FieldSelection,
        qualification: [String], handoff: Handoff, feedback: String, incentives: [Incentive], attribution: String,
        registration: DealRegistration? = nil, source: SourceLocation
    ) {
        self.email = email
        self.formAction = formAction
        self.goodFit = goodFit
        self.fields = fields
        self.qualification = qualification
        self.handoff = handoff
        self.feedback = feedback
        self.incentives = incentives
        self.attribution = attribution
        self.registration = registration
        self.source = source
    }
}

/// The form fields an opportunity needs, from the catalogue, in the order they are shown.
public struct FieldSelection: Sendable {
    public var required: [ReferralField]
    public var optional: [ReferralField]

    /// The same selection with a different required list: a field that becomes required
    /// leaves the optional list, so no field is asked twice.
    public func requiring(_ required: [ReferralField]) -> FieldSelection {
        FieldSelection(required: required, optional: optional.filter { !required.contains($0) })
    }

    package init(required: [ReferralField], optional: [ReferralField]) {
        self.required = required
        self.optional = optional
    }
}

public struct Handoff: Sendable {
    /// The team member who picks a referral up (a partner's own manager, on their pages).
    public var owner: Reference
    public var responseHours: Int
    public var firstCallDays: Int
    public var steps: [String]

    package init(owner: Reference, responseHours: Int, firstCallDays: Int, steps: [String]) {

        self.owner = owner

        self.responseHours = responseHours

        self.firstCallDays = firstCallDays

        self.steps = steps

    }

}

public struct Incentive: Sendable {
    public var stage: IncentiveStage
    public var reward: String

    package init(stage: IncentiveStage, reward: String) {

        self.stage = stage

        self.reward = reward

    }

}

/// Stages of an opportunity a reward can be tied to. There is deliberately no stage for a
/// bare introduction: rewards follow qualified outcomes.
public enum IncentiveStage: String, Sendable, CaseIterable {
    case qualified
    case discovery
    case proposal
    case won
    case live
    case renewal

    public var label: String {
        switch self {
        case .qualified: "Qualified"
        case .discovery: "Discovery call held"
        case .proposal: "Proposal sent"
        case .won: "Won"
        case .live: "Live"
        case .renewal: "Renewed"
        }
    }
}

public struct DealRegistration: Sendable {
    public var protectionDays: Int
    public var fields: FieldSelection
    public var rules: [String]
    /// How overlapping claims are settled.
    public var conflicts: [String]

    package init(protectionDays: Int, fields: FieldSelection, rules: [String], conflicts: [String]) {

        self.protectionDays = protectionDays

        self.fields = fields

        self.rules = rules

        self.conflicts = conflicts

    }

}

/// A partner's own referral terms, where they differ from the program's.
public struct ReferralOverrides: Sendable {
    public var required: [ReferralField]?
    public var qualification: [String]?
    public var responseHours: Int?

    public init(required: [ReferralField]? = nil, qualification: [String]? = nil, responseHours: Int? = nil) {
        self.required = required
        self.qualification = qualification
        self.responseHours = responseHours
    }
}

/// What an integration partner's integration does and where its users get help.
public struct Integration: Sendable {
    public var summary: String
    /// An asset id or an http(s) URL.
    public var setupGuide: SetupGuide?
    public var support: String
    public var supportEmail: String?

    package init(summary: String, setupGuide: SetupGuide? = nil, support: String, supportEmail: String? = nil) {
        self.summary = summary
        self.setupGuide = setupGuide
        self.support = support
        self.supportEmail = supportEmail
    }
}

public enum SetupGuide: Sendable {
    case asset(Reference)
    case url(String)
}
