import PorticoModel
import PorticoSupport

/// `brand`: a colour every reader can read on the theme's backgrounds (WCAG 2 AA), and a logo
/// the site publishes.
struct BrandValidator {
    let brand: Brand
    /// The content's `static/` files, by their path below `static/`.
    let staticPaths: Set<String>

    static let logoExtensions = ["svg", "png", "jpg", "jpeg", "webp", "avif"]

    func check() -> [Diagnostic] {
        var issues: [Diagnostic] = []
        if let color = brand.color, let location = brand.colorLocation {
            let worst = Brand.lightBackgrounds.min { color.contrast(with: $0) < color.contrast(with: $1) }
            if let worst, color.contrast(with: worst) < Brand.minimumContrast {
                let ratio = (color.contrast(with: worst) * 10).rounded(.down) / 10
                let darker = color.shade(
                    towards: .black, reaching: Brand.minimumContrast, on: Brand.lightBackgrounds)
                issues.append(
                    .error(
                        "brand-contrast",
                        "the brand colour \(color) has a contrast of \(ratio):1 on the theme's background \(worst); "
                            + "links and buttons in it need at least 4.5:1 (WCAG 2 AA)",
                        at: location,
                        hint: darker.map { "\($0) is the nearest darker shade that passes" }
                            ?? "choose a darker colour"))
            }
        }
        if let logo = brand.logo, let location = brand.logoLocation {
            let below = logo.hasPrefix("static/") ? String(logo.dropFirst("static/".count)) : nil
            let ext = logo.split(separator: ".").last.map { $0.lowercased() } ?? ""
            if below.map(staticPaths.contains) != true {
                issues.append(
                    .error(
                        "missing-file", "the brand logo '\(logo)' is not a file of the content's static/ folder",
                        at: location, hint: "put the logo in content/static/ and write it as static/<name>"))
            } else if !Self.logoExtensions.contains(ext) {
                issues.append(
                    .error(
                        "bad-logo", "the brand logo '\(logo)' is not a picture a browser shows in a page",
                        at: location,
                        hint: "use " + Self.logoExtensions.map { "." + $0 }.joined(separator: ", ")))
            }
        }
        return issues
    }
}
