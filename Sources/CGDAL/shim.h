#ifndef GEOBRIEF_CGDAL_SHIM_H
#define GEOBRIEF_CGDAL_SHIM_H
#include <gdal.h>
#include <gdal_alg.h>
#include <gdal_utils.h>
#include <gdalwarper.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>

/// CPLFree is a macro; Swift needs a function.
static inline void geobrief_cpl_free(void *p) { VSIFree(p); }

/// The flag set GeoBrief always opens with (GDAL_OF_* are plain macros, typed as int in C).
static inline unsigned int geobrief_open_flags(int vector, int raster, int update) {
    unsigned int f = GDAL_OF_VERBOSE_ERROR;
    if (vector) f |= GDAL_OF_VECTOR;
    if (raster) f |= GDAL_OF_RASTER;
    if (update) f |= GDAL_OF_UPDATE;
    return f;
}
#endif
