#ifndef GEOBRIEF_CPROJ_SHIM_H
#define GEOBRIEF_CPROJ_SHIM_H
#include <proj.h>
#include <geodesic.h>
#endif
