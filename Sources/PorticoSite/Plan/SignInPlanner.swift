import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// `sign-in/index.html`: how to open the private pages, for someone who has no link at hand, and
/// the form a new contact at a partner uses to ask for one.
package struct SignInPlanner: OutputPlanner {
    package func plan(_ site: SiteIndex, log: DiagnosticLog) -> [PlannedOutput] {
        let page = PlannedPage(
            kind: .signIn, title: "Sign in",
            description: "Open the private pages of the partner portal with your personal link."
        ) { scope in
            let program = scope.site.program
            let terms = ReferralTerms(site: scope.site, partner: nil)
            let join = ReferralForm(purpose: .join, terms: terms, fields: terms.fields).context()
            return SignInContext(
                join: join, startHref: scope.href(Routes.start),
                contactEmail: program.referral.email ?? program.team.first?.email ?? "",
                hasContactEmail: program.referral.email != nil || !program.team.isEmpty)
        }
        return [PlannedOutput(path: Routes.signIn, content: .page(page))]
    }
}
