/// How a place is drawn on a map.
public enum PlaceSymbol: String, Sendable, CaseIterable {
    case capital, city, town, village, port, training = "training-site", base, border = "border-crossing"
}

/// How a route is drawn: lines by mode with arrowheads, one broad deployment arrow, or lines by
/// mode without arrowheads for what carries no movement (a pipeline, a cable, a corridor).
public enum RouteStyle: String, Sendable, CaseIterable { case line, arrow, link }

/// How an annotation looks: a note (small italic, beside its point), or a name with no symbol.
public enum AnnotationStyle: String, Sendable, CaseIterable { case note, region, water, front }
