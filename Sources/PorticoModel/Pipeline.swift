import PorticoSupport

/// The fields Portico reads from a CRM export; `pipeline.columns` in program.yml names the
/// export's column for each.
public enum PipelineField: String, Sendable, CaseIterable {
    case created
    case partner
    case company
    case stage
    case qualified
    case amount
    case closeDate = "close_date"
    case outcome
    case lostReason = "lost_reason"
    case customerStatus = "customer_status"
    case channel

    /// Without these a row means nothing; the others are read when the export has them.
    public var isRequired: Bool { [.created, .partner, .company, .stage].contains(self) }
}

/// How to read one CRM's exports: which files, which column holds what, which stages count as
/// qualified, won and lost, and how dates are written.
public struct PipelineExport: Sendable {
    /// A file name pattern in `pipeline/`, such as `hubspot-*.csv`.
    public var files: String
    public var columns: [PipelineField: String]
    public var qualifiedStages: [String]
    public var wonStages: [String]
    public var lostStages: [String]
    /// Unicode date patterns, tried in order, such as `yyyy-MM-dd` and `MM/dd/yyyy`.
    public var dateFormats: [String]
    /// Nil: the header line tells (`,`, `;` or a tab).
    public var delimiter: Character?
    public var source: SourceLocation

    package init(
        files: String, columns: [PipelineField: String], qualifiedStages: [String], wonStages: [String],
        lostStages: [String], dateFormats: [String], delimiter: Character?, source: SourceLocation
    ) {
        self.files = files
        self.columns = columns
        self.qualifiedStages = qualifiedStages
        self.wonStages = wonStages
        self.lostStages = lostStages
        self.dateFormats = dateFormats
        self.delimiter = delimiter
        self.source = source
    }
}

public enum OpportunityOutcome: String, Sendable, CaseIterable {
    case won
    case lost
    case open
}

public enum CustomerStatus: String, Sendable, CaseIterable {
    case active
    case churned
}

/// One row of an export: an opportunity, referred by a partner or from another channel.
public struct Opportunity: Sendable {
    /// Nil for an opportunity no partner referred: the baseline partners are compared with.
    public var partnerID: String?
    public var company: String
    public var stage: String
    public var created: Day
    public var qualified: Bool
    public var outcome: OpportunityOutcome
    /// Lost without ever qualifying, as the export's qualified column says: a referral that did
    /// not fit, not a deal lost. (Without that column every loss counts as a deal lost.)
    public var disqualified: Bool
    public var amount: Double?
    public var closed: Day?
    public var lostReason: String?
    public var customerStatus: CustomerStatus?
    /// The export's source or channel column, as written.
    public var channel: String?
    /// The row's first line in its file.
    public var source: SourceLocation

    package init(
        partnerID: String?, company: String, stage: String, created: Day, qualified: Bool,
        outcome: OpportunityOutcome, disqualified: Bool = false, amount: Double?, closed: Day?, lostReason: String?,
        customerStatus: CustomerStatus?, channel: String?, source: SourceLocation
    ) {
        self.disqualified = disqualified
        self.partnerID = partnerID
        self.company = company
        self.stage = stage
        self.created = created
        self.qualified = qualified
        self.outcome = outcome
        self.amount = amount
        self.closed = closed
        self.lostReason = lostReason
        self.customerStatus = customerStatus
        self.channel = channel
        self.source = source
    }

    /// Days from creation to close, for an opportunity that closed.
    public var daysToClose: Int? {
        guard outcome != .open, let closed else { return nil }
        return closed.dayNumber - created.dayNumber
    }
}

/// What a build did with one export file: every data row is read, and either used or dropped.
public struct PipelineFileSummary: Sendable, Equatable, CustomStringConvertible {
    public var displayPath: String
    public var read: Int
    public var used: Int
    public var dropped: Int { read - used }

    /// "content/pipeline/hubspot-deals.csv: 214 rows read, 212 used, 2 dropped"
    public var description: String {
        "\(displayPath): \(read) row\(read == 1 ? "" : "s") read, \(used) used, \(dropped) dropped"
    }

    package init(displayPath: String, read: Int, used: Int) {
        self.displayPath = displayPath
        self.read = read
        self.used = used
    }
}

/// `earn:` of a tier: what a partner does over the last four quarters to earn it.
public struct EarnRule: Sendable, Equatable {
    public var qualified: Int?
    public var won: Int?

    package init(qualified: Int?, won: Int?) {
        self.qualified = qualified
        self.won = won
    }
}

/// A partner's targets for a quarter from joint planning (`plan:` in its file).
public struct QuarterPlan: Sendable, Equatable {
    public var qualified: Int?
    public var won: Int?

    package init(qualified: Int?, won: Int?) {
        self.qualified = qualified
        self.won = won
    }
}
