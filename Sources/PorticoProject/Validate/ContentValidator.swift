import PorticoMarkdown
import PorticoModel
import PorticoSupport

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
        let assetIDs = loaded.assets.map(\.id)
        for partner in loaded.partners {
            issues += unknown(
                partner.tier, among: tierIDs, what: "tier", field: "tier",
                hint: "tiers are the ids listed under 'tiers' in program.yml")
            for featured in partner.featured where !loaded.assetFileIDs.contains(featured.id) {
                issues += unknown(
                    featured, among: assetIDs, what: "asset", field: "featured",
                    hint: "an asset's id is its file name in assets/ without '.md'")
            }
        }
        for asset in loaded.assets {
            issues += reviewWarning(asset, defaultEvery: program.reviewEvery)
        }
        issues += TurnoverValidator(program: program, loaded: loaded, today: today).check()
        issues += PlaceholderValidator(loaded: loaded).check()
        issues += ReferralValidator(
            program: program, partners: loaded.partners, assetIDs: assetIDs, assetFileIDs: loaded.assetFileIDs,
            draftIDs: Set(loaded.assets.filter(\.draft).map(\.id))
        ).check()
        issues += BriefValidator(program: program, loaded: loaded).check()
        issues += SecretFileValidator.check(loaded.staticFiles + loaded.assets.flatMap(\.files))
        if let brand = program.brand {
            issues += BrandValidator(brand: brand, staticPaths: Set(loaded.staticFiles.map(\.path))).check()
        }
        log.report(contentsOf: issues)
        if issues.contains(where: { $0.severity == .error }) || log.hasErrors { return nil }
        var content = Content(
            program: program, partners: loaded.partners, assets: loaded.assets, staticFiles: loaded.staticFiles)
        content.briefs = loaded.briefs.filter { !$0.draft }.sorted { $0.month > $1.month }
        content.briefMonths = loaded.briefs.map(\.month).sorted()
        content.stories = loaded.stories.sorted { $0.id < $1.id }
        content.campaigns = loaded.campaigns
        content.glossary = loaded.glossary
        content.opportunities = loaded.opportunities
        content.pipelineFiles = loaded.pipelineFiles
        return content
    }

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
