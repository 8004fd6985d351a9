import PorticoModel

/// A person: a team member or a partner's contact.
package struct PersonContext: TemplateContext {
    var name: String
    var role: String
    var email: String
    var hasEmail: Bool
    var phone: String = ""
    var phoneTel: String = ""
    var hasPhone = false
    var since: String = ""
    var hasSince = false
    /// Only where the page offers our team's cards (the start path's "who is who").
    var vcardHref: String? = nil

    package static let fields = ContextFields<Self>(
        "person", "A team member or a contact at a partner.",
        [
            .text("name", "full name") { $0.name },
            .text("first_name", "the first word of the name, to greet them by") { $0.firstName },
            .text("role", "what they do") { $0.role },
            .text("email", "email address; empty for a contact without one") { $0.email },
            .flag("has_email", "whether `email` is set") { $0.hasEmail },
            .text("phone", "phone number as written (team members only)") { $0.phone },
            .text(
                "phone_tel", "a ready `tel:` link: digits and a leading `+` only, as RFC 3966 wants"
            ) { $0.phoneTel },
            .flag("has_phone", "whether `phone` is set") { $0.hasPhone },
            .text("since", "when a contact joined the program, `YYYY-MM-DD`") { $0.since },
            .flag("has_since", "whether `since` is set") { $0.hasSince },
            .text(
                "vcard_href", "on the start path's team and manager: their contact card (`team/<id>.vcf`)"
            ) { $0.vcardHref },
            .flag("has_vcard", "whether `vcard_href` is set") { $0.vcardHref.map { _ in true } },
        ])

    /// What every email greets its reader by, the briefs' and the welcome alike.
    var firstName: String {
        name.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? name
    }

    package init(_ member: TeamMember) {
        name = member.name
        role = member.role
        email = member.email
        hasEmail = true
        phone = member.phone ?? ""
        phoneTel = member.phone.map(PageScope.telephoneURI) ?? ""
        hasPhone = member.phone != nil
    }

    package init(_ contact: Contact) {
        name = contact.name
        role = contact.role
        email = contact.email ?? ""
        hasEmail = contact.email != nil
        since = contact.since?.description ?? ""
        hasSince = contact.since != nil
    }
}

/// An asset as lists show it.
package struct AssetSummaryContext: TemplateContext {
    var id: String
    var title: String
    var kind: String
    var kindLabel: String
    var summary: String
    var href: String
    var ownerName: String
    var reviewed: String
    var tags: [String]
    var forLabels: String

    package static let fields = ContextFields<Self>(
        "asset summary", "An asset as lists show it.",
        [
            .text("id", "the asset's id") { $0.id },
            .text("title", "its title") { $0.title },
            .text("kind", "`one-pager`, `objection`, `snapshot` or `guide`") { $0.kind },
            .text("kind_label", "the kind in words, such as `One-pager`") { $0.kindLabel },
            .text("summary", "its one-sentence summary") { $0.summary },
            .text("href", "its page") { $0.href },
            .text("owner_name", "the name of the team member who owns it") { $0.ownerName },
            .text("reviewed", "when it was last reviewed, `YYYY-MM-DD`, shown as when it was updated") {
                $0.reviewed
            },
            .texts("tags", "its tags") { $0.tags },
            .flag("has_tags", "whether it has tags") { !$0.tags.isEmpty },
            .text("for_labels", "who it is for, such as `Referral and integration partners`") { $0.forLabels },
        ])
}

/// A partner tier.
package struct TierContext: TemplateContext {
    var id: String
    var name: String
    var criteria: String
    var benefits: [String]

    package static let fields = ContextFields<Self>(
        "tier", "A tier of the program.",
        [
            .text("id", "the tier's id") { $0.id },
            .text("name", "its name") { $0.name },
            .text("criteria", "what a partner does to be in it") { $0.criteria },
            .texts("benefits", "what it gives") { $0.benefits },
            .flag("has_benefits", "whether `benefits` is not empty") { !$0.benefits.isEmpty },
        ])

    package init(_ tier: Tier) {
        id = tier.id
        name = tier.name
        criteria = tier.criteria
        benefits = tier.benefits
    }
}

/// A joint win, as a card in lists, briefs and emails; its page adds the body.
package struct StoryCardContext: TemplateContext {
    var id: String
    var title: String
    var customer: String
    var outcome: String
    var date: String
    var dateLabel: String
    var partnerName: String
    var href: String
    var bodyHTML: String? = nil

    package static let fields = ContextFields<Self>(
        "story card", "A success story: a joint win with a partner.",
        [
            .text("id", "the story's id") { $0.id },
            .text("title", "its title") { $0.title },
            .text("customer", "the customer") { $0.customer },
            .text("outcome", "the result, in a sentence") { $0.outcome },
            .text("date", "when, `YYYY-MM`") { $0.date },
            .text("date_label", "when, such as `October 2026`") { $0.dateLabel },
            .text("partner_name", "the partner it was won with") { $0.partnerName },
            .text("href", "the story's page") { $0.href },
            .html("body_html", "on the story's own page: its text, rendered from Markdown") { $0.bodyHTML },
        ])
}

/// A campaign, as briefs list it.
package struct CampaignCardContext: TemplateContext {
    var id: String
    var name: String
    var summary: String
    var starts: String
    var ends: String
    var dates: String
    var href: String?
    var isCoMarketing: Bool
    var forLabel: String
    var isPublic: Bool
    var calendarHref: String?

    package static let fields = ContextFields<Self>(
        "campaign card", "A campaign in a brief.",
        [
            .text("calendar_href", "the calendar to add it to: `calendar.ics`, or a partner's own") {
                $0.calendarHref ?? ""
            },
            .flag("has_calendar", "whether `calendar_href` is set") { $0.calendarHref != nil },
            .text("id", "the campaign's id") { $0.id },
            .text("name", "its name") { $0.name },
            .text("summary", "what it is") { $0.summary },
            .text("starts", "first day, `YYYY-MM-DD`") { $0.starts },
            .text("ends", "last day, `YYYY-MM-DD`") { $0.ends },
            .text("dates", "the dates in words, such as `1–18 December 2026`") { $0.dates },
            .text("href", "the campaign's `link`: an asset's page or the address") { $0.href ?? "" },
            .flag("has_href", "whether `href` is set") { $0.href != nil },
            .flag("is_co_marketing", "whether it is run with partners") { $0.isCoMarketing },
            .text(
                "for_label", "who it is for, such as `Referral partners, Strategic and Preferred tiers`"
            ) { $0.forLabel },
            .flag("is_public", "whether anyone may read it") { $0.isPublic },
        ])
}

/// A title and where it leads.
package struct TitledLinkContext: TemplateContext {
    var title: String
    var href: String

    package static let fields = ContextFields<Self>(
        "link", "A title and where it leads.",
        [
            .text("title", "what the link says") { $0.title },
            .text("href", "where it leads") { $0.href },
        ])
}

/// How an integration partner's connector works and who supports it.
package struct IntegrationContext: TemplateContext {
    var summary: String
    var setupGuide: TitledLinkContext?
    var support: String
    var supportEmail: String?

    package static let fields = ContextFields<Self>(
        "integration", "An integration partner's `integration` block.",
        [
            .text("summary", "what the integration does") { $0.summary },
            .object(
                "setup_guide",
                "the setup guide: an asset's page and title, or the URL titled `Setup guide`"
            ) { $0.setupGuide },
            .flag("has_setup_guide", "whether there is a guide to link") { $0.setupGuide != nil },
            .text("support", "who supports it, and how") { $0.support },
            .text("support_email", "the support address") { $0.supportEmail ?? "" },
            .flag("has_support_email", "whether `support_email` is set") { $0.supportEmail != nil },
        ])
}

/// A name and where it leads: a partner and its page.
package struct NamedLinkContext: TemplateContext {
    var name: String
    var href: String

    package static let fields = ContextFields<Self>(
        "named link", "A partner's name and its page.",
        [
            .text("name", "the name") { $0.name },
            .text("href", "its page") { $0.href },
        ])
}
