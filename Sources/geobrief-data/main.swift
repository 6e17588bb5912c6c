import DataCommands

// `geobrief-data`: `geobrief data build|import|info|graphs`, with GDAL. `geobrief data ...` runs it
// with the same arguments.
GeoBriefDataCommand.main()
