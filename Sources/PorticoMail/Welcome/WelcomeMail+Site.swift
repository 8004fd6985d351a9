import Foundation
import PorticoAccess
import PorticoSite
import PorticoSupport

/// A welcome is written for a site already published: the contact's link opens only a site
/// built with their key file. A contact added (or a link renewed) after the last build would
/// otherwise get a link that says "access with this link has ended".
extension WelcomeMail {
    package static func checkSiteOpens(
        for email: String, partner: String, access: AccessPlan, options: BuildOptions
    ) throws(PorticoError) {
        guard let name = access.keyFileName(email: email) else { return }
        let site =
            options.outputDisplayPath.hasSuffix("/") ? options.outputDisplayPath : options.outputDisplayPath + "/"
        let build =
            options.outputDisplayPath == "site"
            ? "portico build" : "portico build --output \(options.outputDisplayPath)"
        let then = "run '\(build)', publish \(site), then 'portico welcome \(partner) \(email)' again"
        let marker = options.outputURL.appendingPathComponent(OutputFolder.markerName)
        guard FileManager.default.fileExists(atPath: marker.path) else {
            throw PorticoError.refused(
                "there is no built site in \(site) to check \(email)'s link against (--output names it); \(then)")
        }
        let keyFile = options.outputURL.appendingPathComponent(Routes.keysFolder + name + ".json")
        guard FileManager.default.fileExists(atPath: keyFile.path) else {
            throw PorticoError.refused(
                "\(site) has no key for \(email): it was built before they were added or their link was renewed, "
                    + "so their link would not open; \(then)")
        }
    }
}
