import PorticoAccess
import PorticoModel
import PorticoSupport

/// Who a key belongs to and where their own pages are, sealed into their key file
/// (docs/security.md, "Reader card"), so that once a key has opened a page, the page script can
/// point the navigation at the reader's own pages: a partner's contact gets their partner's
/// page, start path and refer form (where the referral code is filled in), a team member the
/// team's pages.
package struct ReaderCard: Sendable, Equatable {
    package struct Entry: Sendable, Equatable {
        /// The navigation entry it takes the place of (`data-portico-nav`), or a new one.
        package var id: String
        package var label: String
        /// A path in the site, from its root.
        package var path: String
    }

    package var name: String
    /// The partner's name; empty for a team member.
    package var partner: String
    package var isTeam: Bool
    /// The reader's navigation, in order.
    package var nav: [Entry]

    package init(_ person: AccessGroups.Person, site: SiteIndex) {
        name = person.name
        let sections = NavigationSection.allCases.map { Entry(id: $0.id, label: $0.label, path: $0.path) }
        if let id = person.partnerID, !person.isTeam, let partner = site.partnersByID[id] {
            self.partner = partner.name
            isTeam = false
            let segment = site.partnerSegment(id)
            let own: [String: String] = ["start": Routes.partnerStart(segment), "refer": Routes.partnerRefer(segment)]
            nav =
                [Entry(id: "partner", label: "Your partner page", path: Routes.partner(segment))]
                + sections.map { Entry(id: $0.id, label: $0.label, path: own[$0.id] ?? $0.path) }
        } else {
            partner = ""
            isTeam = true
            nav =
                sections + [
                    Entry(id: "partners", label: "Partners", path: Routes.partnerDirectory),
                    Entry(id: "health", label: "Health", path: Routes.health),
                ]
        }
    }

    /// Compact JSON, keys in this order, as the reference implementation writes it.
    package var json: String {
        let entries = nav.map { entry in
            "{\"id\":" + JSONText.quoted(entry.id) + ",\"label\":" + JSONText.quoted(entry.label) + ",\"path\":"
                + JSONText.quoted(entry.path) + "}"
        }
        return "{\"name\":" + JSONText.quoted(name) + ",\"partner\":" + JSONText.quoted(partner) + ",\"team\":"
            + (isTeam ? "true" : "false") + ",\"nav\":[" + entries.joined(separator: ",") + "]}"
    }
}
