import Scenario

extension Scenario {
    /// What in this scenario needs GDAL's services when the views named `views` (every view when
    /// nil) are drawn: polygons read from a file, or the shaded relief; nil when nothing does.
    public func gdalNeed(drawing views: [String]?) -> String? {
        if let a = areas.first(where: { $0.file != nil }) { return "area '\(a.id)' reads its polygons from \(a.file ?? "")" }
        for v in self.views where views?.contains(v.name) ?? true {
            if v.layers.map({ $0.contains("relief") }) ?? true { return "view '\(v.name)' shows the shaded relief" }
        }
        return nil
    }
}
