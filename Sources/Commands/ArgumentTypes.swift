import ArgumentParser
import Foundation
import Cartography
import GeoCore
import Scenario

/// An option's value type parsed once, when the command line is read: `parse` is the option's
/// transform, so that a refused value is reported with what it must look like.
public protocol CheckedArgument: ExpressibleByArgument {
    /// What a refused value must look like.
    static var expected: String { get }
}

extension CheckedArgument {
    /// The value of `text`, or a `ValidationError` saying what is expected.
    public static func parse(_ text: String) throws -> Self {
        guard let v = Self(argument: text) else { throw ValidationError("expected \(expected)") }
        return v
    }
}

/// `--size WIDTHxHEIGHT`, within the limits of every command's images (`ViewSize`).
public struct PixelSize: CheckedArgument, Sendable, Equatable {
    public let width: Int, height: Int

    public init(width: Int, height: Int) { (self.width, self.height) = (width, height) }

    public init?(argument: String) {
        guard let (w, h) = ViewSize.parse(argument) else { return nil }
        (width, height) = (w, h)
    }

    /// What a refused value must look like.
    public static let expected = "WIDTHxHEIGHT in pixels, each 16...\(ViewSize.maxSide), at most \(ViewSize.maxPixels) pixels, e.g. 1600x1200"

    public var defaultValueDescription: String { "\(width)x\(height)" }
}

/// `--bbox WEST,SOUTH,EAST,NORTH` in degrees (WEST > EAST crosses the antimeridian).
public struct LonLatBox: CheckedArgument, Sendable, Equatable {
    public let box: BoundingBox

    public init?(argument: String) {
        let v = argument.split(separator: ",", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard v.count == 4, let w = v[0], let s = v[1], let e = v[2], let n = v[3],
              let box = BoundingBox(checkedWest: w, south: s, east: e, north: n) else { return nil }
        self.box = box
    }

    public static let expected = "WEST,SOUTH,EAST,NORTH in degrees, south < north, e.g. 33.5,50.4,38.6,52.5"
}

/// `--shard I/N`: the I-th of N parts of a batch (1-based).
public struct Shard: CheckedArgument, Sendable, Equatable {
    public let index: Int, count: Int

    public init?(argument: String) {
        let p = argument.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) }
        guard p.count == 2, let i = p[0], let n = p[1], n >= 1, n <= 10_000, (1...n).contains(i) else { return nil }
        (index, count) = (i, n)
    }

    public static let expected = "I/N with 1 <= I <= N <= 10000, e.g. 2/4"
}

/// `--format png,pdf,svg`: one or more map formats, each once, in the order given.
public struct FormatList: CheckedArgument, Sendable, Equatable {
    public let formats: [MapFormat]

    public init(_ formats: [MapFormat]) { self.formats = formats }

    public init?(argument: String) {
        var out: [MapFormat] = []
        for f in argument.split(separator: ",", omittingEmptySubsequences: false) {
            guard let m = MapFormat(rawValue: f.trimmingCharacters(in: .whitespaces).lowercased()) else { return nil }
            if !out.contains(m) { out.append(m) }
        }
        guard !out.isEmpty else { return nil }
        formats = out
    }

    public static let expected = "a comma-separated list of png, pdf, svg"

    public var defaultValueDescription: String { formats.map(\.rawValue).joined(separator: ",") }
}

/// The format of a file a command writes: `--format`, else the output's extension (or one of its
/// `aliases`), else `fallback`. An extension that is no format, or that disagrees with
/// `--format`, is a `ValidationError` saying what to write.
func outputFormat<F: RawRepresentable & CaseIterable & Equatable>(_ format: F?, output: String?, fallback: F, aliases: [String: F] = [:],
                                                                  what: String) throws -> F where F.RawValue == String {
    let ext = output.map { URL(fileURLWithPath: $0).pathExtension.lowercased() } ?? ""
    let byExtension = aliases[ext] ?? F(rawValue: ext)
    if !ext.isEmpty, byExtension == nil {
        let known = (F.allCases.map(\.rawValue) + aliases.keys.sorted()).map { "." + $0 }.joined(separator: ", ")
        throw ValidationError("-o '\(output!)': .\(ext) is not \(what); end it in \(known)")
    }
    if let format, let byExtension, format != byExtension {
        throw ValidationError("-o '\(output!)' ends in .\(ext) but --format is \(format.rawValue): make them agree")
    }
    return format ?? byExtension ?? fallback
}
