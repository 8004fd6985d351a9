import Foundation
import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// Each person's access link, for `portico links`: the page they should open first (their
/// partner's page, or the home page for the team) with their key in the fragment.
public struct AccessLink: Sendable, Codable, Equatable {
    public var email: String
    public var name: String
    public var partner: String?
    public var team: Bool
    /// Absolute when the program has a base_url, relative to the site root otherwise.
    public var url: String

    /// `partner` is written as `null` for team members rather than left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(email, forKey: .email)
        try container.encode(name, forKey: .name)
        try container.encode(partner, forKey: .partner)
        try container.encode(team, forKey: .team)
        try container.encode(url, forKey: .url)
    }

    /// The links of everyone who may read private pages, from the content and the secret alone;
    /// and the partners, retired ones included, to say why one has no links.
    public static func all(_ project: ProjectOptions, keys: AccessSource) throws(PorticoError) -> (
        links: [AccessLink], diagnostics: [Diagnostic], partners: [Partner]
    ) {
        let log = DiagnosticLog()
        guard let content = Project.load(project, into: log)?.content else { return ([], log.all, []) }
        guard let secret = try keys.secret() else {
            throw PorticoError.usage(
                "no secret yet: run 'portico keys init' (or a first 'portico build') to make \(keys.secretDisplayPath)")
        }
        let plan = try keys.plan(secret: secret, content: content)
        let site = SiteIndex(content: content, today: project.date, access: plan)
        let base = content.program.baseURL ?? ""
        let links = plan.groups.people.map { person in
            let page =
                person.partnerID.map { Routes.publicURL(site.partnerRoute($0), base: base) }
                ?? Routes.publicURL(Routes.home, base: base)
            return AccessLink(
                email: person.email, name: person.name, partner: person.partnerID, team: person.isTeam,
                url: (page.isEmpty ? "./" : page) + plan.fragment(person))
        }
        return (links, log.all, content.partners)
    }
}
