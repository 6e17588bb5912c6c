import DataCatalog
import ArgumentParser
import Foundation
import Gazetteer
import GazetteerBuild
import DataBuild
import Routing
import RoutingBuild

/// `geobrief-data`, run by `geobrief data ...` with the same arguments.
public struct GeoBriefDataCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "geobrief", abstract: "Build and import GeoBrief's data (GDAL).", subcommands: [DataCommand.self])

    public init() {}
}

/// `geobrief data`: build the data folder and report what it holds.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Build and inspect the geodata folder.",
        subcommands: [Info.self, Build.self, Import.self, Graphs.self]
    )

    /// `geobrief data info`: every dataset with layers, counts, extents, source and licence.
    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every dataset in the geodata folder.")

        @Flag(help: "Print the manifest as JSON.") var json = false

        func run() throws {
            let dir = try DataDirectory.locate()
            let manifest = try dir.manifest()
            if json {
                print(String(decoding: FileManager.default.contents(atPath: dir.file("manifest.json")) ?? Data(), as: UTF8.self))
                return
            }
            print(DataReport(directory: dir, manifest: manifest).text())
        }
    }

    /// `geobrief data build`: convert unpacked packages into a new data folder.
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert unpacked source packages into a new geodata folder (run by `make geodata`).")

        @Option(help: "Folder holding the unpacked packages, one sub-folder per package name.") var raw: String
        @Option(help: "The lock file of pinned packages.") var lock: String
        @Option(help: "The new data folder to create (must not exist).") var out: String
        @Option(help: "Comma-separated dataset ids to build (default: all).") var only: String?
        @Option(help: "A supplement CSV of cited places for the gazetteer (repeatable).") var supplement: [String] = []

        func run() throws {
            var builder = DataBuilder(raw: raw, out: out, sources: try SourceLock.read(lock))
            builder.only = only.map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
            var manifest = try builder.build()
            if builder.only == nil {
                var gazetteer = GazetteerBuilder(data: DataDirectory(path: out))
                gazetteer.projectSupplements = supplement
                manifest.datasets.append(try gazetteer.build(to: "\(out)/\(GazetteerBuilder.indexPath)"))
                try manifest.write(to: "\(out)/manifest.json")
                manifest.datasets.append(try RoutingGraph.buildCaches(data: DataDirectory(path: out)))
                try manifest.write(to: "\(out)/manifest.json")
            }
            print("geodata: \(manifest.datasets.count) datasets written to \(out)")
        }
    }

    /// `geobrief data import`: rebuild the gazetteer index with the user's own sources added.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rebuild the gazetteer index, adding GeoNames dump files or a supplement of your own places.",
            discussion: """
            A supplement is a CSV with the header name,alternate_names,lat,lon,country,admin1,kind,source \
            (alternate names separated by |); its places rank above GeoNames. A GeoNames dump is allCountries.txt \
            or a country file such as RU.txt; give alternateNamesV2.txt with --alternate-names to add its names.

            With --areas FILE, converts a polygon file in a format only GDAL reads (Shapefile, KML, a \
            GeoPackage in another projection, ...) once into a GeoPackage in EPSG:4326, which scenarios' \
            areas and `route --avoid` then read directly; the gazetteer is left as it is.
            """)

        @Option(help: "A polygon file to convert into a GeoPackage in EPSG:4326 for areas and --avoid.") var areas: String?
        @Option(name: .shortAndLong, help: "Where --areas writes its GeoPackage (default: beside it, NAME.areas.gpkg).") var output: String?

        @Option(help: "A supplement CSV of your own places (repeatable).") var supplement: [String] = []
        @Option(help: "A GeoNames dump file: allCountries.txt or XX.txt (repeatable).") var geonames: [String] = []
        @Option(help: "GeoNames alternateNamesV2.txt for the dump files.") var alternateNames: String?
        @Option(help: "The project's supplement folder (default: the supplement folder beside the data folder, geodata/supplement).")
        var projectSupplements: String?

        func validate() throws {
            if areas != nil && !(supplement.isEmpty && geonames.isEmpty && alternateNames == nil) {
                throw ValidationError("--areas converts a polygon file and leaves the gazetteer alone: give it on its own")
            }
            if output != nil && areas == nil { throw ValidationError("--output is where --areas writes: give --areas FILE") }
            if alternateNames != nil && geonames.isEmpty {
                throw ValidationError("--alternate-names adds names to the places of --geonames dump files: give --geonames too")
            }
        }

        func run() throws {
            if let areas {
                let out = output ?? ((areas as NSString).deletingPathExtension + ".areas.gpkg")
                let count = try AreaConversion.convert(areas, to: out)
                print("wrote \(out): \(count) polygon feature(s) in EPSG:4326, converted with GDAL; give this file as the area's `file:` or to `route --avoid`")
                return
            }
            let dir = try DataDirectory.locate()
            // The project's cited places, found from the data folder wherever the command runs.
            let projectSupplements = self.projectSupplements
                ?? URL(fileURLWithPath: dir.path).deletingLastPathComponent().appendingPathComponent("supplement").path
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: projectSupplements, isDirectory: &isFolder), isFolder.boolValue else {
                throw ValidationError("the project's supplement folder \(projectSupplements) does not exist: the index would lose the "
                    + "project's cited places; give --project-supplements FOLDER")
            }
            var manifest = try dir.manifest()
            var builder = GazetteerBuilder(data: dir)
            builder.userSupplements = supplement
            builder.geonamesDumps = geonames
            builder.alternateNames = alternateNames
            builder.projectSupplements = ((try? FileManager.default.contentsOfDirectory(atPath: projectSupplements)) ?? [])
                .filter { $0.hasSuffix(".csv") }.sorted().map { "\(projectSupplements)/\($0)" }
            let entry = try builder.build(to: dir.file(GazetteerBuilder.indexPath))
            manifest.datasets.removeAll { $0.id == entry.id }
            manifest.datasets.append(entry)
            try manifest.write(to: dir.file("manifest.json"))
        }
    }

    /// `geobrief data graphs`: rebuild the cached routing graphs of a data folder.
    struct Graphs: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Rebuild the cached rail and road routing graphs.")

        func run() throws {
            let dir = try DataDirectory.locate()
            var manifest = try dir.manifest()
            let entry = try RoutingGraph.buildCaches(data: dir)
            manifest.datasets.removeAll { $0.id == entry.id }
            manifest.datasets.append(entry)
            try manifest.write(to: dir.file("manifest.json"))
        }
    }
}
