import Symbology

/// How an area of a side is hatched when sides are told apart without colour: the angles of its
/// lines (degrees, clockwise from east on the page) and their spacing in points.
public struct SideHatching: Sendable, Equatable {
    public let angles: [Double]
    public let spacing: Double

    public init(_ side: Affiliation) {
        switch side {
        case .friendly: (angles, spacing) = ([45], 4)
        case .hostile: (angles, spacing) = ([-45, 45], 4)
        case .neutral: (angles, spacing) = ([0], 3.5)
        case .unknown: (angles, spacing) = ([90], 5)
        }
    }
}
