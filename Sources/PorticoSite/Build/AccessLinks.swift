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

    /// The links of everyone who may read private pages, from the content and the secret alone.
    public static func all(_ options: BuildOptions) throws(PorticoError) -> (
        links: [AccessLink], diagnostics: [Diagnostic]
    ) {
        let log = DiagnosticLog()
        let loaded = ContentLoader(contentURL: options.contentURL, displayPath: options.contentDisplayPath)
            .load(into: log)
        guard let content = ContentValidator(today: options.date).validate(loaded, into: log) else {
            return ([], log.all)
        }
        guard
            let secret = try MasterSecret.find(
                file: options.secretURL, displayPath: options.secretDisplayPath, environment: options.environment)
        else {
            throw PorticoError.usage(
                "no secret yet: run 'portico keys init' (or a first 'portico build') to make \(options.secretDisplayPath)"
            )
        }
        let epochs = try AccessEpochs.load(options.accessURL, displayPath: options.accessDisplayPath)
        let plan = AccessPlan(secret: secret, content: content, epochs: epochs)
        let site = SiteIndex(content: content, today: options.date, access: plan)
        let base = content.program.baseURL ?? ""
        let links = plan.groups.people.map { person in
            let page =
                person.partnerID.map { Routes.publicURL(site.partnerRoute($0), base: base) }
                ?? Routes.publicURL(Routes.home, base: base)
            return AccessLink(
                email: person.email, name: person.name, partner: person.partnerID, team: person.isTeam,
                url: (page.isEmpty ? "./" : page) + plan.fragment(person))
        }
        return (links, log.all)
    }
}
