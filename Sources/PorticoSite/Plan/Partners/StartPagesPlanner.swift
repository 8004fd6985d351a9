import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// `start/index.html` and each partner's `partners/<folder>/start/index.html`: the path a new
/// contact follows to be productive without asking anyone, in seven steps, each with its reading
/// time. The first is public, for someone who has just joined and has no link yet, so it names
/// only public material; the partner's page is tailored to its kind, its manager and colleagues.
package struct StartPagesPlanner: OutputPlanner {
    package func plan(_ site: SiteIndex, log: DiagnosticLog) -> [PlannedOutput] {
        var outputs = [
            PlannedOutput(
                path: Routes.start,
                content: .page(
                    PlannedPage(
                        kind: .start, title: "Start here",
                        description: "The path through the \(site.program.name) for someone new, step by step."
                    ) { scope in
                        StartPageContext(start: StartPath(site: scope.site, partner: nil).context(scope))
                    }))
        ]
        for partner in site.publishedPartners {
            let page = PlannedPage(
                kind: .start, title: "Start here",
                description: "Your path through the \(site.program.name), step by step.", listed: false,
                visibility: .partner(partner.id)
            ) { scope in
                StartPageContext(start: StartPath(site: scope.site, partner: partner).context(scope))
            }
            outputs.append(
                PlannedOutput(path: Routes.partnerStart(site.partnerSegment(partner.id)), content: .page(page)))
        }
        for member in site.program.team {
            outputs.append(PlannedOutput(path: Routes.teamCard(member.id), content: .text(Self.card(member, site))))
        }
        return outputs
    }

    package static func card(_ member: TeamMember, _ site: SiteIndex) -> String {
        VCard(
            name: member.name, organization: site.program.company, title: member.role, email: member.email,
            phone: member.phone, phoneURI: member.phone.map(PageScope.telephoneURI)
        ).text()
    }

    package init() {

    }
}

/// One step of the start path, with the pages it leads to.
package struct StartStep {
    package var id: String
    package var title: String
    package var intro: String
    package var items: [StartItem]
    /// "Who is who": people rather than pages.
    package var isPeople = false
    package var minutes: Int { isPeople ? 1 : items.map(\.minutes).reduce(0, +) }
}

package struct StartItem {
    package var title: String
    /// A path in the site.
    package var path: String
    package var minutes: Int
    package var summary = ""
}

/// The seven steps for one reader: a partner's contacts, or anyone in the program. The start
/// pages show them, and `portico welcome` lists them in its email.
package struct StartPath {
    package let site: SiteIndex
    package let partner: Partner?

    /// At most this many one-pagers and objection notes are listed; the library has the rest.
    package static let onePagerLimit = 3
    package static let objectionLimit = 5

    /// Assets of `kind` the reader may read, for the partner's kind (public ones on the public
    /// page): the partner's featured ones first, then those not due for review (a newcomer is not
    /// sent to material the team no longer vouches for), the most recently reviewed first.
    package func assets(_ kind: AssetKind) -> [Asset] {
        let readable =
            partner.map { site.assetsServing[$0.kind] ?? [] }
            ?? site.partnerAssets.filter { $0.readers(default: site.program.defaultVisibility) == .public }
        let ofKind = readable.filter { $0.kind == kind }
        let featured = partner?.featured.map(\.id) ?? []
        let first = featured.compactMap { id in ofKind.first { $0.id == id } }
        let rest = ofKind.filter { !featured.contains($0.id) }.map { (asset: $0, due: site.isReviewDue($0)) }
            .sorted { left, right in
                if left.due != right.due { return !left.due }
                if left.asset.reviewed != right.asset.reviewed { return right.asset.reviewed < left.asset.reviewed }
                return left.asset.id < right.asset.id
            }
        return first + rest.map(\.asset)
    }

    package func steps() -> [StartStep] {
        let steps = pathSteps()
        guard partner == nil else { return steps }
        // The public page points to the library for what only partners may read.
        let library = StartItem(title: "More in the library, with your personal link", path: Routes.library, minutes: 0)
        return steps.map { step in
            var step = step
            if !step.isPeople, step.id != "brief", step.id != "pitch", step.id != "refer" { step.items.append(library) }
            return step
        }
    }

    private func pathSteps() -> [StartStep] {
        let segment = partner.map { site.partnerSegment($0.id) }
        let program = site.program
        let pitchWords =
            ([program.positioning.text, program.boundaries.journey] + program.boundaries.weSolve
            + program.boundaries.partnerSolves).map(ReadingTime.words).reduce(0, +)
        let onePagers = Array(assets(.onePager).prefix(Self.onePagerLimit))
        return [
            StartStep(
                id: "pitch", title: "The one-minute pitch and its boundaries",
                intro: "What \(program.company) does, for whom, and where your part starts and ours ends.",
                items: [
                    StartItem(
                        title: "The program at a glance", path: Routes.home, minutes: ReadingTime.minutes(pitchWords))
                ]),
            StartStep(
                id: "one-pagers", title: "The positioning one-pager" + (onePagers.count == 1 ? "" : "s"),
                intro: partner.map { "Written for \($0.kind.label.lowercased())s: the page to hand a client." }
                    ?? "One page per kind of partner: the page to hand a client.",
                items: onePagers.map(item)),
            StartStep(
                id: "objections", title: "The objection notes",
                intro: "What clients push back with, and how to answer.",
                items: assets(.objection).prefix(Self.objectionLimit).map(item)),
            StartStep(
                id: "snapshot", title: "One implementation snapshot", intro: "A real rollout, start to finish.",
                items: assets(.snapshot).prefix(1).map(item)),
            referStep(segment: segment),
            StartStep(
                id: "people", title: "Who is who", intro: "The people to ask, on your side and ours.", items: [],
                isPeople: true),
            briefStep(segment: segment),
        ]
    }

    package func item(_ asset: Asset) -> StartItem {
        StartItem(
            title: asset.title, path: site.assetRoute(asset.id), minutes: site.readingMinutes[asset.id] ?? 1,
            summary: asset.summary)
    }

    /// How to refer; for an integration partner, how its integration works and who supports it.
    private func referStep(segment: String?) -> StartStep {
        if let partner, partner.kind == .integration, let segment {
            var items: [StartItem] = []
            var guides = assets(.guide)
            if let integration = partner.integration {
                items.append(
                    StartItem(
                        title: "Your integration and its support",
                        path: Routes.partner(segment) + "#integration-heading",
                        minutes: ReadingTime.minutes(
                            ReadingTime.words(integration.summary + " " + integration.support)),
                        summary: integration.summary))
                if case .asset(let guide)? = integration.setupGuide, let asset = site.assetsByID[guide.id] {
                    guides = [asset]
                }
            }
            items += guides.prefix(1).map(item)
            return StartStep(
                id: "refer", title: "How the integration works, and how to get support",
                intro: "What your connector does, the guide to build it, and who answers when it breaks.", items: items)
        }
        return StartStep(
            id: "refer", title: "How to refer",
            intro: "Who is a good fit, what to send, who picks it up and how fast, and how the credit stays yours.",
            items: [
                StartItem(title: "The refer page", path: segment.map(Routes.partnerRefer) ?? Routes.refer, minutes: 2)
            ])
    }

    /// The newest brief the reader got, up to this month.
    private func briefStep(segment: String?) -> StartStep {
        let month = Month(containing: site.today)
        let briefs = BriefSelection(site: site).partnerBriefs.filter { partner != nil || $0.visibility == .public }
        guard let latest = briefs.first(where: { !(month < $0.month) }) else {
            return StartStep(id: "brief", title: "The latest brief", intro: "No brief has been sent yet.", items: [])
        }
        return StartStep(
            id: "brief", title: "The latest brief",
            intro: "What changed this month, the campaigns coming up and a recent win.",
            items: [
                StartItem(
                    title: BriefListingContext.listedTitle(monthLabel: latest.month.label, title: latest.title),
                    path: segment.map { Routes.partnerBrief($0, latest.month) } ?? Routes.brief(latest.month),
                    minutes: ReadingTime.minutes(ReadingTime.words(latest.body.text)), summary: latest.summary)
            ])
    }

    /// The template context of a start page (docs/templates.md).
    package func context(_ scope: PageScope) -> StartContext {
        let steps = steps().enumerated().map { index, step in
            StartStepContext(
                number: index + 1, id: step.id, title: step.title, intro: step.intro, minutes: step.minutes,
                isPeople: step.isPeople,
                items: step.items.map { item in
                    StartItemContext(
                        title: item.title, href: scope.href(item.path), minutes: item.minutes, summary: item.summary)
                },
                people: step.isPeople ? people(scope) : nil)
        }
        return StartContext(
            partner: partner.map {
                NamedLinkContext(name: $0.name, href: scope.href(Routes.partner(site.partnerSegment($0.id))))
            },
            steps: steps,
            glossary: site.content.glossary.map { term in
                GlossaryTermContext(
                    term: term.term, anchor: term.anchor,
                    definitionHTML: scope.html(term.definition, folder: "").html)
            })
    }

    /// Your manager, your colleagues already in the program, and our team, with vCards for ours.
    private func people(_ scope: PageScope) -> StartPeopleContext {
        func person(_ member: TeamMember) -> PersonContext {
            var context = PersonContext(member)
            context.vcardHref = scope.href(Routes.teamCard(member.id))
            return context
        }
        return StartPeopleContext(
            manager: partner?.manager.flatMap { site.teamByID[$0.id] }.map(person),
            colleagues: partner?.contacts.map(PersonContext.init) ?? [], team: site.program.team.map(person))
    }

    package init(site: SiteIndex, partner: Partner?) {
        self.site = site
        self.partner = partner
    }
}
