import Foundation
import Testing

/// The CRM's exports, read end to end through `portico report` on the base fixture.
@Suite struct PipelineTests {
    static let settings = """

        pipeline:
          columns:
            created: Created
            partner: Partner
            company: Company
            stage: Stage
            amount: Amount
            close_date: Closed
            customer_status: Status
          stages:
            qualified: [Qualified, Proposal]
            won: [Closed Won]
            lost: [Closed Lost]
          dates: [yyyy-MM-dd, dd.MM.yyyy]

        """

    /// A scratch copy of the base fixture with `pipeline:` and `files` in content/pipeline/.
    static func project(_ files: [String: String]) throws -> Scratch {
        let scratch = try Scratch()
        try scratch.copyFixture("base")
        let program = try scratch.read("content/program.yml")
        try scratch.write(program + settings, to: "content/program.yml")
        for (name, text) in files { try scratch.write(text, to: "content/pipeline/" + name) }
        return scratch
    }

    /// The base fixture's Gold tier, earned with 3 qualified referrals and 1 win over four quarters.
    static func goldIsEarned(in scratch: Scratch) throws {
        let program = try scratch.read("content/program.yml")
        try scratch.write(
            program.replacingOccurrences(
                of: "    criteria: Three referrals a quarter.\n",
                with: "    criteria: Three referrals a quarter.\n    earn: {qualified: 3, won: 1}\n"),
            to: "content/program.yml")
    }

    static func report(_ scratch: Scratch, _ arguments: [String]) throws -> PorticoRun {
        try PorticoRun.run(["report", "--date", "2026-11-25"] + arguments, in: scratch.url)
    }

    static func rows(_ run: PorticoRun) throws -> [String: [String: Any]] {
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let rows = try #require(document["rows"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["name"] as? String ?? "", $0) })
    }

    @Test func aEuropeanExportWithSemicolonsAByteOrderMarkAndCRLFReadsAsWritten() throws {
        let csv =
            "\u{FEFF}Created;Partner;Company;Stage;Amount;Closed;Status;Notes;\r\n"
            + "02.07.2026;ACME-7;\"Northwind; Foods\";Closed Won;12.500,00;15.08.2026;active;;\r\n"
            + "10.07.2026;Acme Consulting;\"Harbor\r\nSupply\";Qualified;;;;\"said \"\"maybe\"\"\";\r\n"
            + "12.07.2026;acme;Keystone Retail;Closed Lost;800;30.09.2026;;;\r\n"
            + "14.07.2026;;Maple Wholesale;Closed Won;\"1.250\";01.09.2026;;;\r\n"
        let scratch = try Self.project(["deals.csv": csv])
        let run = try Self.report(scratch, ["--quarter", "2026-Q3", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "content/pipeline/deals.csv: 4 rows read, 4 used, 0 dropped\n")
        let rows = try Self.rows(run)
        let acme = try #require(rows["Acme Consulting"])
        #expect(acme["volume"] as? Int == 3)
        #expect(acme["qualified"] as? Int == 2)
        #expect(acme["won"] as? Int == 1)
        #expect(acme["revenue_won"] as? Double == 12500)
        #expect(acme["win_rate"] as? Double == 0.5)
        #expect(acme["active_customers"] as? Int == 1)
        let others = try #require(rows["Other channels"])
        #expect(others["volume"] as? Int == 1 && others["revenue_won"] as? Double == 1250)
    }

    @Test func aRateWithNothingToDivideIsNotApplicableAndADealThatClosedLaterCountsThen() throws {
        let csv = """
            Created,Partner,Company,Stage,Amount,Closed,Status
            2026-09-20,bridge,Northwind Foods,Closed Won,9000,2026-10-05,

            """
        let scratch = try Self.project(["deals.csv": csv])
        let september = try Self.rows(Self.report(scratch, ["--quarter", "2026-Q3", "--format", "json"]))
        let bridgeQ3 = try #require(september["Bridge Ledger"])
        #expect(bridgeQ3["volume"] as? Int == 1 && bridgeQ3["won"] as? Int == 0)
        #expect(bridgeQ3["win_rate"] == nil || bridgeQ3["win_rate"] is NSNull)
        let acme = try #require(september["Acme Consulting"])
        #expect(acme["volume"] as? Int == 0)
        #expect(acme["qualification_rate"] == nil || acme["qualification_rate"] is NSNull)
        let october = try Self.rows(Self.report(scratch, ["--quarter", "2026-Q4", "--format", "json"]))
        let bridgeQ4 = try #require(october["Bridge Ledger"])
        #expect(bridgeQ4["volume"] as? Int == 0 && bridgeQ4["won"] as? Int == 1)
        #expect(bridgeQ4["median_days_to_close"] as? Double == 15)

        let table = try Self.report(scratch, ["--quarter", "2026-Q3"])
        let acmeLine = try #require(table.stdout.split(separator: "\n").first { $0.hasPrefix("Acme Consulting") })
        #expect(acmeLine.contains("n/a") && !acmeLine.contains("0%") && !acmeLine.contains("nan"))
    }

    @Test func aBadCellAfterAQuotedLineBreakIsReportedOnItsOwnLine() throws {
        let csv = """
            Created,Partner,Company,Stage,Amount,Closed,Status
            2026-09-02,acme,"Northwind
            Foods, Ltd",Qualified,,,
            2026-09-31,acme,Harbor Supply,Qualified,,,

            """
        let scratch = try Self.project(["deals.csv": csv])
        let run = try Self.report(scratch, [])
        #expect(run.status == 1)
        #expect(
            run.stderr.hasPrefix(
                "content/pipeline/deals.csv:4:1: error: '2026-09-31' is not a date written 'yyyy-MM-dd' or 'dd.MM.yyyy'\n"
            ))
    }

    @Test func theReportNamesThePartnerMeantAndRefusesAQuarterItCannotRead() throws {
        let scratch = try Self.project(["deals.csv": "Created,Partner,Company,Stage,Amount,Closed,Status\n"])
        let partner = try Self.report(scratch, ["--partner", "acm"])
        #expect(partner.status == 2)
        #expect(partner.stderr.hasSuffix("error: no partner 'acm' in content/partners (did you mean 'acme'?)\n"))
        let quarter = try Self.report(scratch, ["--quarter", "2026-Q5"])
        #expect(quarter.status == 64 || quarter.status == 2)
        #expect(quarter.stderr.contains("--quarter must be written YYYY-QN"))
    }

    @Test func theNumbersDecideTheTierCoMarketingAndWhatIsWrong() throws {
        // Sunset has been a partner since 2024: seven referrals, one qualified, and quiet wins.
        // Acme joined in September: four qualified, three open, one won; Bridge sent nothing.
        var rows = ["Created,Partner,Company,Stage,Amount,Closed,Status"]
        for (index, stage) in ["Qualified", "Proposal", "Qualified", "Closed Won"].enumerated() {
            rows.append("2026-09-1\(index),acme,Acme client \(index),\(stage),1000,2026-10-20,active")
        }
        for index in 0..<7 {
            rows.append(
                "2026-0\(index + 1)-05,sunset,Sunset client \(index),\(index == 0 ? "Qualified" : "Closed Lost"),,2026-08-01,"
            )
        }
        let scratch = try Self.project(["deals.csv": rows.joined(separator: "\n") + "\n"])
        try Self.goldIsEarned(in: scratch)
        let report = try Self.rows(Self.report(scratch, ["--quarter", "2026-Q4", "--format", "json"]))
        let acme = try #require(report["Acme Consulting"])
        #expect(acme["earned_tier"] as? String == "Gold" && acme["tier_move"] as? String == "stays")
        #expect(acme["co_marketing"] as? Bool == true && acme["first_win"] as? String == "2026-10-20")
        let sunset = try #require(report["Sunset Advisors"])
        #expect(sunset["earned_tier"] as? String == "Silver" && sunset["tier_move"] as? String == "down to Silver")
        #expect(sunset["co_marketing"] as? Bool == false)
        #expect(
            sunset["findings"] as? [String] == [
                "1 of 7 referrals qualified: the partner's audience may not match, or the enablement does not land "
                    + "(enablement: fixture-in-one-page, security-objections)",
                "0 of 6 qualified opportunities that closed were won: expectations may be set wrong before the handoff",
                "no joint win yet, more than 90 days after joining",
            ])
        let bridge = try #require(report["Bridge Ledger"])
        // Bridge joined in October: too new to be quiet, or to be late with a first win.
        #expect(bridge["findings"] as? [String] == [] && bridge["first_win"] == nil)
    }

    @Test func theExampleReadsBothCRMShapes() throws {
        let scratch = try Scratch()
        let run = try PorticoRun.run(
            [
                "report", "--content", PorticoRun.packageRoot.appendingPathComponent("content").path, "--date",
                "2026-11-25", "--quarter", "2026-Q3", "--format", "csv",
            ],
            in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("hubspot-deals.csv: 94 rows read, 94 used, 0 dropped"))
        #expect(run.stderr.contains("salesforce-opportunities.csv: 59 rows read, 59 used, 0 dropped"))
        let names = run.stdout.split(separator: "\r\n").dropFirst().compactMap {
            $0.split(separator: ",", omittingEmptySubsequences: false).dropFirst().first
        }
        #expect(names.contains("Cargo Compass Consulting") && names.contains("Stackyard WMS"))
        #expect(names.contains("Other channels") && !names.contains("PalletPoint Partners"))
    }
}
