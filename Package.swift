// swift-tools-version: 6.1
import PackageDescription

/// OpenCV 4.6 and exiv2 come from Debian's -dev packages (scripts/bootstrap). Debian's minimal OpenCV
/// set ships no opencv4.pc, so the include path and libraries are named here once for the whole project.
let openCVModules = ["core", "imgproc", "imgcodecs", "features2d", "flann", "calib3d", "dnn", "videoio"]

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "Rosette",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "rosette", targets: ["rosette"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // C++ shim over OpenCV and exiv2: an extern "C" API that catches every C++ exception.
        .target(
            name: "CRosetteNative",
            cxxSettings: [
                .unsafeFlags(["-I/usr/include/opencv4", "-Wno-deprecated-declarations"]),
            ],
            linkerSettings: openCVModules.map { .linkedLibrary("opencv_\($0)") } + [
                .linkedLibrary("exiv2"),
                .linkedLibrary("stdc++"),
            ]
        ),
        .target(name: "Core", swiftSettings: strict),
        .target(
            name: "Store",
            dependencies: ["Core", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),
        .target(name: "Imaging", dependencies: ["Core", "CRosetteNative"], swiftSettings: strict),
        .target(
            name: "Ingest",
            dependencies: ["Core", "Store", "Imaging", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),
        // Camtrap DP packages in and out (TDWG exchange standard), with the privacy roles applied on export.
        // Partner catalogs carry reference flank chips and their pattern features (Identify), re-encoded without metadata (Imaging).
        .target(name: "Exchange", dependencies: ["Core", "Store", "Imaging", "Identify", .product(name: "Crypto", package: "swift-crypto")],
                swiftSettings: strict),
        .target(name: "Census", dependencies: ["Core", "Store"], swiftSettings: strict + [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        // Rendering is pixel loops: optimised even in debug builds, so tests and the demo stay fast.
        .target(name: "Simulate", dependencies: ["Core", "Imaging"], swiftSettings: strict + [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        .target(name: "Identify", dependencies: ["Core", "Store", "Imaging", "CRosetteNative"], swiftSettings: strict + [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        .target(name: "Triage", dependencies: ["Core", "Store", "Imaging", "CRosetteNative"], swiftSettings: strict),
        // The web app: pages, images and a JSON API over the same library calls as the CLI.
        .target(
            name: "Server",
            dependencies: [
                "Core", "Store", "Imaging", "Census", "Identify",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Templates"), .copy("Static")],
            swiftSettings: strict
        ),
        .target(
            name: "CLI",
            dependencies: [
                "Core", "Store", "Imaging", "Ingest", "Census", "Simulate", "Identify", "Triage", "Server", "Exchange",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "rosette", dependencies: ["CLI", "Store", .product(name: "ArgumentParser", package: "swift-argument-parser")], swiftSettings: strict),
        // `make fuzz`: every parser under libFuzzer (scripts/fuzz builds it with -sanitize=fuzzer,address -DROSETTE_FUZZ);
        // an ordinary build makes the same binary as a replayer of saved inputs.
        .target(name: "CRosetteFuzz"),
        .executableTarget(name: "rosette-fuzz", dependencies: ["CRosetteFuzz", "Core", "Imaging", "Ingest", "Triage", "Census", "Exchange"],
                          swiftSettings: strict),
        .executableTarget(
            name: "rosette-bench",
            dependencies: ["Core", "Store", "Imaging", "Ingest", "Census", "Simulate", "CLI", "Identify", "Server", "TestSupport",
                           .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),

        .target(name: "TestSupport", dependencies: ["Core", "Imaging", .product(name: "GRDB", package: "GRDB.swift")], path: "Tests/TestSupport", swiftSettings: strict),
        .testTarget(name: "CoreTests", dependencies: ["Core", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "StoreTests", dependencies: ["Store", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")], swiftSettings: strict),
        .testTarget(name: "ImagingTests", dependencies: ["Imaging", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "Store", "Imaging", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
                    swiftSettings: strict),
        .testTarget(name: "CensusTests", dependencies: ["Census", "Core", "Store", "Ingest", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "SimulateTests", dependencies: ["Simulate", "Imaging", "Ingest", "Store", "Core", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "IdentifyTests", dependencies: ["Identify", "Store", "Core", "Imaging", "TestSupport"], resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "TriageTests", dependencies: ["Triage", "Identify", "Store", "Imaging", "Core", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
                    resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "ServerTests", dependencies: ["Server", "Store", "Core", "Ingest", "Imaging", "Identify", "TestSupport",
                                                      .product(name: "GRDB", package: "GRDB.swift"),
                                                      .product(name: "HummingbirdTesting", package: "hummingbird")],
                    swiftSettings: strict),
        .testTarget(name: "ExchangeTests", dependencies: ["Exchange", "Store", "Core", "Ingest", "TestSupport"], resources: [.copy("Fixtures")],
                    swiftSettings: strict),
        .testTarget(name: "CLITests", dependencies: ["CLI", "Store", "TestSupport", "rosette"], swiftSettings: strict),
    ]
)
