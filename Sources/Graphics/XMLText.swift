/// Text put into XML (SVG, KML): markup characters escaped, control characters XML 1.0 cannot
/// hold dropped.
public enum XMLText {
    public static func escaped(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                if c.value < 0x20 && c != "\t" && c != "\n" { continue }
                out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
