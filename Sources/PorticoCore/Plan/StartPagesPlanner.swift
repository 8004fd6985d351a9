/// `start/index.html` and each partner's `partners/<folder>/start/index.html`: the path a new
/// contact follows to be productive without asking anyone, in seven steps, each with its reading
/// time. The partner's page is tailored to its kind, its manager and its colleagues.
struct StartPagesPlanner: OutputPlanner {
    func plan(_ site: SiteIndex, log: DiagnosticLog) -> [PlannedOutput] {
        var outputs = [
            PlannedOutput(
                path: Routes.start,
                content: .page(
                    PlannedPage(
                        kind: .start, title: "Start here",
                        description: "The path through the \(site.program.name) for someone new, step by step.",
                        visibility: .partners
                    ) { scope in
                        ["start": StartPath(scope: scope, partner: nil).context()]
                    }))
        ]
        for partner in site.publishedPartners {
            let page = PlannedPage(
                kind: .start, title: "Start here",
                description: "Your path through the \(site.program.name), step by step.", listed: false,
                visibility: .partner(partner.id)
            ) { scope in
                ["start": StartPath(scope: scope, partner: partner).context()]
            }
            outputs.append(
                PlannedOutput(path: Routes.partnerStart(site.partnerSegment(partner.id)), content: .page(page)))
        }
        for member in site.program.team {
            outputs.append(PlannedOutput(path: Routes.teamCard(member.id), content: .text(Self.card(member, site))))
        }
        return outputs
    }

    static func card(_ member: TeamMember, _ site: SiteIndex) -> String {
        VCard(
            name: member.name, organization: site.program.company, title: member.role, email: member.email,
            phone: member.phone, phoneURI: member.phone.map(PageScope.telephoneURI)
        ).text()
    }
}

/// The seven steps for one reader: a partner's contacts, or anyone in the program.
struct StartPath {
    let scope: PageScope
    let partner: Partner?

    /// Words a reader gets through in a minute, for the reading times.
    static let wordsPerMinute = 200

    var site: SiteIndex { scope.site }

    /// Assets of `kind` the reader may read, for the partner's kind (or any), freshest first.
    func assets(_ kind: AssetKind) -> [Asset] {
        let readable = partner.map { site.assetsServing[$0.kind] ?? [] } ?? site.partnerAssets
        return readable.filter { $0.kind == kind }
    }

    func context() -> [String: Any] {
        let segment = partner.map { site.partnerSegment($0.id) }
        let pitchWords =
            Self.words(site.program.positioning.text) + site.program.boundaries.weSolve.map(Self.words).reduce(0, +)
            + site.program.boundaries.partnerSolves.map(Self.words).reduce(0, +)
            + Self.words(site.program.boundaries.journey)
        var steps: [[String: Any]] = [
            step(
                "pitch", "The one-minute pitch and its boundaries",
                intro: "What \(site.program.company) does, for whom, and where your part starts and ours ends.",
                items: [item("The program at a glance", href: Routes.home, minutes: Self.minutes(pitchWords))]),
            step(
                "one-pagers", "The positioning one-pager" + (assets(.onePager).count == 1 ? "" : "s"),
                intro: partner.map { "Written for \($0.kind.label.lowercased())s: the page to hand a client." }
                    ?? "One page per kind of partner: the page to hand a client.",
                items: assets(.onePager).map(assetItem)),
            step(
                "objections", "The objection notes", intro: "What clients push back with, and how to answer.",
                items: assets(.objection).map(assetItem)),
            step(
                "snapshot", "One implementation snapshot", intro: "A real rollout, start to finish.",
                items: assets(.snapshot).prefix(1).map(assetItem)),
            referStep(segment: segment),
            peopleStep(),
            briefStep(segment: segment),
        ]
        for index in steps.indices { steps[index]["number"] = index + 1 }
        let minutes = steps.compactMap { $0["minutes"] as? Int }.reduce(0, +)
        return [
            "is_personal": partner != nil,
            "partner": partner.map {
                ["name": $0.name, "href": scope.href(Routes.partner(site.partnerSegment($0.id)))]
            }
                ?? [:],
            "steps": steps, "step_count": steps.count, "total_minutes": minutes,
            "glossary": site.content.glossary.map { term -> [String: Any] in
                [
                    "term": term.term, "anchor": term.anchor,
                    "definition_html": scope.html(term.definition, folder: "").html,
                ]
            },
            "has_glossary": !site.content.glossary.isEmpty,
        ]
    }

    private func step(_ id: String, _ title: String, intro: String, items: [[String: Any]]) -> [String: Any] {
        [
            "id": id, "title": title, "intro": intro, "items": items, "has_items": !items.isEmpty,
            "minutes": items.compactMap { $0["minutes"] as? Int }.reduce(0, +),
        ]
    }

    private func item(_ title: String, href: String, minutes: Int, summary: String = "") -> [String: Any] {
        [
            "title": title, "href": scope.href(href), "minutes": minutes, "summary": summary,
            "has_summary": !summary.isEmpty,
        ]
    }

    private func assetItem(_ asset: Asset) -> [String: Any] {
        var context = item(
            asset.title, href: Routes.asset(asset.id), minutes: Self.minutes(Self.words(asset.body.text)),
            summary: asset.summary)
        context["review_due"] = site.isReviewDue(asset)
        return context
    }

    /// How to refer; for an integration partner, how its integration works and who supports it.
    private func referStep(segment: String?) -> [String: Any] {
        if let partner, partner.kind == .integration, let segment {
            var items: [[String: Any]] = []
            var guides = assets(.guide)
            if let integration = partner.integration {
                items.append(
                    item(
                        "Your integration and its support", href: Routes.partner(segment) + "#integration-heading",
                        minutes: Self.minutes(Self.words(integration.summary + " " + integration.support)),
                        summary: integration.summary))
                if case .asset(let guide)? = integration.setupGuide, let asset = site.assetsByID[guide.id] {
                    guides = [asset]
                }
            }
            items += guides.prefix(1).map(assetItem)
            return step(
                "refer", "How the integration works, and how to get support",
                intro: "What your connector does, the guide to build it, and who answers when it breaks.",
                items: items)
        }
        let route = segment.map(Routes.partnerRefer) ?? Routes.refer
        return step(
            "refer", "How to refer",
            intro: "Who is a good fit, what to send, who picks it up and how fast, and how the credit stays yours.",
            items: [item("The refer page", href: route, minutes: 2)])
    }

    /// Your manager, your colleagues already in the program, and our team.
    private func peopleStep() -> [String: Any] {
        let manager = partner?.manager.flatMap { site.teamByID[$0.id] }
        var context = step(
            "people", "Who is who", intro: "The people to ask, on your side and ours.", items: [])
        context["minutes"] = 1
        context["is_people"] = true
        context["manager"] = manager.map(person) ?? [:]
        context["has_manager"] = manager != nil
        let colleagues = partner?.contacts.map(PageScope.person) ?? []
        context["colleagues"] = colleagues
        context["has_colleagues"] = !colleagues.isEmpty
        context["team"] = site.program.team.map(person)
        return context
    }

    private func person(_ member: TeamMember) -> [String: Any] {
        var context = PageScope.person(member)
        context["vcard_href"] = scope.href(Routes.teamCard(member.id))
        context["has_vcard"] = true
        return context
    }

    /// The newest brief the reader got, up to this month.
    private func briefStep(segment: String?) -> [String: Any] {
        let month = Month(containing: site.today)
        let briefs = BriefSelection(site: site).partnerBriefs.filter { !(month < $0.month) }
        guard let latest = briefs.first else {
            return step("brief", "The latest brief", intro: "No brief has been sent yet.", items: [])
        }
        let route = segment.map { Routes.partnerBrief($0, latest.month) } ?? Routes.brief(latest.month)
        return step(
            "brief", "The latest brief", intro: "What changed this month, the campaigns coming up and a recent win.",
            items: [
                item(
                    "\(latest.month.label): \(latest.title)", href: route,
                    minutes: Self.minutes(Self.words(latest.body.text)), summary: latest.summary)
            ])
    }

    static func words(_ text: String) -> Int {
        text.split { $0.isWhitespace }.count { $0.contains { $0.isLetter || $0.isNumber } }
    }

    static func minutes(_ words: Int) -> Int { max(1, (words + wordsPerMinute - 1) / wordsPerMinute) }
}
