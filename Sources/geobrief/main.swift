import Commands
import PosixBindings

// `geobrief`: every command in this process, except `geobrief data ...`, which `geobrief-data`
// beside it runs (it links GDAL, which no map needs).
HeapTuning.growInLargeSteps()
GeoBriefCommand.handOffDataCommand(Array(CommandLine.arguments.dropFirst()))
GeoBriefCommand.main(GeoBriefCommand.valueArguments(Array(CommandLine.arguments.dropFirst())))
