import Foundation
import PorticoSite
import PorticoSupport
import Testing

/// The theme check: every key a template reads must be one its context type provides.
@Suite struct ThemeCheckTests {
    /// The built-in theme, with `overrides` in place of some of its templates.
    static func problems(_ overrides: [String: String] = [:]) -> [String] {
        let theme = Theme.load(overridesIn: nil, displayPath: "templates")
        var sources = theme.templates.map {
            (name: $0.name, file: $0.file, text: String(decoding: $0.file.data, as: UTF8.self))
        }
        for (name, text) in overrides {
            sources.removeAll { $0.name == name }
            guard var file = theme.files["home.mustache"] else { continue }
            file.displayPath = "templates/\(name).mustache"
            sources.append((name, file, text))
        }
        return ThemeCheck.problems(in: sources).map(\.formatted)
    }

    @Test func theBuiltInThemeReadsOnlyKeysItsContextsHave() {
        #expect(Self.problems() == [])
    }

    @Test func aTypoInAPartnerPageIsReportedWithTheKeyItMeant() throws {
        let scratch = try Scratch()
        try scratch.copyFixture("base")
        try scratch.write(
            "{{<layout}}\n{{$main}}\n<h1>{{partner.nmae}}</h1>\n{{/main}}\n{{/layout}}\n",
            to: "templates/partner.mustache")
        let run = try PorticoRun.run(["check", "--date", "2026-11-25"], in: scratch.url)
        #expect(run.status == 1)
        #expect(
            run.stderr.split(separator: "\n").first.map(String.init)
                == "templates/partner.mustache:3:5: error: unknown key 'partner.nmae': partner has no key 'nmae' "
                + "(did you mean 'name'?)")
    }

    @Test func aPartialIsCheckedInEveryContextThatIncludesIt() {
        // The asset page has `asset`; the home page, which includes the partial too, has not.
        let partial = "<p>{{asset.title}}</p>\n"
        let problems = Self.problems([
            "partials/owner-line": partial,
            "asset": "{{<layout}}{{$main}}{{> partials/owner-line}}{{/main}}{{/layout}}",
            "home": "{{<layout}}{{$main}}\n{{> partials/owner-line}}{{/main}}{{/layout}}",
        ])
        #expect(
            problems == [
                "templates/partials/owner-line.mustache:1:4: error: unknown key 'asset'\n"
                    + "  hint: docs/templates.md lists the keys each template receives"
            ])
    }

    @Test func sectionsFollowTheTypesOfWhatTheyOpen() {
        let library = """
            {{<layout}}{{$main}}
            {{#groups}}{{label}}{{#assets}}{{title}}{{#tags}}{{.}}{{/tags}}{{/assets}}{{/groups}}
            {{#has_stories}}{{has_stories}}{{/has_stories}}
            {{#stories}}{{title}}{{/stories}}{{^stories}}none{{/stories}}
            {{groups}}
            {{#groups}}{{#count}}x{{/count}}{{/groups}}
            {{#groups}}{{#assets}}{{owner.name}}{{/assets}}{{/groups}}
            {{/main}}{{/layout}}
            """
        #expect(
            Self.problems(["library": library]) == [
                "templates/library.mustache:5:1: error: 'groups' is a list (of library group), which a variable tag "
                    + "cannot show\n  hint: write {{#groups}}…{{/groups}} to show what it holds",
                "templates/library.mustache:6:12: error: 'count' is a number, not a list, a flag or an "
                    + "object: a section over it is shown whenever it is set, even when empty\n"
                    + "  hint: use its has_ flag for the section, or show it with {{count}}",
                "templates/library.mustache:7:23: error: unknown key 'owner' (did you mean 'owner_name'?)\n"
                    + "  hint: docs/templates.md lists the keys each template receives",
            ])
    }

    @Test func tagsAreReadWithTheirPlacesAndDelimiters() {
        let text = "a {{name}}\n  {{{html}}} {{& raw}}{{! a\ncomment }}{{#list}}{{/list}}\n{{=<% %>=}}<% other %> {{x}}"
        let tags = TemplateTag.scan(text)
        #expect(
            tags.map { "\($0.kind) \($0.name) \($0.line):\($0.column)" } == [
                "variable name 1:3", "unescaped html 2:3", "unescaped raw 2:14", "other a\ncomment 2:23",
                "section list 3:11", "close list 3:20", "other <% %>= 4:1", "variable other 4:12",
            ])
    }
}
