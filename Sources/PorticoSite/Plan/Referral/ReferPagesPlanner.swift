import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// `refer/index.html` and `refer/register/index.html` for every partner, and the same pages
/// tailored to each published partner beside their page: their manager as the owner, their
/// response time and checklist, their code carried in the form.
package struct ReferPagesPlanner: OutputPlanner {
    package func plan(_ site: SiteIndex, log: DiagnosticLog) -> [PlannedOutput] {
        let hasRegistration = site.program.referral.registration != nil
        var outputs = [referPage(nil, site: site)]
        if hasRegistration { outputs.append(registerPage(nil, site: site)) }
        for partner in site.publishedPartners {
            outputs.append(referPage(partner, site: site))
            if hasRegistration { outputs.append(registerPage(partner, site: site)) }
        }
        return outputs
    }

    private func referPage(_ partner: Partner?, site: SiteIndex) -> PlannedOutput {
        let page = PlannedPage(
            kind: .refer, title: partner.map { "Refer an opportunity: \($0.name)" } ?? "Refer an opportunity",
            description: "What qualifies, the referral form, who picks it up and how fast, and how credit works.",
            listed: partner == nil, visibility: partner.map { .partner($0.id) } ?? .public
        ) { scope in
            let terms = ReferralTerms(site: scope.site, partner: partner)
            var context = Self.common(terms, scope: scope)
            context.form = ReferralForm(purpose: .referral, terms: terms, fields: terms.fields).context()
            return ReferPageContext(refer: context)
        }
        return PlannedOutput(
            path: partner.map { Routes.partnerRefer(site.partnerSegment($0.id)) } ?? Routes.refer, content: .page(page))
    }

    private func registerPage(_ partner: Partner?, site: SiteIndex) -> PlannedOutput {
        let page = PlannedPage(
            kind: .register, title: partner.map { "Register a deal: \($0.name)" } ?? "Register a deal",
            description:
                "Claim an opportunity you are working on, the protection it gets and how conflicts are settled.",
            listed: partner == nil, visibility: partner.map { .partner($0.id) } ?? .public
        ) { scope in
            let terms = ReferralTerms(site: scope.site, partner: partner)
            var context = Self.common(terms, scope: scope)
            if let registration = terms.program.registration {
                context.form = ReferralForm(purpose: .registration, terms: terms, fields: registration.fields)
                    .context()
            }
            return ReferPageContext(refer: context)
        }
        return PlannedOutput(
            path: partner.map { Routes.partnerRegister(site.partnerSegment($0.id)) } ?? Routes.register,
            content: .page(page))
    }

    /// What both pages show: the one-minute version, the handoff, rewards, credit and conflicts.
    package static func common(_ terms: ReferralTerms, scope: PageScope) -> ReferContext {
        let program = terms.program
        let partner = terms.partner
        let site = scope.site
        let segment = partner.map { site.partnerSegment($0.id) }
        return ReferContext(
            partner: partner.map { partner in
                ReferPartnerContext(
                    id: partner.id, name: partner.name, referralCode: partner.referralCode,
                    href: scope.href(Routes.partner(site.partnerSegment(partner.id))), kindLabel: partner.kind.label)
            },
            goodFit: program.goodFit, weSolve: site.program.boundaries.weSolve, qualification: terms.qualification,
            owner: terms.owner.map(PersonContext.init), responseTime: terms.responseTime,
            firstCallTime: terms.firstCallTime, steps: program.handoff.steps, feedback: program.feedback,
            incentives: program.incentives.map { IncentiveContext(stage: $0.stage.label, reward: $0.reward) },
            attribution: program.attribution, referHref: scope.href(segment.map(Routes.partnerRefer) ?? Routes.refer),
            registerHref: scope.href(segment.map(Routes.partnerRegister) ?? Routes.register),
            publicReferHref: scope.href(Routes.refer),
            registration: program.registration.map { registration in
                RegistrationTermsContext(
                    protectionDays: registration.protectionDays,
                    protectionTime: ReferralTerms.count(registration.protectionDays, "day"), rules: registration.rules,
                    conflicts: registration.conflicts)
            },
            integration: partner?.integration.map { integrationContext($0, scope: scope) })
    }

    package static func integrationContext(_ integration: Integration, scope: PageScope) -> IntegrationContext {
        var guide: TitledLinkContext?
        switch integration.setupGuide {
        case .asset(let reference)?:
            // A draft guide is not published: no link rather than a dead one (validation warned).
            if let asset = scope.site.assetsByID[reference.id] {
                guide = TitledLinkContext(title: asset.title, href: scope.href(scope.site.assetRoute(reference.id)))
            }
        case .url(let url)?:
            guide = TitledLinkContext(title: "Setup guide", href: url)
        case nil:
            break
        }
        return IntegrationContext(
            summary: integration.summary, setupGuide: guide, support: integration.support,
            supportEmail: integration.supportEmail)
    }
}
