/// How a piece of text looks: font families (a fallback list), size in points, weight, style, colour.
public struct TextStyle: Sendable, Hashable {
    /// Comma-separated fontconfig families, tried in order per character.
    public var families: String
    /// Size in typographic points (1/72 inch), whatever the output's DPI.
    public var size: Double
    public var bold: Bool
    public var italic: Bool
    public var color: Color
    /// BCP 47 language, so that shared Han/Hangul characters take the right face ("ko", "ru", "uk").
    public var language: String?
    /// Extra space between letters, in points (letter-spaced capitals of country names).
    public var letterSpacing: Double = 0

    /// Noto Sans for Latin and Cyrillic, then Noto Sans CJK KR for Hangul, then DejaVu.
    public static let defaultFamilies = "Noto Sans, Noto Sans CJK KR, DejaVu Sans"

    public init(families: String = TextStyle.defaultFamilies, size: Double = 10, bold: Bool = false,
                italic: Bool = false, color: Color = .black, language: String? = nil) {
        self.families = families
        self.size = size
        self.bold = bold
        self.italic = italic
        self.color = color
        self.language = language
    }
}
