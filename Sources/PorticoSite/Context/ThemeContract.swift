/// Which context each template that Portico renders directly receives: every page kind's
/// template, and the emails'. Partials and parent templates get the context of the template
/// that includes them. The theme check and docs/templates.md both read this.
package enum ThemeContract {
    package struct Root: Sendable {
        /// The template's name, such as `partner` or `email/brief-html`.
        package var template: String
        /// The keys of the page or email itself, beside the shared ones.
        package var own: ContextSchema
        /// Everything the template can read: the shared keys, then its own.
        package var schema: ContextSchema
    }

    package static var roots: [Root] {
        PageKind.allCases.map { kind in
            let own = ownKeys(of: kind)
            let frame = PageFrame.fields.schema.fields + extraFrameFields(of: kind)
            return Root(template: kind.template, own: own, schema: merged(kind.template, frame, own))
        } + mailRoots
    }

    package static var mailRoots: [Root] {
        let shared = PageFrame.fields.schema.fields.filter { $0.name != "page" && $0.name != "nav" }
        let mail = PageFrame.mailFields.map { ContextSchema.Field(name: $0.name, type: $0.type, meaning: $0.meaning) }
        return [("email/brief", BriefPageContext.schema), ("email/welcome", WelcomeMailContext.schema)].flatMap {
            name, own in
            ["-html", "-text"].map {
                Root(template: name + $0, own: own, schema: merged(name + $0, shared + mail, own))
            }
        }
    }

    package static func ownKeys(of kind: PageKind) -> ContextSchema {
        switch kind {
        case .home: HomeContext.schema
        case .library: LibraryContext.schema
        case .asset: AssetPageContext.schema
        case .partner: PartnerPageContext.schema
        case .refer, .register: ReferPageContext.schema
        case .partners: PartnerDirectoryContext.schema
        case .briefs: BriefsArchiveContext.schema
        case .brief: BriefPageContext.schema
        case .story: StoryPageContext.schema
        case .health: HealthContext.schema
        case .results: ResultsContext.schema
        case .start: StartPageContext.schema
        case .search: SearchPageContext.schema
        case .signIn: SignInContext.schema
        case .sealed, .notFound: NoOwnKeys.schema
        }
    }

    /// The shell of a private page and the 404 page have a key of their own beside the shared ones.
    package static func extraFrameFields(of kind: PageKind) -> [ContextSchema.Field] {
        let fields: [ContextField<PageFrame>] =
            switch kind {
            case .sealed: PageFrame.sealedFields
            case .notFound: PageFrame.notFoundFields
            default: []
            }
        return fields.map { ContextSchema.Field(name: $0.name, type: $0.type, meaning: $0.meaning) }
    }

    private static func merged(_ name: String, _ shared: [ContextSchema.Field], _ own: ContextSchema) -> ContextSchema {
        ContextSchema(name: name, summary: own.summary, fields: shared + own.fields)
    }
}
