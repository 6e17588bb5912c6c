#ifndef GEOBRIEF_CZLIB_SHIM_H
#define GEOBRIEF_CZLIB_SHIM_H
#include <zlib.h>

/// deflateInit is a macro; Swift needs a function.
static inline int geobrief_deflate_init(z_stream *s, int level) { return deflateInit(s, level); }

/// A raw deflate stream (no zlib header or trailer), for blocks compressed in parallel and joined.
static inline int geobrief_deflate_init_raw(z_stream *s, int level) {
    return deflateInit2(s, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
}
#endif
