import ArgumentParser
import Foundation
import GeoData

/// `geobrief data`: build the data folder and report what it holds.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Build and inspect the geodata folder.",
        subcommands: [Info.self, Build.self]
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

        func run() throws {
            var builder = DataBuilder(raw: raw, out: out, sources: try SourceLock.read(lock))
            builder.only = only.map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
            let manifest = try builder.build()
            print("geodata: \(manifest.datasets.count) datasets written to \(out)")
        }
    }
}
