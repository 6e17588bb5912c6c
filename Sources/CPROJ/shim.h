#ifndef GEOBRIEF_CPROJ_SHIM_H
#define GEOBRIEF_CPROJ_SHIM_H
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <proj.h>
#include <geodesic.h>

/* PROJ is loaded when it is first needed, not when a program starts: with the libraries it links
   (curl, TLS, TIFF and theirs, bound at load by Debian's BIND_NOW) it costs a process about 9 ms,
   most of a name lookup's time, and a lookup needs no projection. The functions GeoBrief calls are
   looked up once into this table; the gb_ wrappers below call through it with PROJ's own
   signatures (the types come from PROJ's headers; nothing here is linked against it). */

#define GEOBRIEF_PROJ_FUNCTIONS(X) \
    X(proj_context_create) X(proj_context_destroy) X(proj_context_errno) X(proj_context_errno_string) \
    X(proj_context_set_search_paths) X(proj_create) X(proj_create_crs_to_crs_from_pj) X(proj_destroy) \
    X(proj_errno_reset) X(proj_get_type) X(proj_log_func) X(proj_log_level) X(proj_normalize_for_visualization) \
    X(proj_trans_generic) X(proj_as_proj_string) X(proj_as_wkt) \
    X(geod_init) X(geod_direct) X(geod_inverse) X(geod_inverseline) X(geod_position)

#define GEOBRIEF_PROJ_FIELD(name) __typeof__(&name) name;
struct geobrief_proj_api { GEOBRIEF_PROJ_FUNCTIONS(GEOBRIEF_PROJ_FIELD) };
#undef GEOBRIEF_PROJ_FIELD

/* The state lives in function-local statics: Swift's importer emits those with the functions. */
struct geobrief_proj_state { struct geobrief_proj_api api; const char *problem; pthread_once_t once; };

static inline struct geobrief_proj_state *geobrief_proj_state(void) {
    static struct geobrief_proj_state state = { .problem = "PROJ was not loaded", .once = PTHREAD_ONCE_INIT };
    return &state;
}

static inline void geobrief_proj_open(void) {
    struct geobrief_proj_state *s = geobrief_proj_state();
    static const char *const names[] = { "libproj.so", "libproj.so.25", "libproj.dylib", NULL };
    void *library = NULL;
    for (int i = 0; names[i] && !library; i++) library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (!library) { s->problem = "the PROJ library (libproj) cannot be loaded: run `make setup`"; return; }
#define GEOBRIEF_PROJ_LOOKUP(name) \
    if (!(s->api.name = (__typeof__(&name))dlsym(library, #name))) { \
        s->problem = "the PROJ library lacks " #name ": install PROJ 9 (`make setup`)"; return; }
    GEOBRIEF_PROJ_FUNCTIONS(GEOBRIEF_PROJ_LOOKUP)
#undef GEOBRIEF_PROJ_LOOKUP
    s->problem = NULL;
}

/// Loads PROJ once; NULL when it is ready, else what is wrong.
static inline const char *geobrief_proj_load(void) {
    struct geobrief_proj_state *s = geobrief_proj_state();
    pthread_once(&s->once, geobrief_proj_open);
    return s->problem;
}

#define geobrief_proj_table (geobrief_proj_state()->api)

static inline PJ_CONTEXT *gb_proj_context_create(void) { return geobrief_proj_table.proj_context_create(); }
static inline PJ_CONTEXT *gb_proj_context_destroy(PJ_CONTEXT *c) { return geobrief_proj_table.proj_context_destroy(c); }
static inline int gb_proj_context_errno(PJ_CONTEXT *c) { return geobrief_proj_table.proj_context_errno(c); }
static inline const char *gb_proj_context_errno_string(PJ_CONTEXT *c, int e) { return geobrief_proj_table.proj_context_errno_string(c, e); }
static inline void gb_proj_context_set_search_paths(PJ_CONTEXT *c, int n, const char *const *p) { geobrief_proj_table.proj_context_set_search_paths(c, n, p); }
static inline PJ *gb_proj_create(PJ_CONTEXT *c, const char *d) { return geobrief_proj_table.proj_create(c, d); }
static inline PJ *gb_proj_create_crs_to_crs_from_pj(PJ_CONTEXT *c, const PJ *s, const PJ *t, PJ_AREA *a, const char *const *o) {
    return geobrief_proj_table.proj_create_crs_to_crs_from_pj(c, s, t, a, o);
}
static inline PJ *gb_proj_destroy(PJ *p) { return geobrief_proj_table.proj_destroy(p); }
static inline int gb_proj_errno_reset(const PJ *p) { return geobrief_proj_table.proj_errno_reset(p); }
static inline PJ_TYPE gb_proj_get_type(const PJ *p) { return geobrief_proj_table.proj_get_type(p); }
static inline void gb_proj_log_func(PJ_CONTEXT *c, void *d, PJ_LOG_FUNCTION f) { geobrief_proj_table.proj_log_func(c, d, f); }
static inline PJ_LOG_LEVEL gb_proj_log_level(PJ_CONTEXT *c, PJ_LOG_LEVEL l) { return geobrief_proj_table.proj_log_level(c, l); }
static inline PJ *gb_proj_normalize_for_visualization(PJ_CONTEXT *c, const PJ *p) { return geobrief_proj_table.proj_normalize_for_visualization(c, p); }
static inline size_t gb_proj_trans_generic(PJ *p, PJ_DIRECTION d, double *x, size_t sx, size_t nx, double *y, size_t sy, size_t ny,
                                           double *z, size_t sz, size_t nz, double *t, size_t st, size_t nt) {
    return geobrief_proj_table.proj_trans_generic(p, d, x, sx, nx, y, sy, ny, z, sz, nz, t, st, nt);
}
static inline const char *gb_proj_as_wkt(PJ_CONTEXT *c, const PJ *p, PJ_WKT_TYPE t, const char *const *o) {
    return geobrief_proj_table.proj_as_wkt(c, p, t, o);
}
static inline const char *gb_proj_as_proj_string(PJ_CONTEXT *c, const PJ *p, PJ_PROJ_STRING_TYPE t, const char *const *o) {
    return geobrief_proj_table.proj_as_proj_string(c, p, t, o);
}
static inline void gb_geod_init(struct geod_geodesic *g, double a, double f) { geobrief_proj_table.geod_init(g, a, f); }
static inline void gb_geod_direct(const struct geod_geodesic *g, double lat1, double lon1, double azi1, double s12,
                                  double *lat2, double *lon2, double *azi2) {
    geobrief_proj_table.geod_direct(g, lat1, lon1, azi1, s12, lat2, lon2, azi2);
}
static inline void gb_geod_inverse(const struct geod_geodesic *g, double lat1, double lon1, double lat2, double lon2,
                                   double *s12, double *azi1, double *azi2) {
    geobrief_proj_table.geod_inverse(g, lat1, lon1, lat2, lon2, s12, azi1, azi2);
}
static inline void gb_geod_inverseline(struct geod_geodesicline *l, const struct geod_geodesic *g, double lat1, double lon1,
                                       double lat2, double lon2, unsigned caps) {
    geobrief_proj_table.geod_inverseline(l, g, lat1, lon1, lat2, lon2, caps);
}
static inline void gb_geod_position(const struct geod_geodesicline *l, double s12, double *lat2, double *lon2, double *azi2) {
    geobrief_proj_table.geod_position(l, s12, lat2, lon2, azi2);
}
#endif
