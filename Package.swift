// swift-tools-version:6.0
// LiveInsight: Korean live-commerce broadcasts → transcripts → keyword/sales insight.
// One library target per concern; dependencies flow one way:
// CSndFile/CFFTW → AudioIO → Features → (Acoustic …) and Hangul → Validation; the CLI only wires them.
import PackageDescription

// The inference kernels are written for AVX2 + FMA (x86-64-v3: every x86 server since 2013);
// without it SIMD multiply-adds fall back to a libm call per lane. Other architectures build as is.
#if arch(x86_64)
let kernelSettings: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-march=x86-64-v3"])]
#else
let kernelSettings: [SwiftSetting] = []
#endif

let package = Package(
    name: "LiveInsight",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "liveinsight", targets: ["liveinsight"]),
        .library(name: "AudioIO", targets: ["AudioIO"]),
        .library(name: "Features", targets: ["Features"]),
        .library(name: "Acoustic", targets: ["Acoustic"]),
        .library(name: "Transcription", targets: ["Transcription"]),
        .library(name: "Hangul", targets: ["Hangul"]),
        .library(name: "Validation", targets: ["Validation"]),
        .library(name: "Reviews", targets: ["Reviews"]),
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

        .target(name: "AudioIO", dependencies: ["CSndFile"], swiftSettings: kernelSettings),
        .target(name: "Features", dependencies: ["CFFTW", "AudioIO"], swiftSettings: kernelSettings),
        .target(name: "ContentHash"),
        .target(name: "Acoustic", dependencies: ["ContentHash"], swiftSettings: kernelSettings),
        .target(name: "Transcription", dependencies: ["AudioIO", "Features", "Acoustic"]),
        .target(name: "Hangul"),
        .target(name: "Validation", dependencies: ["Hangul"]),
        .target(name: "Reviews", dependencies: ["ContentHash"]),

        .executableTarget(
            name: "liveinsight",
            dependencies: [
                "AudioIO", "Features", "Acoustic", "Transcription", "Validation", "Reviews",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        .executableTarget(
            name: "FrontEndBenchmark",
            dependencies: ["AudioIO", "Features"],
            path: "Benchmarks/FrontEndBenchmark"),

        .executableTarget(
            name: "MatrixMultiplyBenchmark",
            dependencies: ["Acoustic"],
            path: "Benchmarks/MatrixMultiplyBenchmark",
            swiftSettings: kernelSettings),

        .executableTarget(
            name: "TranscriptionBenchmark",
            dependencies: ["Acoustic", "AudioIO", "Features", "Transcription"],
            path: "Benchmarks/TranscriptionBenchmark"),

        .executableTarget(
            name: "ReviewsBenchmark",
            dependencies: ["Reviews"],
            path: "Benchmarks/ReviewsBenchmark"),

        .testTarget(name: "AudioIOTests", dependencies: ["AudioIO"]),
        .testTarget(name: "FeaturesTests", dependencies: ["Features", "AudioIO"], exclude: ["Fixtures"]),
        .testTarget(name: "AcousticTests", dependencies: ["Acoustic", "Features", "ContentHash"]),
        .testTarget(name: "ContentHashTests", dependencies: ["ContentHash"]),
        .testTarget(name: "TranscriptionTests", dependencies: ["Transcription", "Acoustic", "AudioIO"]),
        .testTarget(name: "HangulTests", dependencies: ["Hangul"]),
        .testTarget(name: "ValidationTests", dependencies: ["Validation"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "CLITests", dependencies: ["liveinsight"]),
        .testTarget(name: "ReviewsTests", dependencies: ["Reviews"], resources: [.copy("Fixtures")]),
    ]
)
