// swift-tools-version:6.0
import Foundation
import PackageDescription

/// Swift's runtime and Foundation linked into a binary: a dozen fewer libraries for the loader to
/// bind at every start. The modules were compiled for dynamic Foundation, so its static archives'
/// own dependencies are named here, in one group.
/// `make sanitize` links them dynamically (GEOBRIEF_DYNAMIC_STDLIB=1): ThreadSanitizer does not
/// intercept the static archives' allocations, and stops in `ProcessInfo.environment` on a free it
/// cannot place (its allocator's CHECK in sanitizer_allocator_secondary.h).
let staticFoundation: [LinkerSetting] = ProcessInfo.processInfo.environment["GEOBRIEF_DYNAMIC_STDLIB"] != nil ? [] : [.unsafeFlags(["-static-stdlib", "-Xlinker", "--start-group"]
    + ["Foundation", "FoundationEssentials", "FoundationInternationalization", "CoreFoundation", "_FoundationICU",
       "_FoundationCShims", "_FoundationCollections", "swiftSynchronization", "swiftDispatch", "dispatch", "BlocksRuntime"]
        .flatMap { ["-Xlinker", "-l\($0)"] }
    + ["-Xlinker", "--end-group"])]

/// GeoBrief, read from the bottom up as its pipeline: C modules; the bindings over them (the only
/// code that touches C); the data folder's catalog and formats; the gazetteer and routing; the
/// scenario; cartography; briefings and batches; the commands. Modules named `...Build` build the
/// data folder (with GDAL) and are linked only into `geobrief-data`.
let package = Package(
    name: "GeoBrief",
    products: [
        .executable(name: "geobrief", targets: ["geobrief"]),
        .executable(name: "geobrief-data", targets: ["geobrief-data"]),
        .executable(name: "geobrief-fuzz", targets: ["geobrief-fuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // C libraries, found through pkg-config.
        .systemLibrary(name: "CGDAL", pkgConfig: "gdal", providers: [.apt(["libgdal-dev"])]),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CPango", pkgConfig: "pangocairo", providers: [.apt(["libpango1.0-dev"])]),
        // PROJ is loaded when first needed (see Sources/CPROJ/shim.h): its headers only, not linked.
        .systemLibrary(name: "CPROJ", providers: [.apt(["libproj-dev"])]),
        .systemLibrary(name: "CMalloc"),
        .systemLibrary(name: "CISAL", pkgConfig: "libisal", providers: [.apt(["libisal-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CJPEG", pkgConfig: "libjpeg", providers: [.apt(["libjpeg62-turbo-dev"])]),
        // FFmpeg (libavformat, libavcodec, libavfilter) is loaded when an animation is made (see Sources/CVideo/shim.h).
        .systemLibrary(name: "CVideo", providers: [.apt(["libavcodec-dev", "libavformat-dev", "libavfilter-dev"])]),
        .systemLibrary(name: "CFuzzer"),

        // Plain Swift value types shared by every module: coordinates, boxes, geometries.
        .target(name: "GeoCore"),
        // What drawing is made of, with no library behind it: colours, rectangles, text styles.
        .target(name: "Graphics"),
        // What a map's symbols say: sides, echelons and unit types, reported figures, story dates.
        .target(name: "Symbology"),
        // The bindings, the only code that touches C: owned handles, typed errors, no raw pointer out.
        // PosixBindings: the C library (mapped files, sealed files, the atomic writer, exec).
        .target(name: "PosixBindings", dependencies: ["CMalloc"]),
        // Bindings: Cairo, Pango, PROJ, ISA-L (deflate), SQLite, libjpeg and FFmpeg.
        .target(name: "Bindings", dependencies: ["GeoCore", "Graphics", "PosixBindings", "CCairo", "CPango", "CPROJ", "CISAL", "CSQLite", "CJPEG", "CVideo"]),
        // GDALBindings: GDAL, for building the data folder only.
        .target(name: "GDALBindings", dependencies: ["GeoCore", "CGDAL"]),

        // Data: where the built data folder is, its manifest, the relief pyramid's format.
        .target(name: "DataCatalog", dependencies: ["GeoCore", "PosixBindings"]),
        // GeoPackage layers and users' GeoJSON read with SQLite and Foundation alone.
        .target(name: "GeoPackage", dependencies: ["GeoCore", "Bindings", "PosixBindings"]),
        // Gazetteer: names to places in a memory-mapped key table, and reverse geocoding.
        .target(name: "Gazetteer", dependencies: ["GeoCore", "DataCatalog", "PosixBindings", "Bindings", "GeoPackage"]),
        // Routing: shortest paths over the rail, road and sea networks.
        .target(name: "Routing", dependencies: ["GeoCore", "Bindings", "DataCatalog", "PosixBindings", "GeoPackage"]),
        // Scenario: a story as data, read from YAML with every problem located.
        .target(name: "Scenario", dependencies: ["GeoCore", "Symbology", .product(name: "Yams", package: "Yams")]),
        // Cartography: map frames, the basemap, labels, symbols and furniture, drawn with Cairo and Pango.
        .target(name: "Cartography", dependencies: ["GeoCore", "Graphics", "Symbology", "Bindings", "DataCatalog", "GeoPackage", "PosixBindings"]),
        // Scenes: scenarios resolved (places located, legs routed) into map scenes, and views rendered.
        .target(name: "Scenes", dependencies: ["GeoCore", "Graphics", "Symbology", "Bindings", "DataCatalog", "Scenario", "Cartography",
                                               "Gazetteer", "Routing"]),
        // Briefing: the multi-page PDF briefing of a scenario (maps, figures, timeline, sources).
        .target(name: "Briefing", dependencies: ["Graphics", "Symbology", "Bindings", "Scenario", "Cartography", "Scenes"]),
        // Batch: many maps at once, in parallel, each item isolated, with a journal and a report.
        .target(name: "Batch", dependencies: ["Symbology", "Bindings", "DataCatalog", "PosixBindings", "Scenario", "Cartography", "Scenes"]),
        // Animation: a view drawn frame by frame along the story's dates into MP4, WebM, GIF or APNG.
        .target(name: "Animation", dependencies: ["Graphics", "Symbology", "Bindings", "Scenario", "Cartography", "Scenes"]),
        // Export: a story as GIS layers (GeoJSON, GeoPackage, KML) with the attribution of its data.
        .target(name: "Export", dependencies: ["GeoCore", "Graphics", "Symbology", "Bindings", "PosixBindings", "DataCatalog", "GeoPackage", "Routing", "Scenario",
                                               "Cartography", "Scenes"]),
        // Draft: news articles read into a scenario, every item traced to its sentence.
        .target(name: "Draft", dependencies: ["GeoCore", "Gazetteer", "Symbology"]),
        // Commands: every run-time command of `geobrief` (geocode, route, validate, render, brief, batch, map).
        .target(name: "Commands", dependencies: ["GeoCore", "PosixBindings", "DataCatalog", "Bindings", "Scenario", "Cartography", "Gazetteer",
                                                 "Routing", "Scenes", "Briefing", "Batch", "Draft", "Animation", "Export",
                                                 .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // `geobrief`: one process for every map; `geobrief data ...` runs `geobrief-data` beside it.
        .executableTarget(name: "geobrief", dependencies: ["Commands", "PosixBindings"], linkerSettings: staticFoundation),

        // Building the data folder (GDAL): the basemap, networks and relief; the gazetteer's index
        // and key table; the routing graphs' caches. Linked only into `geobrief-data`.
        .target(name: "DataBuild", dependencies: ["GeoCore", "DataCatalog", "Bindings", "GDALBindings", "GeoPackage", "PosixBindings", "Gazetteer"]),
        .target(name: "GazetteerBuild", dependencies: ["Gazetteer", "GeoCore", "DataCatalog", "PosixBindings", "Bindings", "GDALBindings", "DataBuild"]),
        .target(name: "RoutingBuild", dependencies: ["Routing", "GeoCore", "GDALBindings", "DataBuild", "DataCatalog"]),
        // `geobrief data build|import|info|graphs`.
        .target(name: "DataCommands", dependencies: ["DataBuild", "GazetteerBuild", "RoutingBuild", "Gazetteer", "Routing", "DataCatalog",
                                                     .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(name: "geobrief-data", dependencies: ["DataCommands"], linkerSettings: staticFoundation),

        // Fuzz targets: libFuzzer's entry under `make fuzz` (-DFUZZING), replay and smoke runs otherwise.
        .executableTarget(name: "geobrief-fuzz", dependencies: ["CFuzzer", "Export", "Scenario", "Symbology", "Scenes", "Gazetteer", "GeoCore", "GeoPackage", "PosixBindings",
                                                                "Routing", "DataCatalog"]),

        // Helpers for every test target: golden images, running the built binary.
        .target(name: "TestSupport", dependencies: ["Bindings"], path: "Tests/TestSupport"),
        .testTarget(name: "GeoCoreTests", dependencies: ["GeoCore"]),
        .testTarget(name: "BindingsTests", dependencies: ["Bindings", "Graphics", "GDALBindings", "GeoCore", "PosixBindings", "TestSupport"]),
        .testTarget(name: "DataBuildTests", dependencies: ["DataBuild", "DataCatalog", "Cartography", "GeoPackage", "Bindings", "GDALBindings", "GeoCore", "PosixBindings", "TestSupport"]),
        .testTarget(name: "CartographyTests", dependencies: ["Cartography", "Bindings", "DataBuild", "DataCatalog", "GDALBindings", "GeoCore", "TestSupport"],
                    exclude: ["__Snapshots__"]),
        .testTarget(name: "GazetteerTests", dependencies: ["Gazetteer", "DataCatalog", "GazetteerBuild", "DataBuild", "GeoCore", "TestSupport"],
                    resources: [.copy("spellings.tsv"), .copy("spellings-world.tsv")]),
        .testTarget(name: "RoutingTests", dependencies: ["Routing", "DataCatalog", "RoutingBuild", "Bindings", "GDALBindings", "DataBuild", "GeoCore"]),
        .testTarget(name: "ScenarioTests", dependencies: ["Scenario", "Graphics", "Symbology", "Cartography", "Bindings", "TestSupport"]),
        .testTarget(name: "BriefingTests", dependencies: ["Batch", "Briefing", "Scenes", "Graphics", "Symbology", "DataCatalog", "Scenario", "Cartography", "Bindings", "DataBuild", "GeoCore", "TestSupport"],
                    exclude: ["__Snapshots__"]),
        .testTarget(name: "AnimationTests", dependencies: ["Animation", "Cartography", "GeoCore", "Scenario", "Symbology"]),
        .testTarget(name: "ExportTests", dependencies: ["Export", "DataCatalog", "GeoCore", "GeoPackage", "Scenes"]),
        .testTarget(name: "DraftTests", dependencies: ["Draft", "Gazetteer", "DataCatalog", "TestSupport"], exclude: ["texts"]),
        .testTarget(name: "CommandsTests", dependencies: ["Commands", "Cartography", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport", "Bindings"]),
    ],
    swiftLanguageModes: [.v6]
)
