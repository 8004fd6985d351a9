import PorticoModel
import PorticoSupport

/// The custom properties that give the default theme the program's brand colour: the colour
/// itself for links and buttons, a darker one for their hover state, and for the dark scheme
/// the nearest lighter shade that reads on its backgrounds (BrandValidator has checked the light
/// one).
package enum BrandStyle {
    package static func css(_ color: RGBColor) -> String {
        let hover = color.mixed(with: .black, 0.2)
        let dark =
            color.shade(towards: .white, reaching: Brand.minimumContrast, on: Brand.darkBackgrounds) ?? .white
        let darkHover = dark.mixed(with: .white, 0.25)
        return ":root{--accent:\(color);--accent-dark:\(hover)}"
            + "@media screen and (prefers-color-scheme: dark){:root{--accent:\(dark);--accent-dark:\(darkHover)}}"
    }
}
