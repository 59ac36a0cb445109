// swift-tools-version: 6.0
import PackageDescription

/// The solver's hot loop is built without bounds checks and for this machine's CPU in release
/// builds (benchmarks and tests run release); debug builds keep every check.
let fastMath: [SwiftSetting] = [
    .unsafeFlags(["-Ounchecked", "-target-cpu", "native"], .when(configuration: .release)),
]

let package = Package(
    name: "series12",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "series12", targets: ["series12"]),
    ],
    targets: [
        .systemLibrary(name: "CArchive", path: "Sources/CArchive", pkgConfig: "libarchive",
                       providers: [.apt(["libarchive-dev"])]),
        .systemLibrary(name: "CCrypto", path: "Sources/CCrypto", pkgConfig: "libcrypto",
                       providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses",
                       providers: [.apt(["libncurses-dev"])]),
        .target(name: "Series12Core", swiftSettings: fastMath),
        .target(name: "Series12Plots"),
        .target(name: "Series12Retention", dependencies: ["CArchive", "CCrypto", "Series12Plots"]),
        .target(name: "Series12Sweep", dependencies: ["Series12Core", "Series12Retention"]),
        .target(name: "Series12Validation", dependencies: ["Series12Core", "Series12Retention", "Series12Sweep"],
                swiftSettings: fastMath),
        .target(name: "Series12Dashboard", dependencies: ["CNcurses", "Series12Sweep", "Series12Retention"]),
        .executableTarget(name: "series12",
                          dependencies: ["Series12Core", "Series12Retention", "Series12Sweep",
                                         "Series12Validation", "Series12Dashboard"],
                          swiftSettings: fastMath),
        .testTarget(name: "Series12CoreTests", dependencies: ["Series12Core"]),
        .testTarget(name: "Series12PlotsTests", dependencies: ["Series12Plots"]),
        .testTarget(name: "Series12RetentionTests", dependencies: ["Series12Retention"]),
        .testTarget(name: "Series12SweepTests", dependencies: ["Series12Sweep", "Series12Core", "Series12Retention"]),
        .testTarget(name: "Series12ValidationTests", dependencies: ["Series12Validation", "Series12Core"]),
        .testTarget(name: "Series12DashboardTests", dependencies: ["Series12Dashboard", "Series12Sweep"]),
        .testTarget(name: "EndToEndTests", dependencies: ["Series12Retention"]),
    ],
    swiftLanguageModes: [.v6]
)
