import DataCatalog
import GDALBindings
import Foundation
import GeoCore
import Routing
import DataBuild

/// Which country a point lies in, from Natural Earth's country polygons cut into small tiles so that
/// each test touches a few hundred vertices, not all of Russia's.
public struct CountryLocator: Sendable {
    /// Tile size in degrees.
    static let cell = 2.0
    private var pieces: [Int: [(code: UInt16, rings: [[[Coordinate]]])]] = [:]
    /// ISO alpha-2 codes, indexed by the numbers stored per node (0 is "unknown").
    public private(set) var codes: [String] = [""]

    /// Reads and tiles every country of the data folder's basemap.
    public init(data: DataDirectory) throws {
        let ds = try Dataset.open(try data.path(of: "basemap"), kind: .vector)
        for f in try ds.layer(named: "countries").features() {
            let iso = f["iso_a2"].text
            guard iso.count == 2, iso != "-9", let raw = f.geometry else { continue }
            if !codes.contains(iso) { codes.append(iso) }
            let code = UInt16(codes.firstIndex(of: iso)!)
            for (square, piece) in try GeometryOperations.gridPieces(raw, cell: CountryLocator.cell) {
                pieces[CountryLocator.key(square.west, square.south), default: []].append((code, piece.polygons))
            }
        }
    }

    static func key(_ lon: Double, _ lat: Double) -> Int {
        Int((lon / cell).rounded(.down)) * 1_000 + Int((lat / cell).rounded(.down))
    }

    /// The number of the country containing `c` (an index into `codes`), 0 when none does
    /// (at sea, or on a coast the 1:10m polygons simplify away).
    public func country(at c: Coordinate) -> UInt16 {
        guard let list = pieces[CountryLocator.key(c.lon, c.lat)] else { return 0 }
        for p in list where Geometry.multiPolygon(p.rings).contains(c) { return p.code }
        return 0
    }
}
