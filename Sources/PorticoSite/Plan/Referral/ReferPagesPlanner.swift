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
            context["form"] = ReferralForm(purpose: .referral, terms: terms, fields: terms.fields).context()
            return ["refer": context]
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
                context["form"] = ReferralForm(purpose: .registration, terms: terms, fields: registration.fields)
                    .context()
            }
            return ["refer": context]
        }
        return PlannedOutput(
            path: partner.map { Routes.partnerRegister(site.partnerSegment($0.id)) } ?? Routes.register,
            content: .page(page))
    }

    /// What both pages show: the one-minute version, the handoff, rewards, credit and conflicts.
    package static func common(_ terms: ReferralTerms, scope: PageScope) -> [String: Any] {
        let program = terms.program
        let partner = terms.partner
        let site = scope.site
        let registerHref = scope.href(
            partner.map { Routes.partnerRegister(site.partnerSegment($0.id)) } ?? Routes.register)
        let referHref = scope.href(partner.map { Routes.partnerRefer(site.partnerSegment($0.id)) } ?? Routes.refer)
        var context: [String: Any] = [
            "is_partner_page": partner != nil,
            "good_fit": program.goodFit ?? "",
            "has_good_fit": program.goodFit != nil,
            "we_solve": site.program.boundaries.weSolve,
            "qualification": terms.qualification.enumerated().map { index, text -> [String: Any] in
                ["text": text, "id": "qualifies-\(index + 1)"]
            },
            "owner": terms.owner.map(PageScope.person) ?? [:],
            "has_owner": terms.owner != nil,
            "response_time": terms.responseTime,
            "first_call_time": terms.firstCallTime,
            "steps": program.handoff.steps,
            "feedback": program.feedback,
            "incentives": program.incentives.map { ["stage": $0.stage.label, "reward": $0.reward] },
            "has_incentives": !program.incentives.isEmpty,
            "attribution": program.attribution,
            "refer_href": referHref,
            "register_href": registerHref,
            "public_refer_href": scope.href(Routes.refer),
            "has_registration": program.registration != nil,
        ]
        if let registration = program.registration {
            context["registration"] = [
                "protection_days": registration.protectionDays,
                "protection_time": ReferralTerms.count(registration.protectionDays, "day"),
                "rules": registration.rules,
                "conflicts": registration.conflicts,
            ]
        }
        if let partner {
            context["partner"] = [
                "id": partner.id, "name": partner.name, "referral_code": partner.referralCode,
                "href": scope.href(Routes.partner(site.partnerSegment(partner.id))), "kind_label": partner.kind.label,
            ]
            if let integration = partner.integration {
                context["integration"] = integrationContext(integration, scope: scope)
            }
        }
        context["has_integration"] = context["integration"] != nil
        return context
    }

    package static func integrationContext(_ integration: Integration, scope: PageScope) -> [String: Any] {
        var guide: [String: Any] = [:]
        switch integration.setupGuide {
        case .asset(let reference)?:
            // A draft guide is not published: no link rather than a dead one (validation warned).
            if let asset = scope.site.assetsByID[reference.id] {
                guide = ["href": scope.href(Routes.asset(reference.id)), "title": asset.title]
            }
        case .url(let url)?:
            guide = ["href": url, "title": "Setup guide"]
        case nil:
            break
        }
        return [
            "summary": integration.summary,
            "setup_guide": guide,
            "has_setup_guide": !guide.isEmpty,
            "support": integration.support,
            "support_email": integration.supportEmail ?? "",
            "has_support_email": integration.supportEmail != nil,
        ]
    }
}
