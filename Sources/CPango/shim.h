#ifndef GEOBRIEF_CPANGO_SHIM_H
#define GEOBRIEF_CPANGO_SHIM_H
#include <pango/pangocairo.h>
#include <fontconfig/fontconfig.h>

/// PANGO_SCALE is a macro.
static inline int geobrief_pango_scale(void) { return PANGO_SCALE; }
/// g_object_unref takes gpointer; layouts and font maps are GObjects.
static inline void geobrief_g_object_unref(void *p) { g_object_unref(p); }
/// g_free takes gpointer; Pango's lists (font families) are freed with it.
static inline void geobrief_g_free(void *p) { g_free(p); }
#endif
