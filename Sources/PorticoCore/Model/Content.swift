/// Everything loaded from a content folder: the input of validation and planning.
public struct Content: Sendable {
    public var program: Program
    /// By id.
    public var partners: [Partner]
    /// By id.
    public var assets: [Asset]

    public init(program: Program, partners: [Partner], assets: [Asset]) {
        self.program = program
        self.partners = partners.sorted { $0.id < $1.id }
        self.assets = assets.sorted { $0.id < $1.id }
    }
}
