// swift-tools-version:6.0
import PackageDescription

/// Swift's runtime and Foundation linked into a binary: a dozen fewer libraries for the loader to
/// bind at every start. The modules were compiled for dynamic Foundation, so its static archives'
/// own dependencies are named here, in one group.
let staticFoundation: [LinkerSetting] = [.unsafeFlags(["-static-stdlib", "-Xlinker", "--start-group"]
    + ["Foundation", "FoundationEssentials", "FoundationInternationalization", "CoreFoundation", "_FoundationICU",
       "_FoundationCShims", "_FoundationCollections", "swiftSynchronization", "swiftDispatch", "dispatch", "BlocksRuntime"]
        .flatMap { ["-Xlinker", "-l\($0)"] }
    + ["-Xlinker", "--end-group"])]

/// GeoBrief: C module targets at the bottom, one thin safe layer (`Bindings`) over them,
/// domain modules that never import C, and the `geobrief` command on top.
let package = Package(
    name: "GeoBrief",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "geobrief", targets: ["geobrief"]),
        .executable(name: "geobrief-render", targets: ["geobrief-render"]),
        .executable(name: "geobrief-engine", targets: ["geobrief-engine"]),
        .executable(name: "geobrief-fuzz", targets: ["geobrief-fuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // C libraries, found through pkg-config.
        .systemLibrary(name: "CGDAL", pkgConfig: "gdal", providers: [.apt(["libgdal-dev"])]),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CPango", pkgConfig: "pangocairo", providers: [.apt(["libpango1.0-dev"])]),
        .systemLibrary(name: "CPROJ", pkgConfig: "proj", providers: [.apt(["libproj-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CFuzzer"),

        // Plain Swift value types shared by every module: coordinates, boxes, geometries.
        .target(name: "GeoCore"),
        // The only layer that touches C: owned handles, typed errors, no raw pointers out. Bindings
        // wraps Cairo, Pango, PROJ, zlib and SQLite; GDALBindings wraps GDAL, whose ~150 libraries cost a
        // process ~70 ms to load, so that the map engine can do without them; PosixBindings only the
        // C library (mapped files, exec), so that a program needing no library links none.
        .target(name: "Bindings", dependencies: ["GeoCore", "PosixBindings", "CCairo", "CPango", "CPROJ", "CZlib", "CSQLite"]),
        .target(name: "GDALBindings", dependencies: ["GeoCore", "Bindings", "CGDAL"]),
        .target(name: "PosixBindings"),
        // Domain modules.
        // Where the built data folder is and what its manifest says (no GDAL needed to read it).
        .target(name: "DataCatalog", dependencies: ["GeoCore", "PosixBindings"]),
        // GeoPackage layers read with SQLite alone: what maps need of the built data, without GDAL.
        .target(name: "GeoPackage", dependencies: ["GeoCore", "Bindings"]),
        // Building the data folder (GDAL), and GDAL's services for the map modules.
        .target(name: "GeoData", dependencies: ["GeoCore", "DataCatalog", "Bindings", "GDALBindings"]),
        // A story as data: the scenario file's model, read from YAML with every problem located.
        .target(name: "Scenario", dependencies: ["GeoCore", .product(name: "Yams", package: "Yams")]),
        .target(name: "Cartography", dependencies: ["GeoCore", "Bindings", "DataCatalog", "GeoPackage", "Scenario"]),
        // Names to places, looked up in a memory-mapped key table (no GDAL: lookups start fast).
        .target(name: "Gazetteer", dependencies: ["GeoCore", "DataCatalog", "PosixBindings"]),
        // The gazetteer's build (GeoNames and friends into SQLite, then the key table) and reverse geocoding.
        .target(name: "GazetteerIndex", dependencies: ["Gazetteer", "GeoCore", "PosixBindings", "Bindings", "GDALBindings", "GeoData",
                                                       .product(name: "GRDB", package: "GRDB.swift")]),
        // Shortest paths over the rail, road and sea networks.
        .target(name: "Routing", dependencies: ["GeoCore", "Bindings", "DataCatalog", "PosixBindings", "GeoPackage"]),
        // The routing graphs' caches built from the data folder's networks (GDAL).
        .target(name: "RoutingData", dependencies: ["Routing", "GeoCore", "GDALBindings", "GeoData"]),
        // Scenarios resolved (places located, legs routed) into map scenes, briefings and batches.
        .target(name: "Briefing", dependencies: ["GeoCore", "PosixBindings", "Bindings", "DataCatalog", "Scenario", "Cartography", "Gazetteer", "Routing"]),
        // The map commands (render, validate, batch, brief, map), for both engines.
        .target(name: "MapCommands", dependencies: ["GeoCore", "PosixBindings", "DataCatalog", "Bindings", "Scenario", "Cartography", "Gazetteer",
                                                    "Routing", "Briefing",
                                                    .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // `geobrief geocode` for the front binary and the engine.
        .target(name: "GeocodeCLI", dependencies: ["Gazetteer", "DataCatalog", "GeoCore",
                                                   .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // `geobrief`: answers name lookups itself and hands every other command to the engine.
        .executableTarget(name: "geobrief", dependencies: ["GeocodeCLI", "PosixBindings",
                                                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
                          linkerSettings: staticFoundation),
        // The map commands without GDAL: starts in a quarter of the engine's time; hands a map that
        // needs GDAL (shaded relief, polygons from a user's file) to `geobrief-engine`.
        // Swift's runtime and Foundation are linked in (-static-stdlib): a dozen fewer libraries for
        // the loader to bind at every start (~13 ms of a map's ~170 ms).
        .executableTarget(name: "geobrief-render", dependencies: ["MapCommands", "DataCatalog", "PosixBindings"],
                          linkerSettings: staticFoundation),
        // Every command: data, maps, routes, scenarios, briefings, batches.
        .executableTarget(
            name: "geobrief-engine",
            dependencies: [
                "GeoCore", "GeoData", "Cartography", "Gazetteer", "GazetteerIndex", "GeocodeCLI", "Routing", "RoutingData", "Scenario",
                "Briefing", "MapCommands", "PosixBindings",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Fuzz targets: libFuzzer's entry under `make fuzz` (-DFUZZING), replay and smoke runs otherwise.
        .executableTarget(name: "geobrief-fuzz", dependencies: ["CFuzzer", "Scenario", "Gazetteer", "GeoCore", "GeoPackage", "PosixBindings", "Routing"]),

        // Helpers for every test target: golden images, running the built binary.
        .target(name: "TestSupport", dependencies: ["Bindings"], path: "Tests/TestSupport"),
        .testTarget(name: "GeoCoreTests", dependencies: ["GeoCore"]),
        .testTarget(name: "BindingsTests", dependencies: ["Bindings", "GDALBindings", "GeoCore", "TestSupport"]),
        .testTarget(name: "GeoDataTests", dependencies: ["GeoData", "GeoPackage", "Bindings", "GDALBindings", "GeoCore", "TestSupport"]),
        .testTarget(name: "CartographyTests", dependencies: ["Cartography", "GeoData", "GDALBindings", "GeoCore", "TestSupport"],
                    exclude: ["__Snapshots__"]),
        .testTarget(name: "GazetteerTests", dependencies: ["Gazetteer", "GazetteerIndex", "GeoData", "GeoCore", "TestSupport"],
                    resources: [.copy("spellings.tsv"), .copy("spellings-world.tsv")]),
        .testTarget(name: "RoutingTests", dependencies: ["Routing", "RoutingData", "Bindings", "GDALBindings", "GeoData", "GeoCore"]),
        .testTarget(name: "ScenarioTests", dependencies: ["Scenario", "Cartography", "Bindings", "TestSupport"]),
        .testTarget(name: "BriefingTests", dependencies: ["Briefing", "Scenario", "Cartography", "Bindings", "GeoData", "GeoCore", "TestSupport"],
                    exclude: ["__Snapshots__"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport", "Bindings"]),
    ],
    swiftLanguageModes: [.v6]
)
