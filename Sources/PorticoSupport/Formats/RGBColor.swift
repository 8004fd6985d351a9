import Foundation

/// A colour written `#rrggbb` (or `#rgb`), with the WCAG 2 contrast arithmetic a theme needs to
/// tell whether text in it can be read on a background.
public struct RGBColor: Sendable, Hashable, CustomStringConvertible {
    public var red: Int
    public var green: Int
    public var blue: Int

    public init(red: Int, green: Int, blue: Int) {
        (self.red, self.green, self.blue) = (red, green, blue)
    }

    /// `#0b5cad`, `#0B5CAD` or `#06c`; nil for anything else.
    public init?(hex text: String) {
        guard text.hasPrefix("#"), text.allSatisfy({ $0 == "#" || $0.isHexDigit }) else { return nil }
        var digits = String(text.dropFirst())
        if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
        guard digits.count == 6, let value = Int(digits, radix: 16) else { return nil }
        self.init(red: value >> 16 & 0xFF, green: value >> 8 & 0xFF, blue: value & 0xFF)
    }

    /// `#rrggbb`, lower case.
    public var description: String {
        "#" + [red, green, blue].map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }

    /// WCAG 2's relative luminance.
    public var luminance: Double {
        func channel(_ value: Int) -> Double {
            let c = Double(value) / 255
            return c <= 0.040_45 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
    }

    /// WCAG 2's contrast ratio, from 1 to 21.
    public func contrast(with other: RGBColor) -> Double {
        let (a, b) = (luminance, other.luminance)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// The colour `fraction` of the way to `other` (0: itself, 1: `other`).
    public func mixed(with other: RGBColor, _ fraction: Double) -> RGBColor {
        func mix(_ a: Int, _ b: Int) -> Int { Int((Double(a) + (Double(b) - Double(a)) * fraction).rounded()) }
        return RGBColor(red: mix(red, other.red), green: mix(green, other.green), blue: mix(blue, other.blue))
    }

    /// The nearest shade towards `target` (black or white) with at least `ratio` against every
    /// background, in steps of 1%; nil when even `target` itself does not reach it.
    public func shade(towards target: RGBColor, reaching ratio: Double, on backgrounds: [RGBColor]) -> RGBColor? {
        for step in 0...100 {
            let candidate = mixed(with: target, Double(step) / 100)
            if backgrounds.allSatisfy({ candidate.contrast(with: $0) >= ratio }) { return candidate }
        }
        return nil
    }

    public static let white = RGBColor(red: 255, green: 255, blue: 255)
    public static let black = RGBColor(red: 0, green: 0, blue: 0)
}
