import PorticoModel
import PorticoProject
import PorticoSite
import PorticoSupport

/// The text of the files `portico init` and `portico new` write.
package enum StarterContent {
    package static let gitignore = """
        # Portico writes the site here on every build.
        site/
        .site.portico-*
        # The master secret of the private pages: keep it and back it up, but never commit it.
        portico-secret.key
        # The briefs' emails name people and carry their personal links: never commit them.
        mail/
        .mail.portico-*
        # Who was sent which email, by address (portico send).
        portico-sent.log

        """

    package static let program = """
        # The program as a whole. See docs/content.md in Portico for every field.
        name: Example Partner Portal
        company: Example Company
        base_url: https://partners.example.com/
        positioning: |
          **Example Company** helps finance teams close the month in days instead of weeks.
          Partners refer us when a client still reconciles by hand in spreadsheets.
        boundaries:
          we_solve:
            - Automated reconciliation and month-end close
          partner_solves:
            - Advisory, process design and change management
          journey: The partner spots the need and introduces us; we run the demo and the rollout together.
        tiers:
          - id: premier
            name: Premier
            criteria: Two or more qualified referrals a quarter.
            benefits: [Named partner manager, Joint planning every quarter]
          - id: registered
            name: Registered
            criteria: Signed partner agreement.
            benefits: [Access to the partner library]
        team:
          - id: alex
            name: Alex Morgan
            role: Partner manager
            email: alex@example.com
        review_every: 180
        # How partners refer: the form's fields come from the catalogue in docs/content.md.
        referral:
          email: partners@example.com
          good_fit: Finance teams that close the month by hand in spreadsheets and want it done in days.
          required: [company, contact_name, contact_email, problem, timeline]
          optional: [website, contact_role, consent]
          qualification:
            - The client closes the month in spreadsheets today
            - A finance lead wants to change that this year
          handoff:
            owner: alex
            response_hours: 24
            first_call_days: 5
            steps:
              - We confirm we have the referral and who will call the client.
              - We hold a discovery call with the client and invite you to join.
          feedback: You hear whether the referral qualified within a week of the first call.
        incentives:
          - stage: qualified
            reward: Your referral is registered in your name.
          - stage: won
            reward: A referral fee of 10% of the first year's subscription.
        attribution: The first partner to send us a qualified referral for a client gets the credit.
        deal_registration:
          protection_days: 90
          required: [company, contact_name, contact_email, expected_close]
          optional: [notes]
          rules:
            - We accept or decline a registration within two working days.
          conflicts:
            - The earlier accepted registration wins.

        """

    package static func partner(today: Day) -> String {
        """
        name: Example Advisory
        kind: referral
        tier: registered
        status: active
        since: \(today)
        manager: alex
        website: https://advisory.example.com
        audience: |
          Finance leaders at companies with 50 to 500 staff.
        contacts:
          - name: Sam Lee
            role: Managing partner
            email: sam@advisory.example.com
            since: \(today)
          - name: Robin Diaz
            role: Consultant
            email: robin@advisory.example.com
        featured: [our-pitch]

        """
    }

    package static func asset(today: Day) -> String {
        """
        ---
        title: Our pitch in one page
        kind: one-pager
        summary: What we do, for whom, and when to introduce us.
        owner: alex
        reviewed: \(today)
        tags: [positioning]
        ---
        ## What we do

        We turn the month-end close from a spreadsheet marathon into a checklist.

        ## When to introduce us

        - The client closes the month in more than five working days.
        - Reconciliation is done by hand.

        """
    }

    /// Every value only the author can know is a `Placeholder`, which `check` warns about at its
    /// line until it is replaced; a placeholder address gets no access link meanwhile.
    package static func newPartner(tier: String, manager: String, today: Day) -> String {
        let first = Placeholder.contacts[0]
        let second = Placeholder.contacts[1]
        return """
            name: "\(Placeholder.partnerName)"   # as it should appear on their page
            kind: referral             # referral | integration
            tier: \(tier)              # an id from program.yml tiers
            status: prospect           # prospect | onboarding | active | sunsetting | retired
            since: \(today)
            manager: \(manager)        # a team id from program.yml
            website: \(Placeholder.website)   # placeholder: their own site, or remove the line
            audience: |
              \(Placeholder.audience)
            contacts:                  # more than one, so the partnership survives turnover
              - name: "\(first.name)"
                role: Alliance lead
                email: \(first.email)   # placeholder: no access link until replaced
                since: \(today)
              - name: "\(second.name)"
                role: Sales lead
                email: \(second.email)  # placeholder: no access link until replaced
                since: \(today)
            featured: []               # asset ids to show first on their page
            # referral_code: ACME-7    # optional: the code that carries their credit (default: the id in capitals)
            # referral:                # optional: their own referral terms
            #   required: [company, contact_name, contact_email, problem]
            #   qualification: [What makes a referral from them qualified]
            #   handoff: {response_hours: 8}
            # integration:             # integration partners only
            #   summary: What the integration does.
            #   setup_guide: an-asset-id   # or an https address
            #   support: Who mutual customers contact, and how fast they answer.

            """
    }

    package static func newAsset(kind: String, owner: String, today: Day) -> String {
        """
        ---
        title: "\(Placeholder.assetTitle)"
        kind: \(kind)              # one-pager | objection | snapshot | guide
        summary: "\(Placeholder.assetSummary)"
        owner: \(owner)            # a team id from program.yml
        reviewed: \(today)
        review_every: 180          # days until the next review
        for: [referral, integration]
        tags: []
        ---
        ## First section

        Write the asset here in Markdown.

        """
    }
}
