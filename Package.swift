// swift-tools-version:6.0
import PackageDescription

// The targets and the only dependencies each may have: docs/architecture.md draws this graph, and
// scripts/check-architecture (run by `make test`) fails when a target gains an edge it does not list.
let package = Package(
    name: "Portico",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "portico", targets: ["portico"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        // Hummingbird's own dependencies, named for the preview's logger and its shutdown.
        .package(url: "https://github.com/apple/swift-log", from: "1.14.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "PorticoSupport", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "PorticoModel", dependencies: ["PorticoSupport"]),
        .target(name: "PorticoMarkdown", dependencies: ["PorticoSupport", "PorticoModel", "CCmarkGFM", "CLibXML2"]),
        .target(
            name: "PorticoAccess",
            dependencies: ["PorticoSupport", "PorticoModel", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "PorticoProject",
            dependencies: [
                "PorticoSupport", "PorticoModel", "PorticoMarkdown", .product(name: "Yams", package: "Yams"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
            ]
        ),
        .target(
            name: "PorticoSite",
            dependencies: [
                "PorticoSupport", "PorticoModel", "PorticoMarkdown", "PorticoAccess", "PorticoProject",
                "PorticoScorecard",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(name: "PorticoScorecard", dependencies: ["PorticoSupport", "PorticoModel"]),
        .target(
            name: "PorticoImport",
            dependencies: [
                "PorticoSupport", "PorticoModel", "PorticoMarkdown", "PorticoProject",
                .product(name: "Yams", package: "Yams"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .target(
            name: "PorticoMail",
            dependencies: [
                "PorticoSupport", "PorticoModel", "PorticoMarkdown", "PorticoAccess", "PorticoProject", "PorticoSite",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "PorticoAuthoring",
            dependencies: [
                "PorticoSupport", "PorticoModel", "PorticoProject", "PorticoSite",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "PorticoServe",
            dependencies: [
                "PorticoSupport", "PorticoModel", "PorticoMarkdown", "PorticoProject", "PorticoSite",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "portico",
            dependencies: [
                "PorticoSupport", "PorticoModel", "PorticoAccess", "PorticoProject", "PorticoSite", "PorticoImport",
                "PorticoMail", "PorticoAuthoring", "PorticoServe", "PorticoScorecard",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "PorticoFuzz",
            dependencies: ["PorticoSupport", "PorticoProject"]
        ),
        .testTarget(
            name: "PorticoTests",
            dependencies: [
                "PorticoSupport", "PorticoModel", "PorticoMarkdown", "PorticoAccess", "PorticoProject", "PorticoSite",
                "PorticoImport", "PorticoMail", "PorticoAuthoring", "PorticoServe", "PorticoScorecard",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
    ]
)
