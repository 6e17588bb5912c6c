/// ISO 3166-1 alpha-2 country codes as the data sources write them.
public enum CountryCode {
    /// `text` upper-cased when it is two letters (RU, ua), else nil: Natural Earth writes "-1" or
    /// "-99" for disputed areas and territories without a code (Kashmir, Somaliland), which are no
    /// country to show or to hint with.
    public static func alpha2(_ text: String) -> String? {
        guard text.utf8.count == 2, text.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return text.uppercased()
    }
}
