import ArgumentParser
import PosixBindings

/// `geobrief`: offline maps and briefings from scenario files, every run-time command in one
/// process. `geobrief data ...` (building and importing data, with GDAL) is `geobrief-data`'s.
public struct GeoBriefCommand: ParsableCommand {
    public static let version = "0.2.0"

    public static let configuration = CommandConfiguration(
        commandName: "geobrief",
        abstract: "Offline maps and briefings from scenario files.",
        discussion: """
        GeoBrief draws publication-quality maps (PNG, PDF, SVG) from data built on this machine \
        by `make geodata`. Set GEOBRIEF_DATA to use another built data folder.
        """,
        version: version,
        subcommands: [DataHandOff.self, GeocodeCommand.self, MapCommand.self, RouteCommand.self, RenderCommand.self, ValidateCommand.self,
                      BriefCommand.self, BatchCommand.self, AnimateCommand.self, ExportCommand.self, DraftCommand.self]
    )

    public init() {}

    /// The arguments as ArgumentParser is to read them: a word that starts with a minus and a digit
    /// ("-33.92,18.42", a box "-20,-40,40,-20") is a value south or west of zero, never an option
    /// (no option of ours starts with a digit), so it is passed with a leading space, which every
    /// coordinate reader ignores; ArgumentParser would take it for flags.
    public static func valueArguments(_ arguments: [String]) -> [String] {
        arguments.map { a in
            guard a.count >= 2, a.first == "-", a.dropFirst().first?.isASCII == true, a.dropFirst().first?.isNumber == true else { return a }
            return " " + a
        }
    }

    /// A value as given, without the space `valueArguments` put before a negative number.
    static func value(_ argument: String) -> String { argument.trimmingCharacters(in: .whitespaces) }

    /// The executable beside `geobrief` that runs `geobrief data ...`.
    public static let dataProgram = "geobrief-data"

    /// Runs `geobrief data ...` in `geobrief-data` (decided by the first word alone, as `git`
    /// runs `git-foo`); returns when the arguments are for this program.
    public static func handOffDataCommand(_ arguments: [String]) {
        guard arguments.first == DataHandOff.configuration.commandName else { return }
        ProcessImage.becomeSibling(dataProgram, hint: "build it with `make build` (swift build -c release --product geobrief-data)")
    }
}

/// `geobrief data`: listed here for help; `geobrief` runs `geobrief-data` for it before parsing.
struct DataHandOff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Build and inspect the geodata folder; import places and polygon files (runs geobrief-data, which uses GDAL).")

    @Argument(parsing: .captureForPassthrough) var arguments: [String] = []

    func run() throws { GeoBriefCommand.handOffDataCommand(["data"] + arguments) }
}
