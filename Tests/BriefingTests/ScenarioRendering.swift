import Scenes
import Cartography
import DataCatalog
import TestSupport

/// Scenarios written into a test's folder, loaded with the built data and drawn.
extension TemporaryFolderTestCase {
    /// `yaml` written to `name` in the test's folder and loaded with the built data.
    func load(_ yaml: String, _ name: String) throws -> LoadedScenario {
        try LoadedScenario.load(try write(yaml, name), data: try DataDirectory.locate())
    }

    /// The view named `view` of `loaded`, drawn to `path` (format by extension).
    @discardableResult
    func render(_ loaded: LoadedScenario, view: String = "v", to path: String) throws -> MapReport {
        try ViewRenderer(resolved: loaded.resolved, data: loaded.data, style: loaded.style).render(try loaded.view(view), to: path)
    }
}

/// Whether an ARGB pixel is the magenta ("#ff00ff") the tests draw routes in, antialiased.
func isMagenta(_ pixel: UInt32) -> Bool {
    let (r, g, b) = ((pixel >> 16) & 0xFF, (pixel >> 8) & 0xFF, pixel & 0xFF)
    return r > 180 && b > 180 && g < 120
}
