import Foundation
import PorticoModel
import PorticoSite
import PorticoSupport
import Testing

/// `program.yml` `brand`: the colour's contrast arithmetic, and what a page carries for it.
@Suite struct BrandTests {
    @Test func contrastIsWCAGs() throws {
        #expect(RGBColor.white.contrast(with: .black) == 21)
        let accent = try #require(RGBColor(hex: "#0B5CAD"))
        #expect(accent.description == "#0b5cad")
        #expect((accent.contrast(with: .white) * 100).rounded() / 100 == 6.67)
        #expect(RGBColor(hex: "#06c")?.description == "#0066cc")
        #expect(RGBColor(hex: "teal") == nil && RGBColor(hex: "#12345") == nil && RGBColor(hex: "#12345g") == nil)
        let pale = try #require(RGBColor(hex: "#7fb3ff"))
        let darker = try #require(pale.shade(towards: .black, reaching: 4.5, on: Brand.lightBackgrounds))
        #expect(Brand.lightBackgrounds.allSatisfy { darker.contrast(with: $0) >= 4.5 })
        #expect(Brand.lightBackgrounds.contains { darker.mixed(with: pale, 0.05).contrast(with: $0) < 4.5 })
    }

    /// The backgrounds the brand colour is checked against are the theme's own.
    @Test func theCheckedBackgroundsAreTheThemesOwn() throws {
        let css = try String(
            contentsOf: PorticoRun.packageRoot.appendingPathComponent("templates/static/portico.css"), encoding: .utf8)
        for (name, light, dark) in zip3(
            ["--surface", "--bg", "--note-bg", "--due-bg"], Brand.lightBackgrounds, Brand.darkBackgrounds)
        {
            #expect(css.contains("\(name): \(light);"), "\(name)")
            #expect(css.contains("\(name): \(dark);"), "\(name) in the dark scheme")
        }
    }

    @Test func aPageCarriesTheBrandColourAndLogo() throws {
        let scratch = try Scratch()
        try scratch.copyFixture("base")
        let program = try scratch.read("content/program.yml")
        try scratch.write(
            program.replacingOccurrences(
                of: "review_every: 180\n",
                with: "review_every: 180\nbrand:\n  color: \"#0d6b63\"\n  logo: static/mark.svg\n"),
            to: "content/program.yml")
        try scratch.write(
            try String(
                contentsOf: PorticoRun.packageRoot.appendingPathComponent("content/static/berthwise-mark.svg"),
                encoding: .utf8), to: "content/static/mark.svg")
        let run = try PorticoRun.run(["build", "--date", "2026-11-25", "--no-encrypt"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        let home = try scratch.read("site/index.html")
        #expect(
            home.contains(
                "<style>:root{--accent:#0d6b63;--accent-dark:#0a564f}@media screen and (prefers-color-scheme: dark)"
                    + "{:root{--accent:"))
        #expect(
            home.contains(
                "<a class=\"brand\" href=\"index.html\"><img class=\"brand-logo\" src=\"static/mark.svg\" alt=\"Fixture Partner Portal\" height=\"32\"><span aria-hidden=\"true\">Fixture Partner Portal</span></a>"
            ))
        let asset = try scratch.read("site/assets/roi-calculator/index.html")
        #expect(asset.contains("src=\"../../static/mark.svg\""))
        #expect(scratch.exists("site/static/mark.svg"))
        #expect(try !scratch.read("site/static/portico.css").isEmpty)
    }
}

private func zip3<A, B, C>(_ a: [A], _ b: [B], _ c: [C]) -> [(A, B, C)] {
    zip(a, zip(b, c)).map { ($0, $1.0, $1.1) }
}
