import PorticoModel
import PorticoSupport

/// What a partner's numbers over the last four quarters say is wrong, by the rules partner teams
/// review with: referrals that rarely qualify point to an audience that does not match or to
/// enablement that does not land; qualified referrals that rarely convert point to expectations
/// set wrong before the handoff; no referrals at all to a partnership gone quiet.
public struct Finding: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case lowQualification = "low-qualification"
        case lowConversion = "low-conversion"
        case quiet
        case noFirstWin = "no-first-win"
    }

    public var kind: Kind
    public var message: String
    /// What to do about it.
    public var hint: String
    /// The enablement assets that match the partner's kind, when enablement is a likely cause.
    public var assetIDs: [String]

    /// At least this many referrals before a rate means anything.
    public static let minimumVolume = 4
    public static let lowQualificationRate = 0.4
    /// At least this many qualified opportunities closed before a win rate means anything.
    public static let minimumQualified = 3
    public static let lowWinRate = 0.2

    static func diagnose(
        _ numbers: QuarterNumbers, partner: Partner, assets: [Asset], overdueFirstWin: Bool, joinedBeforeWindow: Bool
    ) -> [Finding] {
        var findings: [Finding] = []
        if numbers.volume == 0, joinedBeforeWindow {
            findings.append(
                Finding(
                    kind: .quiet, message: "no referrals in the last four quarters",
                    hint: "call them: ask what changed, and whether the partnership still fits their plans",
                    assetIDs: []))
        }
        if numbers.volume >= minimumVolume, let rate = numbers.qualificationRate, rate < lowQualificationRate {
            let enablement = assets.filter {
                $0.serves(partner.kind) && ($0.kind == .onePager || $0.kind == .objection)
            }
            findings.append(
                Finding(
                    kind: .lowQualification,
                    message: "\(numbers.qualified) of \(numbers.volume) referrals qualified: the partner's "
                        + "audience may not match, or the enablement does not land",
                    hint: "go through who qualifies with them, with the material named here",
                    assetIDs: enablement.map(\.id)))
        }
        if numbers.won + numbers.lost >= minimumQualified, let rate = numbers.winRate, rate < lowWinRate {
            findings.append(
                Finding(
                    kind: .lowConversion,
                    message: "\(numbers.won) of \(numbers.won + numbers.lost) qualified opportunities that closed were "
                        + "won: expectations may be set wrong before the handoff",
                    hint: "agree with them what to promise a customer before the handoff, and read the lost reasons "
                        + "together",
                    assetIDs: []))
        }
        if overdueFirstWin {
            findings.append(
                Finding(
                    kind: .noFirstWin, message: "no joint win yet, more than 90 days after joining",
                    hint: "pick one promising opportunity with them and work it together to a first win",
                    assetIDs: []))
        }
        return findings
    }
}
