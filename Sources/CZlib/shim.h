#ifndef GEOBRIEF_CZLIB_SHIM_H
#define GEOBRIEF_CZLIB_SHIM_H
#include <zlib.h>

/// deflateInit is a macro; Swift needs a function.
static inline int geobrief_deflate_init(z_stream *s, int level) { return deflateInit(s, level); }
#endif
