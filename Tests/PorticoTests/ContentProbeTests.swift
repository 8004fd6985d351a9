import Foundation
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

/// The fuzz target's entry point decodes files the way a build does, so what it explores is
/// the real load stage.
@Suite struct ContentProbeTests {
    func diagnose(_ text: String, as kind: ContentProbe.FileKind) -> [String] {
        ContentProbe.diagnose(Data(text.utf8), as: kind).sorted().map(\.formatted)
    }

    @Test func aPartnerFileGetsTheDiagnosticsABuildPrints() {
        let partner = """
            name: Acme
            kind: referal
            tier: gold
            status: active
            since: 2025-03-01
            contacts:
              - name: Lee
                role: Lead
                email: lee at acme

            """
        #expect(
            diagnose(partner, as: .partner) == [
                "content/partners/probe.yml:1:1: error: missing required field 'audience'",
                "content/partners/probe.yml:2:7: error: unknown kind 'referal' (did you mean 'referral'?)\n"
                    + "  hint: kind is one of: referral, integration",
                "content/partners/probe.yml:9:12: error: 'lee at acme' in 'email' is not an email address\n"
                    + "  hint: write one address such as name@example.com",
            ])
    }

    @Test func anAssetBodyIsRenderedEvenWhenItsFrontMatterHasErrors() {
        let asset = """
            ---
            title: Pitch
            ---
            See [this](javascript:alert(1)).

            """
        let diagnostics = diagnose(asset, as: .asset)
        #expect(
            diagnostics.contains { $0.hasPrefix("content/assets/probe.md:2:1: error: missing required field 'kind'") })
        #expect(
            diagnostics.contains {
                $0.hasPrefix("content/assets/probe.md:4:5: warning: link to 'javascript:alert(1)' removed")
            })
    }

    @Test func anUnclosedFrontMatterOrInvalidUTF8StopsTheFile() {
        #expect(diagnose("---\ntitle: Pitch\n", as: .asset).count == 1)
        #expect(
            ContentProbe.diagnose(Data([0x6E, 0x3A, 0xFF]), as: .program).map(\.formatted) == [
                "content/program.yml:1:3: error: file is not valid UTF-8\n  hint: save the file with UTF-8 encoding"
            ])
    }
}
