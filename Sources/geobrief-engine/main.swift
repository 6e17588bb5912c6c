import GeoData

// `geobrief-engine`: every command, with GDAL (building the data folder, reverse geocoding, the
// shaded relief, polygons from users' files). `geobrief` hands it what `geobrief-render` cannot do.
GDALProvider.register()
GeoBriefCommand.main()
