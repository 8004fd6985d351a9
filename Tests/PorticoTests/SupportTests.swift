import PorticoAccess
import PorticoAuthoring
import PorticoImport
import PorticoMail
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoServe
import PorticoSite
import PorticoSupport
import Testing

@Suite struct DayTests {
    @Test func parsesOnlyRealDatesWrittenYYYYMMDD() {
        #expect(Day("2024-02-29")?.description == "2024-02-29")
        #expect(Day("2025-02-29") == nil)
        #expect(Day("2025-13-01") == nil)
        #expect(Day("2025-1-01") == nil)
        #expect(Day("01-10-2025") == nil)
        #expect(Day("2025-10-01T00:00") == nil)
    }

    @Test func addsDaysAcrossMonthsYearsAndLeapDays() {
        #expect(Day("2026-01-10")!.adding(days: 120).description == "2026-05-10")
        #expect(Day("2024-02-28")!.adding(days: 1).description == "2024-02-29")
        #expect(Day("2025-12-31")!.adding(days: 1).description == "2026-01-01")
        #expect(Day("2026-03-01")!.adding(days: -1).description == "2026-02-28")
    }
}

@Suite struct SuggestionTests {
    @Test func suggestsCloseNamesAndPrefixes() {
        #expect(Suggestion.closest(to: "summery", in: ["title", "summary"]) == "summary")
        #expect(Suggestion.closest(to: "roi-calc", in: ["roi-calculator", "security"]) == "roi-calculator")
        #expect(Suggestion.closest(to: "banana", in: ["title", "summary"]) == nil)
    }
}

@Suite struct MonthGuessTests {
    @Test(arguments: [
        ("december", "2026-12-03", "2026-12"), ("Dec", "2026-01-05", "2025-12"), ("june", "2026-12-03", "2027-06"),
        ("sept", "2026-09-30", "2026-09"), ("December 2027", "2026-12-03", "2027-12"),
        ("2026-1", "2026-12-03", "2026-01"),
        ("12/2026", "2026-12-03", "2026-12"), ("2026.7", "2026-12-03", "2026-07"),
    ])
    func aMonthWrittenAnotherWayIsTheOneNearestToday(_ text: String, _ today: String, _ meant: String) throws {
        #expect(MonthGuess.guess(text, today: try #require(Day(today)))?.description == meant)
    }

    @Test(arguments: ["next", "12", "ma", "2026-13", "decembre 2026 x", ""])
    func notEveryWordIsAMonth(_ text: String) throws {
        #expect(MonthGuess.guess(text, today: try #require(Day("2026-12-03"))) == nil)
    }
}

@Suite struct PlaceholderTests {
    @Test func placeholdersAreTheScaffoldsValuesAndTheExampleDomains() {
        #expect(Placeholder.isText(Placeholder.partnerName) && Placeholder.isText("  TODO: write it\n"))
        #expect(Placeholder.isText("First Contact") && !Placeholder.isText("Todoist GmbH"))
        #expect(Placeholder.isAddress("first.contact@example.com") && Placeholder.isAddress("Sam@Example.NET"))
        #expect(!Placeholder.isAddress("lee@acme.example") && !Placeholder.isAddress("sam@advisory.example.com"))
        #expect(Placeholder.isWebsite("https://www.example.com") && Placeholder.isWebsite("http://example.org/x"))
        #expect(!Placeholder.isWebsite("https://acme.example/") && !Placeholder.isWebsite("example.com"))
    }
}

@Suite struct IdentifierTests {
    @Test(arguments: [
        ("acme", true), ("acme-2", true), ("Acme", false), ("acme_co", false), ("../../etc/passwd", false),
        ("CON", false), ("-acme", false), ("", false), ("a b", false),
    ])
    func idsAreLowercaseLettersDigitsAndHyphens(_ id: String, _ valid: Bool) {
        #expect(Identifier.isValid(id) == valid)
    }
}

@Suite struct RouteTests {
    @Test func rootPrefixFollowsDepth() {
        #expect(Routes.root(from: "index.html") == "")
        #expect(Routes.root(from: "assets/index.html") == "../")
        #expect(Routes.root(from: "assets/faq/index.html") == "../../")
    }

    @Test func publicURLsDropIndexHTML() {
        let base = "https://p.example/portal/"
        #expect(Routes.publicURL("index.html", base: base) == "https://p.example/portal/")
        #expect(Routes.publicURL("assets/faq/index.html", base: base) == "https://p.example/portal/assets/faq/")
        #expect(Routes.publicURL("404.html", base: base) == "https://p.example/portal/404.html")
    }
}

@Suite struct DownloadLabelTests {
    @Test(arguments: [
        ("deck.PPTX", "Slide deck"), ("files/one-pager.pdf", "PDF document"), ("LICENSE", "File"),
        ("v1.2/notes", "File"), (".hidden", "File"), ("map.kmz", "KMZ file"), ("logo.svg", "Image (SVG)"),
    ])
    func describesTheKindOfFileFromItsName(_ path: String, _ kind: String) {
        #expect(DownloadLabel.kind(of: path) == kind)
    }

    @Test func sizesAreDecimalWithOneDecimalPlace() {
        #expect(FileSize.describe(999) == "999 bytes")
        #expect(FileSize.describe(2048) == "2 KB")
        #expect(FileSize.describe(30_894) == "30.9 KB")
        #expect(FileSize.describe(26_000_000) == "26 MB")
    }
}

@Suite struct ReadingTimeTests {
    @Test(arguments: [
        ("", 0), ("one", 1), ("Hello, world - foo *", 3), ("  Zoë joins\tthe team.\n", 4), ("12 trucks", 2),
        ("- * >", 0),
    ])
    func wordsAreRunsBetweenSpacesWithALetterOrDigit(text: String, words: Int) {
        #expect(ReadingTime.words(text) == words)
    }

    @Test func minutesRoundUpAndStartAtOne() {
        #expect(ReadingTime.minutes(0) == 1)
        #expect(ReadingTime.minutes(200) == 1)
        #expect(ReadingTime.minutes(201) == 2)
    }
}

@Suite struct SearchTermTests {
    /// The byte path for ASCII text gives exactly what the Unicode path gives.
    @Test(arguments: [
        "Dock appointments, 15 trucks in 2 hours; ROI x10!", "a bb CCC dddd", "under_score kebab-case CamelCase",
        String(repeating: "long", count: 11) + " short", "", "\tTabs\nand\r\nbreaks",
    ])
    func asciiTextGivesTheSameTermsEitherWay(text: String) {
        #expect(SearchTerms.asciiTerms(text) == SearchTerms.unicodeTerms(text))
        #expect(SearchTerms.terms(text) == SearchTerms.unicodeTerms(text))
    }

    /// Each term has one number however it was found, through growth of the table.
    @Test func theVocabularyNumbersEachTermOnce() {
        let vocabulary = SearchVocabulary()
        let words = (0..<5000).map { "t\($0)" }
        let first = vocabulary.numbers(of: SearchTerms.list(words.joined(separator: " ")))
        #expect(first == (0..<5000).map(UInt32.init))
        // Text with a non-ASCII letter takes the Unicode path; its ASCII terms still match.
        let again = vocabulary.numbers(of: SearchTerms.list(words.reversed().joined(separator: " ") + " Déjà T42"))
        #expect(again == first.reversed() + [5000, 42])
        #expect(vocabulary.all.count == 5001)
        #expect(vocabulary.all[5000] == "deja" && vocabulary.all[42] == "t42")
    }
}
