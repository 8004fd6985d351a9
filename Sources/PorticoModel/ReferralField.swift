import PorticoSupport

/// The fixed catalogue of fields a referral or deal-registration form can ask for. A program
/// picks from it in `program.yml`; docs/content.md lists it. Fixed, so that every form stays
/// labelled, typed and validated by the browser without the program writing any HTML.
public enum ReferralField: String, Sendable, CaseIterable {
    case company
    case website
    case contactName = "contact_name"
    case contactRole = "contact_role"
    case contactEmail = "contact_email"
    case contactPhone = "contact_phone"
    case country
    case problem
    case currentSolution = "current_solution"
    case timeline
    case budget
    case sites
    case volume
    case decisionProcess = "decision_process"
    case expectedClose = "expected_close"
    case notes
    case consent

    /// How a field is entered; the browser validates each kind with JavaScript off.
    public enum Input: String, Sendable {
        case text, url, email, tel, number, date, textarea, checkbox
    }

    public var label: String {
        switch self {
        case .company: "Company"
        case .website: "Company website"
        case .contactName: "Contact name"
        case .contactRole: "Contact's role"
        case .contactEmail: "Contact email"
        case .contactPhone: "Contact phone"
        case .country: "Country or region"
        case .problem: "Problem to solve"
        case .currentSolution: "How they handle it today"
        case .timeline: "Timeline"
        case .budget: "Budget"
        case .sites: "Number of sites"
        case .volume: "Volume"
        case .decisionProcess: "Decision process"
        case .expectedClose: "Expected close date"
        case .notes: "Anything else"
        case .consent: "The contact agreed to be introduced"
        }
    }

    public var input: Input {
        switch self {
        case .website: .url
        case .contactEmail: .email
        case .contactPhone: .tel
        case .sites: .number
        case .expectedClose: .date
        case .problem, .currentSolution, .decisionProcess, .notes: .textarea
        case .consent: .checkbox
        default: .text
        }
    }

    public var help: String {
        switch self {
        case .company: "The organisation that has the need."
        case .website: "Their web address, so we can read up before the first call."
        case .contactName: "The person we should talk to first."
        case .contactRole: "Their job title or responsibility."
        case .contactEmail: "We write to them only after you have introduced us."
        case .contactPhone: "Include the country code."
        case .country: "Where the work would happen."
        case .problem: "What hurts today, in their words if you can."
        case .currentSolution: "Tools, spreadsheets or people doing the job now."
        case .timeline: "When they want it solved, for example \"before peak season\"."
        case .budget: "A range or \"unknown\" is fine."
        case .sites: "How many locations would use it."
        case .volume: "The size of the need, in whatever unit they count it."
        case .decisionProcess: "Who decides, who signs, and anything that could slow it down."
        case .expectedClose: "Your best estimate."
        case .notes: "Context that helps us help them."
        case .consent: "Tick once they know we will be in touch."
        }
    }
}
