#ifndef GEOBRIEF_CSQLITE_SHIM_H
#define GEOBRIEF_CSQLITE_SHIM_H
#include <sqlite3.h>

/// SQLITE_TRANSIENT is a cast macro; Swift needs a value: SQLite copies the bound bytes.
static inline sqlite3_destructor_type geobrief_sqlite_transient(void) { return SQLITE_TRANSIENT; }
#endif
