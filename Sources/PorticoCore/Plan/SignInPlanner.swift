/// `sign-in/index.html`: how to open the private pages, for someone who has no link at hand.
struct SignInPlanner: OutputPlanner {
    func plan(_ site: SiteIndex, log: DiagnosticLog) -> [PlannedOutput] {
        let page = PlannedPage(
            kind: .signIn, title: "Sign in",
            description: "Open the private pages of the partner portal with your personal link."
        ) { scope in
            let program = scope.site.program
            return [
                "contact_email": program.referral.email ?? program.team.first?.email ?? "",
                "has_contact_email": program.referral.email != nil || !program.team.isEmpty,
            ]
        }
        return [PlannedOutput(path: Routes.signIn, content: .page(page))]
    }
}
