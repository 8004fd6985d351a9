import PorticoModel
import PorticoSupport

/// Who may read what: every person with an access link, and the members of each group. A
/// person is one email address, in lower case.
public struct AccessGroups: Sendable {
    public struct Person: Sendable, Equatable {
        public var email: String
        public var name: String
        /// The partner whose contact they are; nil for team members.
        public var partnerID: String?
        public var isTeam: Bool
        public var epoch: Int
    }

    /// Sorted by email; a person listed twice (a team member who is also a contact) appears once.
    public let people: [Person]
    /// Group name → members' emails → epochs.
    package let members: [String: [String: Int]]
    /// Email → the groups the person belongs to, sorted: worked out once, not per person.
    private let membership: [String: [String]]

    package init(content: Content, epochs: AccessEpochs) {
        var people: [String: Person] = [:]
        var members: [String: [String: Int]] = ["partners": [:], "team": [:]]
        for member in content.program.team {
            let email = EmailAddress.normalized(member.email)
            people[email] = Person(
                email: email, name: member.name, partnerID: nil, isTeam: true, epoch: epochs.epoch(of: email))
        }
        let team = people
        for person in team.values { members["team"]?[person.email] = person.epoch }
        // Retired partners have no pages, and their contacts no access.
        for partner in content.partners where partner.status != .retired {
            var group = members["team"] ?? [:]
            // A placeholder address reaches no one the partner chose; `check` warns at it.
            for contact in partner.contacts where !contact.hasPlaceholderAddress {
                guard let email = contact.email.map(EmailAddress.normalized) else { continue }
                let epoch = epochs.epoch(of: email)
                if people[email] == nil {
                    people[email] = Person(
                        email: email, name: contact.name, partnerID: partner.id, isTeam: false, epoch: epoch)
                }
                group[email] = epoch
            }
            members["partner:\(partner.id)"] = group
        }
        members["partners"] = people.mapValues(\.epoch)
        self.people = people.values.sorted { $0.email < $1.email }
        self.members = members
        var membership: [String: [String]] = [:]
        for (group, readers) in members {
            for email in readers.keys { membership[email, default: []].append(group) }
        }
        self.membership = membership.mapValues { $0.sorted() }
    }

    /// The groups a person belongs to, by name, sorted.
    package func groups(of email: String) -> [String] {
        membership[email] ?? []
    }
}
