import PorticoSupport

/// Everything loaded from a content folder: the input of validation and planning.
public struct Content: Sendable {
    public var program: Program
    /// By id.
    public var partners: [Partner]
    /// Published assets, by id.
    public var assets: [Asset]
    /// Assets marked `draft: true`: checked, not published.
    public var draftAssetIDs: Set<String>
    /// `content/static/`, published under `static/` beside the theme's own files.
    public var staticFiles: [AssetFile]
    /// Published briefs, newest first.
    public var briefs: [Brief] = []
    /// Every brief month with a file, drafts included: `portico new brief` looks back to the last one.
    public var briefMonths: [Month] = []
    /// By id.
    public var stories: [Story] = []
    /// In the order of campaigns.yml.
    public var campaigns: [Campaign] = []
    /// In the order of glossary.yml.
    public var glossary: [GlossaryTerm] = []
    /// Every usable row of the CRM's exports in `pipeline/`, in file and row order.
    public var opportunities: [Opportunity] = []
    /// What each export file gave: rows read, used and dropped.
    public var pipelineFiles: [PipelineFileSummary] = []

    public init(program: Program, partners: [Partner], assets: [Asset], staticFiles: [AssetFile] = []) {
        self.staticFiles = staticFiles
        self.program = program
        self.partners = partners.sorted { $0.id < $1.id }
        self.assets = assets.filter { !$0.draft }.sorted { $0.id < $1.id }
        self.draftAssetIDs = Set(assets.filter(\.draft).map(\.id))
    }
}
