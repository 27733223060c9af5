// swift-tools-version:6.0
// LiveInsight: Korean live-commerce broadcasts → transcripts → keyword/sales insight.
// One library target per concern; dependencies flow one way:
// CSndFile/CFFTW → AudioIO → Features → (Acoustic …) and Hangul → Transcripts → (Acoustic, Validation);
// Checkpoints → Report → Catalog → Pipeline (Docs/pipeline.md); the CLI only wires them.
import PackageDescription

// The inference kernels are written for AVX2 + FMA (x86-64-v3: every x86 server since 2013);
// without it SIMD multiply-adds fall back to a libm call per lane. Other architectures build as is.
// Debug builds optimise these targets too: unoptimised, the model runs 15x slower, and the tests that run
// the shipped model on minutes of audio would take most of CI.
#if arch(x86_64)
let kernelSettings: [SwiftSetting] = [
    .unsafeFlags(["-Xcc", "-march=x86-64-v3"]), .unsafeFlags(["-O"], .when(configuration: .debug)),
]
#else
let kernelSettings: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]
#endif

let package = Package(
    name: "LiveInsight",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "liveinsight", targets: ["liveinsight"]),
        .library(name: "AudioIO", targets: ["AudioIO"]),
        .library(name: "Features", targets: ["Features"]),
        .library(name: "Acoustic", targets: ["Acoustic"]),
        .library(name: "Transcripts", targets: ["Transcripts"]),
        .library(name: "Transcription", targets: ["Transcription"]),
        .library(name: "Insight", targets: ["Insight"]),
        .library(name: "Hangul", targets: ["Hangul"]),
        .library(name: "Validation", targets: ["Validation"]),
        .library(name: "Checkpoints", targets: ["Checkpoints"]),
        .library(name: "Catalog", targets: ["Catalog"]),
        .library(name: "Pipeline", targets: ["Pipeline"]),
        .library(name: "Report", targets: ["Report"]),
        .library(name: "Server", targets: ["Server"]),
        .library(name: "Reviews", targets: ["Reviews"]),
        .library(name: "Commerce", targets: ["Commerce"]),
        .library(name: "JobQueue", targets: ["JobQueue"]),
    ],
    dependencies: [
        // Pinned to the minor version: a new minor release is adopted on purpose, not by the next resolve
        // (Package.resolved stays out of git on these machines).
        .package(url: "https://github.com/apple/swift-argument-parser", .upToNextMinor(from: "1.8.2")),
        .package(url: "https://github.com/groue/GRDB.swift", .upToNextMinor(from: "7.10.0")),
        .package(url: "https://github.com/hummingbird-project/hummingbird", .upToNextMinor(from: "2.28.1")),
        .package(url: "https://github.com/yaslab/CSV.swift", .upToNextMinor(from: "2.5.2")),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", .upToNextMinor(from: "2.5.0")),
        .package(url: "https://github.com/vapor/postgres-nio", .upToNextMinor(from: "1.33.2")),
    ],
    targets: [
        // C libraries, wrapped thinly; nothing outside AudioIO/Features (and Report, for XLSX) imports them.
        .systemLibrary(name: "CSndFile", pkgConfig: "sndfile",
                       providers: [.apt(["libsndfile1-dev"])]),
        .systemLibrary(name: "CFFTW", pkgConfig: "fftw3f",
                       providers: [.apt(["libfftw3-dev"])]),
        // Native XLSX (number formats, widths, charts) for the reports; only Report imports it.
        .systemLibrary(name: "CXLSXWriter", pkgConfig: "xlsxwriter",
                       providers: [.apt(["libxlsxwriter-dev"])]),

        .target(name: "AudioIO", dependencies: ["CSndFile"], swiftSettings: kernelSettings),
        .target(name: "Features", dependencies: ["CFFTW", "AudioIO"], swiftSettings: kernelSettings),
        .target(name: "ContentHash"),
        // Where shipped model files are found when the user names none: one lookup order for every model.
        .target(name: "ModelLookup"),
        // Reading users' text files in whatever encoding they were saved (UTF-8, UTF-16, CP949) via iconv, and
        // their CSV records (yaslab/CSV.swift) with line numbers.
        .target(name: "TextDecoding", dependencies: [.product(name: "CSV", package: "CSV.swift")],
                linkerSettings: [.linkedLibrary("iconv", .when(platforms: [.macOS]))]),
        .target(name: "SeededRandom"),
        // Grouped numbers, won and percentages: the one number formatter of reports, pages and tables.
        .target(name: "Formatting"),
        // Escaping text for HTML, SVG and XML: the one escaper of the dashboard, reports and word clouds.
        .target(name: "Markup"),
        // The transcript and its timed words (`transcript.json`): one definition for the recogniser, the
        // pipeline and validation, which must not pull in the acoustic model to read one.
        .target(name: "Transcripts", dependencies: ["Hangul"]),
        .target(name: "Acoustic", dependencies: ["ContentHash", "Hangul", "Transcripts"], swiftSettings: kernelSettings),
        .target(name: "Transcription", dependencies: [
            "AudioIO", "Features", "Acoustic", "Transcripts", "Hangul", "ModelLookup",
        ]),
        // Text from elsewhere (captions, cue sheets) aligned to the recording's posteriors (Docs/transcripts.md).
        .target(name: "TranscriptAlignment", dependencies: ["Acoustic", "Transcription", "Hangul", "Validation"]),
        .target(name: "Insight", dependencies: ["Acoustic", "Transcription", "Hangul", "SeededRandom", "TextDecoding",
                                            "Formatting"]),
        .target(name: "Hangul"),
        // The dashboard's team: accounts and roles, bcrypt password hashes, sessions, CSRF tokens, sign-in limits.
        .target(name: "Accounts", dependencies: [.product(name: "HummingbirdBcrypt", package: "hummingbird-auth")]),
        // The Q&A board's inquiries, answers and review states (stored by the catalog).
        .target(name: "Board"),
        // Sales lines for a product's next show from the review topics it scores well on, with their evidence.
        .target(name: "Catchphrases", dependencies: ["Reviews", "Hangul"]),
        // Negative-review spikes as the dashboard lists them, with acknowledge/resolve states.
        .target(name: "Alerts", dependencies: ["Reviews"]),
        .target(name: "Validation", dependencies: ["Hangul", "Markup", "TextDecoding", "Formatting", "Transcripts"]),
        // The workspace layout: folder and file names, the manifest, the checkpoint formats, atomic writes.
        .target(name: "Checkpoints", dependencies: ["AudioIO", "Acoustic", "ContentHash"]),
        // The workspace's catalog: broadcasts, jobs, stage runs, orders, and the dashboard's listing over it. In
        // SQLite (GRDB) beside the workspace, or in a shared PostgreSQL database (postgres-nio), the same SQL on both.
        .target(name: "Catalog", dependencies: [
            "Checkpoints", "Insight", "Validation", "Report", "Commerce", "Accounts", "Board", "Catchphrases", "Alerts",
            "ContentHash", "PostgresSupport", .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
        ]),
        // The stages, the runner and the watched folder.
        .target(name: "Pipeline", dependencies: [
            "Checkpoints", "Catalog", "AudioIO", "Acoustic", "Transcription", "TranscriptAlignment", "Insight",
            "Validation", "Reviews", "Report", "ContentHash", "TextDecoding", "ModelLookup", "Accounts", "Board",
            "Catchphrases", "Alerts",
        ]),
        // Dashboard pages, SVG charts, XLSX/PDF/HTML reports; independent of the HTTP server.
        .target(name: "Report", dependencies: [
            "Checkpoints", "Insight", "Transcription", "Markup", "Commerce", "CXLSXWriter", "Formatting", "Hangul",
            "Accounts", "Board", "Catchphrases", "Alerts", "Reviews", "Validation",
        ]),
        // The dashboard's HTTP server (Hummingbird) over a Report.BroadcastStore.
        .target(name: "Server", dependencies: [
            "Report", "Insight", "Accounts", "Board", "Catchphrases", "Alerts",
            .product(name: "Hummingbird", package: "hummingbird"),
        ]),
        .target(name: "Reviews", dependencies: ["ContentHash", "Markup", "TextDecoding", "ModelLookup"]),
        // Orders, customers (RFM) and recommenders (popular, bought together, content, ALS, hybrid); pure Swift.
        .target(name: "Commerce", dependencies: ["Insight", "SeededRandom", "TextDecoding"],
                swiftSettings: kernelSettings),

        // What the job queue and the catalog share on PostgreSQL: database URLs and per-component schema versions.
        .target(name: "PostgresSupport", dependencies: [.product(name: "PostgresNIO", package: "postgres-nio")]),
        // The shared job queue of many workers on many machines: a PostgreSQL table (postgres-nio), claimed
        // with SKIP LOCKED under leases; it knows recordings and workers, not the pipeline.
        .target(name: "JobQueue", dependencies: [
            "PostgresSupport", .product(name: "PostgresNIO", package: "postgres-nio"),
        ]),

        .executableTarget(
            name: "liveinsight",
            dependencies: [
                "AudioIO", "Features", "Acoustic", "Transcription", "Insight", "Validation", "Reviews", "Checkpoints",
                "Catalog", "Pipeline", "Report", "Server", "TextDecoding", "Commerce", "ModelLookup", "Formatting",
                "Accounts", "Catchphrases", "JobQueue", "PostgresSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // A throw-away PostgreSQL server for the tests and benchmarks that need a real one (Tests/Support).
        .target(name: "PrivatePostgres", path: "Tests/Support/PrivatePostgres"),

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
            name: "ValidationBenchmark",
            dependencies: ["Validation", "SeededRandom"],
            path: "Benchmarks/ValidationBenchmark"),

        .executableTarget(
            name: "AlignmentBenchmark",
            dependencies: ["Acoustic", "Insight", "Transcription"],
            path: "Benchmarks/AlignmentBenchmark"),

        .executableTarget(
            name: "DashboardBenchmark",
            dependencies: ["Insight", "Report", "Catalog", "Pipeline"],
            path: "Benchmarks/DashboardBenchmark"),

        .executableTarget(
            name: "ScaleOutBenchmark",
            dependencies: ["AudioIO", "Checkpoints", "Catalog", "Commerce", "JobQueue", "PostgresSupport",
                           "PrivatePostgres", .product(name: "PostgresNIO", package: "postgres-nio")],
            path: "Benchmarks/ScaleOutBenchmark"),

        .executableTarget(
            name: "ReviewsBenchmark",
            dependencies: ["Reviews"],
            path: "Benchmarks/ReviewsBenchmark"),

        .executableTarget(
            name: "CommerceBenchmark",
            dependencies: ["Commerce"],
            path: "Benchmarks/CommerceBenchmark",
            exclude: ["README.md", "implicit_als.py"]),

        .testTarget(name: "AudioIOTests", dependencies: ["AudioIO"]),
        .testTarget(name: "FeaturesTests", dependencies: ["Features", "AudioIO"], exclude: ["Fixtures"]),
        // Transcription too: a model the engine loads must still fit the front end that feeds it.
        .testTarget(name: "AcousticTests", dependencies: ["Acoustic", "Features", "ContentHash", "Transcription"]),
        .testTarget(name: "ContentHashTests", dependencies: ["ContentHash"]),
        .testTarget(name: "TextDecodingTests", dependencies: ["TextDecoding"]),
        .testTarget(name: "ModelLookupTests", dependencies: ["ModelLookup"]),
        .testTarget(name: "MarkupTests", dependencies: ["Markup"]),
        .testTarget(name: "FormattingTests", dependencies: ["Formatting"]),
        .testTarget(name: "TranscriptionTests", dependencies: ["Transcription", "Acoustic", "AudioIO"]),
        // The shipped model measured against its model card (minutes of audio: kept out of the unit targets).
        .testTarget(name: "ShippedModelTests", dependencies: [
            "Transcription", "Acoustic", "AudioIO", "Insight", "Validation", "TranscriptAlignment",
        ]),
        .testTarget(name: "InsightTests", dependencies: ["Insight", "Acoustic", "Transcription", "SeededRandom", "TextDecoding"]),
        .testTarget(name: "HangulTests", dependencies: ["Hangul"]),
        .testTarget(name: "ValidationTests",
                    dependencies: ["Validation", "SeededRandom", "TextDecoding", "Transcripts"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "PipelineTests", dependencies: [
            "Pipeline", "Checkpoints", "Catalog", "Alerts", "Acoustic", "Transcription", "Insight", "Report", "Validation",
            "Accounts", "Board", "Catchphrases", "Commerce", "Reviews", "PrivatePostgres",
        ]),
        .testTarget(name: "CLITests", dependencies: [
            "liveinsight", "Pipeline", "Checkpoints", "Catalog", "Transcription", "SeededRandom", "Accounts", "JobQueue",
            "PostgresSupport", "PrivatePostgres",
        ]),
        .testTarget(name: "JobQueueTests", dependencies: ["JobQueue", "PostgresSupport", "PrivatePostgres"]),
        .testTarget(name: "DashboardTests", dependencies: [
            "Server", "Report", "Insight", "Transcription", "Commerce", "Formatting",
            "Pipeline", "Catalog", "Checkpoints", "Accounts", "Board", "Catchphrases", "Alerts", "Reviews",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ], exclude: ["Scripts"]),
        .testTarget(name: "CommerceTests", dependencies: ["Commerce", "Insight", "Catalog", "Checkpoints", "Report"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "AccountsTests", dependencies: ["Accounts"]),
        .testTarget(name: "CatchphrasesTests", dependencies: ["Catchphrases", "Reviews", "Insight"]),
        .testTarget(name: "ReviewsTests", dependencies: ["Reviews", "TextDecoding"], resources: [.copy("Fixtures")]),
    ]
)
