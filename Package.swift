// swift-tools-version:6.0
// LiveInsight: Korean live-commerce broadcasts → transcripts → keyword/sales insight.
// One library target per concern; dependencies flow one way:
// CSndFile/CFFTW → AudioIO → Features → (Acoustic …) and Hangul → Validation; the CLI only wires them.
import PackageDescription

let package = Package(
    name: "LiveInsight",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "liveinsight", targets: ["liveinsight"]),
        .library(name: "AudioIO", targets: ["AudioIO"]),
        .library(name: "Features", targets: ["Features"]),
        .library(name: "Hangul", targets: ["Hangul"]),
        .library(name: "Validation", targets: ["Validation"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // C libraries, wrapped thinly; nothing outside AudioIO/Features imports them.
        .systemLibrary(name: "CSndFile", pkgConfig: "sndfile",
                       providers: [.apt(["libsndfile1-dev"])]),
        .systemLibrary(name: "CFFTW", pkgConfig: "fftw3f",
                       providers: [.apt(["libfftw3-dev"])]),

        .target(name: "AudioIO", dependencies: ["CSndFile"]),
        .target(name: "Features", dependencies: ["CFFTW", "AudioIO"]),
        .target(name: "Hangul"),
        .target(name: "Validation", dependencies: ["Hangul"]),

        .executableTarget(
            name: "liveinsight",
            dependencies: [
                "AudioIO", "Features", "Validation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        .executableTarget(
            name: "FrontEndBenchmark",
            dependencies: ["AudioIO", "Features"],
            path: "Benchmarks/FrontEndBenchmark"),

        .executableTarget(
            name: "ValidationBenchmark",
            dependencies: ["Validation"],
            path: "Benchmarks/ValidationBenchmark"),

        .testTarget(name: "AudioIOTests", dependencies: ["AudioIO"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "FeaturesTests", dependencies: ["Features", "AudioIO"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "HangulTests", dependencies: ["Hangul"]),
        .testTarget(name: "ValidationTests", dependencies: ["Validation"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "CLITests", dependencies: []),
    ]
)
