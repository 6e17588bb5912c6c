import Foundation
import GDALBindings
import GeoPackage
import PosixBindings

/// `geobrief data import --areas`: a polygon file in a format only GDAL reads, converted once into
/// a GeoPackage in EPSG:4326 that maps and routes read without GDAL (`VectorFile`).
public enum AreaConversion {
    /// Converts `source` into `destination` (written atomically, only when the result reads back
    /// as polygons); returns the number of polygon features.
    public static func convert(_ source: String, to destination: String) throws -> Int {
        let src = try Dataset.open(source, kind: .vector)
        var count = 0
        try AtomicFile.write(to: destination) { temporary in
            try src.vectorTranslate(to: temporary, options: ["-f", "GPKG", "-t_srs", "EPSG:4326", "-lco", "SPATIAL_INDEX=YES",
                                                            "-dsco", "VERSION=1.2"]).close()
            count = try VectorFile.polygons(path: temporary).count
        }
        return count
    }
}
