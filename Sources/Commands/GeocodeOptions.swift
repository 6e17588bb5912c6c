import ArgumentParser
import Gazetteer
import GeoCore

/// The options of `geobrief geocode`, shared by the light front binary (names) and the engine
/// (which also answers `--reverse`).
public struct GeocodeOptions: ParsableArguments {
    /// The subcommand's name, summary and exit statuses.
    public static let configuration = CommandConfiguration(
        commandName: "geocode",
        abstract: "Find places by name in any spelling or script, or what lies at a coordinate.",
        discussion: """
        Names come from the arguments, or from standard input one per line (answered as CSV, or JSON \
        lines with --json). Exit status: 0 when every name was found, 2 when any was ambiguous, \
        3 when any was not found (3 wins over 2).
        """
    )

    @Argument(help: "Place names; none to read them from standard input.", transform: GeoBriefCommand.value) public var names: [String] = []
    @Option(help: "Country: ISO code (RU, UA, KP) or name.") public var country: String?
    @Option(help: "First-level region: name (Kursk, Kurskaya oblast) or GeoNames code (41).") public var admin1: String?
    @Option(help: "Prefer places near this place or LAT,LON.", transform: GeoBriefCommand.value) public var near: String?
    @Option(help: "Only this kind: city, region, country, port.") public var kind: String?
    @Option(help: "Only inside WEST,SOUTH,EAST,NORTH.", transform: LonLatBox.parse) public var bbox: LonLatBox?
    @Option(help: "How many candidates to list (1...50).") public var limit = 5
    @Flag(help: "Answer as JSON (one object per name).") public var json = false
    @Option(help: "Reverse-geocode LAT,LON: the nearest populated place and the region there.", transform: GeoBriefCommand.value) public var reverse: String?

    public init() {}

    public func validate() throws {
        guard (1...50).contains(limit) else { throw ValidationError("--limit \(limit): expected 1...50") }
        if let kind, PlaceKind(word: kind) == nil { throw ValidationError("--kind '\(kind)': expected one of " + PlaceKind.allCases.map(\.hintWord).joined(separator: ", ")) }
    }

    /// The point of `--reverse`, or a message saying how to write it.
    public func reversePoint() throws -> Coordinate? {
        guard let reverse else { return nil }
        guard let point = Coordinate(latLon: reverse) else {
            throw ValidationError("--reverse '\(reverse)': expected LAT,LON in degrees, e.g. 51.19,35.27")
        }
        return point
    }
}
