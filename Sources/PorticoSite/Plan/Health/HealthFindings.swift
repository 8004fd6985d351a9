import PorticoModel
import PorticoProject
import PorticoScorecard
import PorticoSupport

/// "What to fix" on the health page: the build's turnover and freshness warnings and what the
/// exports' numbers say, each under the team member who owns what it names (a partner's
/// manager, an asset's owner), so that each person sees their own list.
struct HealthFindings {
    let site: SiteIndex
    let scope: PageScope

    /// What a finding is about: its page, and who on the team looks after it.
    private struct Subject {
        var link: TitledLinkContext
        var owner: String?
    }

    func owners() -> [OwnerFindingsContext] {
        var groups: [String?: [FindingContext]] = [:]
        let subjects = subjectsByFile()
        // The exports' numbers say whether a partner has won, so the stories' rule gives way to them.
        let skipped: Set<String> = site.scorecard == nil ? [] : ["no-joint-win"]
        let diagnostics = site.findings.filter {
            TurnoverValidator.codes.contains($0.code) && !skipped.contains($0.code)
        }
        for finding in diagnostics {
            let subject = finding.location.flatMap { subjects[$0.file] }
            groups[subject?.owner, default: []].append(
                FindingContext(
                    place: finding.location.map { "\($0.file):\($0.line):\($0.column)" } ?? "",
                    message: finding.message, hint: finding.hint, code: finding.code, subject: subject?.link,
                    links: []))
        }
        for card in site.scorecard?.partners ?? [] where !card.diagnosis.isEmpty {
            guard let partner = site.partnersByID[card.partnerID] else { continue }
            let subject = partnerSubject(partner)
            for finding in card.diagnosis {
                groups[subject.owner, default: []].append(
                    FindingContext(
                        place: "", message: "\(partner.name): \(finding.message)", hint: finding.hint,
                        code: finding.kind.rawValue, subject: subject.link,
                        links: finding.assetIDs.compactMap { site.assetsByID[$0] }.map {
                            TitledLinkContext(title: $0.title, href: scope.href(site.assetRoute($0.id)))
                        }))
            }
        }
        // Named owners by name, then what nobody on the team owns.
        let named = groups.keys.compactMap { $0 }.sorted()
        let owners: [String?] = named + (groups[nil] == nil ? [] : [nil])
        return owners.map { owner in
            OwnerFindingsContext(owner: owner, findings: (groups[owner] ?? []).sorted(by: Self.inOrder))
        }
    }

    /// By what a finding is about, then by where it is.
    private static func inOrder(_ left: FindingContext, _ right: FindingContext) -> Bool {
        let leftTitle: String = left.subject?.title ?? ""
        let rightTitle: String = right.subject?.title ?? ""
        guard leftTitle == rightTitle else { return leftTitle < rightTitle }
        return left.place == right.place ? left.message < right.message : left.place < right.place
    }

    private func subjectsByFile() -> [String: Subject] {
        var subjects: [String: Subject] = [:]
        for partner in site.content.partners where partner.status != .retired {
            subjects[partner.source.file] = partnerSubject(partner)
        }
        for asset in site.content.assets {
            subjects[asset.source.file] = Subject(
                link: TitledLinkContext(title: asset.title, href: scope.href(site.assetRoute(asset.id))),
                owner: site.teamByID[asset.owner.id]?.name)
        }
        return subjects
    }

    private func partnerSubject(_ partner: Partner) -> Subject {
        Subject(
            link: TitledLinkContext(title: partner.name, href: scope.href(site.partnerRoute(partner.id))),
            owner: partner.manager.flatMap { site.teamByID[$0.id]?.name })
    }
}
