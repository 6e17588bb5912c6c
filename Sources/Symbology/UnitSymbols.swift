/// What a unit's APP-6 symbol says: its side, its size and its type.

/// The standard identities of APP-6 frames.
public enum Affiliation: String, Sendable, CaseIterable { case friendly, hostile, neutral, unknown }

/// Unit size, shown as marks above the frame.
public enum Echelon: String, Sendable, CaseIterable {
    case team, squad, section, platoon, company, battalion, regiment, brigade, division, corps, army
    /// The APP-6 mark: "Ø", "●", "●●", "●●●", "I", "II", "III", "X", "XX", "XXX", "XXXX".
    public var mark: String {
        switch self {
        case .team: return "Ø"
        case .squad: return "●"
        case .section: return "●●"
        case .platoon: return "●●●"
        case .company: return "I"
        case .battalion: return "II"
        case .regiment: return "III"
        case .brigade: return "X"
        case .division: return "XX"
        case .corps: return "XXX"
        case .army: return "XXXX"
        }
    }
}

/// The type icons drawn inside a unit frame.
public enum UnitType: String, Sendable, CaseIterable {
    case infantry, artillery, armour, reconnaissance, engineer, specialForces = "special-forces", airDefence = "air-defence",
         headquarters, logistics, unspecified
}
