import Foundation

/// A colour in CIELAB (D65 white, from sRGB): lightness 0...100 and the two opponent axes.
public struct LabColor: Sendable, Equatable {
    public var l: Double, a: Double, b: Double
    public init(l: Double, a: Double, b: Double) { (self.l, self.a, self.b) = (l, a, b) }
    /// Chroma: the distance from grey.
    public var chroma: Double { (a * a + b * b).squareRoot() }
    /// CIE76 colour difference (Euclidean in Lab).
    public func distance(to o: LabColor) -> Double {
        let (dl, da, db) = (l - o.l, a - o.a, b - o.b)
        return (dl * dl + da * da + db * db).squareRoot()
    }
}

extension Color {
    /// sRGB component to linear light, and back.
    public static func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
    public static func encoded(_ c: Double) -> Double {
        let v = max(0, min(1, c))
        return v <= 0.0031308 ? v * 12.92 : 1.055 * pow(v, 1 / 2.4) - 0.055
    }

    /// The colour in CIELAB (alpha ignored).
    public var lab: LabColor {
        let (rl, gl, bl) = (Color.linear(r), Color.linear(g), Color.linear(b))
        // sRGB to XYZ (D65), then to Lab relative to the D65 white.
        let x = (0.4124 * rl + 0.3576 * gl + 0.1805 * bl) / 0.95047
        let y = 0.2126 * rl + 0.7152 * gl + 0.0722 * bl
        let z = (0.0193 * rl + 0.1192 * gl + 0.9505 * bl) / 1.08883
        func f(_ t: Double) -> Double { t > 216.0 / 24389 ? cbrt(t) : (24389.0 / 27 * t + 16) / 116 }
        let (fx, fy, fz) = (f(x), f(y), f(z))
        return LabColor(l: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz))
    }

    /// The colour of `lab` (clipped into sRGB) with alpha `a`.
    public init(lab: LabColor, alpha: Double = 1) {
        let fy = (lab.l + 16) / 116, fx = fy + lab.a / 500, fz = fy - lab.b / 200
        func finv(_ t: Double) -> Double { t * t * t > 216.0 / 24389 ? t * t * t : (116 * t - 16) * 27 / 24389 }
        let (x, y, z) = (finv(fx) * 0.95047, finv(fy), finv(fz) * 1.08883)
        let rl = 3.2406 * x - 1.5372 * y - 0.4986 * z
        let gl = -0.9689 * x + 1.8758 * y + 0.0415 * z
        let bl = 0.0557 * x - 0.2040 * y + 1.0570 * z
        self.init(r: Color.encoded(rl), g: Color.encoded(gl), b: Color.encoded(bl), a: alpha)
    }

    /// The grey of the same lightness.
    public var grey: Color {
        let l = lab.l
        return Color(lab: LabColor(l: l, a: 0, b: 0), alpha: a)
    }

    /// The colour with its chroma no more than `limit`, lightness and hue kept.
    public func withChroma(atMost limit: Double) -> Color {
        let c = lab
        guard c.chroma > limit else { return self }
        let k = limit / c.chroma
        return Color(lab: LabColor(l: c.l, a: c.a * k, b: c.b * k), alpha: a)
    }

    /// The colour no darker than CIELAB lightness `l`, hue and chroma kept.
    public func withLightness(atLeast l: Double) -> Color {
        let c = lab
        return c.l >= l ? self : Color(lab: LabColor(l: l, a: c.a, b: c.b), alpha: a)
    }

    /// For a dark background: lightness mirrored (dark text becomes light), hue and chroma kept.
    public var mirroredLightness: Color {
        let c = lab
        return Color(lab: LabColor(l: 100 - c.l * 0.85, a: c.a, b: c.b), alpha: a)
    }
}
