/// Which Portico made a file: `portico --version`, and the generator named in feeds, calendars
/// and page heads.
public enum PorticoVersion {
    public static let number = "0.1.0"
    public static let generator = "Portico \(number)"
}
