#ifndef SERIES12_CARCHIVE_SHIM_H
#define SERIES12_CARCHIVE_SHIM_H
#include <archive.h>
#include <archive_entry.h>
#endif
