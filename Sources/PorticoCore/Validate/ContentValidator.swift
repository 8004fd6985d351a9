/// The validate stage: checks what no single file can check on its own (references between
/// files, duplicate ids) and the program's health rules (reviews, contacts, managers).
public struct ContentValidator: Sendable {
    public let today: Day

    public init(today: Day) {
        self.today = today
    }

    /// Returns the content when it is complete enough to plan pages from.
    public func validate(_ loaded: LoadedContent, into log: DiagnosticLog) -> Content? {
        guard let program = loaded.program else { return nil }
        var issues: [Diagnostic] = []
        issues += duplicates(program.tiers.map { ($0.id, $0.source) }, what: "tier")
        issues += duplicates(program.team.map { ($0.id, $0.source) }, what: "team member")

        let tierIDs = program.tiers.map(\.id)
        let teamIDs = program.team.map(\.id)
        let assetIDs = loaded.assets.map(\.id)
        for partner in loaded.partners {
            issues += unknown(
                partner.tier, among: tierIDs, what: "tier", field: "tier",
                hint: "tiers are the ids listed under 'tiers' in program.yml")
            if let manager = partner.manager {
                issues += unknown(manager, among: teamIDs, what: "team member", field: "manager", hint: teamHint)
            } else if partner.status != .retired {
                issues.append(
                    .warning(
                        "no-manager", "partner '\(partner.id)' has no manager", at: partner.source,
                        hint: "set 'manager' to the id of the team member who looks after them"))
            }
            for featured in partner.featured where !loaded.assetFileIDs.contains(featured.id) {
                issues += unknown(
                    featured, among: assetIDs, what: "asset", field: "featured",
                    hint: "an asset's id is its file name in assets/ without '.md'")
            }
            issues += contactWarnings(partner)
        }
        for asset in loaded.assets {
            issues += unknown(asset.owner, among: teamIDs, what: "team member", field: "owner", hint: teamHint)
            issues += reviewWarning(asset, defaultEvery: program.reviewEvery)
        }
        issues += ReferralValidator(
            program: program, partners: loaded.partners, assetIDs: assetIDs, assetFileIDs: loaded.assetFileIDs,
            draftIDs: Set(loaded.assets.filter(\.draft).map(\.id))
        ).check()
        issues += BriefValidator(program: program, loaded: loaded).check()
        log.report(contentsOf: issues)
        if issues.contains(where: { $0.severity == .error }) || log.hasErrors { return nil }
        var content = Content(
            program: program, partners: loaded.partners, assets: loaded.assets, staticFiles: loaded.staticFiles)
        content.briefs = loaded.briefs.filter { !$0.draft }.sorted { $0.month > $1.month }
        content.briefMonths = loaded.briefs.map(\.month).sorted()
        content.stories = loaded.stories.sorted { $0.id < $1.id }
        content.campaigns = loaded.campaigns
        return content
    }

    private let teamHint = "team members are the ids listed under 'team' in program.yml"

    private func unknown(_ reference: Reference, among ids: [String], what: String, field: String, hint: String)
        -> [Diagnostic]
    {
        guard !ids.contains(reference.id) else { return [] }
        return [
            .error(
                "unknown-reference",
                "unknown \(what) '\(reference.id)' in \(field)\(Suggestion.didYouMean(reference.id, in: ids))",
                at: reference.location, hint: hint)
        ]
    }

    private func duplicates(_ entries: [(String, SourceLocation)], what: String) -> [Diagnostic] {
        var first: [String: SourceLocation] = [:]
        var found: [Diagnostic] = []
        for (id, location) in entries {
            if let earlier = first[id] {
                found.append(
                    .error(
                        "duplicate-id", "duplicate \(what) id '\(id)' (first defined on line \(earlier.line))",
                        at: location))
            } else {
                first[id] = location
            }
        }
        return found
    }

    private func contactWarnings(_ partner: Partner) -> [Diagnostic] {
        guard partner.status != .retired else { return [] }
        switch partner.contacts.count {
        case 0:
            return [
                .warning(
                    "no-contacts", "partner '\(partner.id)' has no contacts", at: partner.source,
                    hint: "list the people at the partner who refer or integrate")
            ]
        case 1:
            return [
                .warning(
                    "single-contact", "partner '\(partner.id)' has a single contact",
                    at: partner.contacts[0].source,
                    hint: "add a second contact so the partnership survives when one person moves on")
            ]
        default:
            return []
        }
    }

    private func reviewWarning(_ asset: Asset, defaultEvery: Int) -> [Diagnostic] {
        let due = asset.reviewDueDate(defaultEvery: defaultEvery)
        guard due < today else { return [] }
        return [
            .warning(
                "review-due",
                "review due: '\(asset.id)' was last reviewed \(asset.reviewed) and was due for review on \(due)",
                at: asset.reviewedLocation,
                hint: "check the asset is still true, then set 'reviewed' to the date you checked it")
        ]
    }
}
