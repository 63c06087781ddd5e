#include "app/cli/malloc_arenas.h"

#include <cstdlib>  // defines __GLIBC__ where glibc is the C library

#if defined(__GLIBC__) && !defined(SAFEMAP_SANITIZED)
#include <malloc.h>
#endif

namespace safemap {

void limitMallocArenas() {
#if defined(__GLIBC__) && !defined(SAFEMAP_SANITIZED)
    mallopt(M_ARENA_MAX, 1);
#endif
}

}  // namespace safemap
