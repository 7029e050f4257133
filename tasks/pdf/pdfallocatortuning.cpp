#include "tasks/pdf/pdfallocatortuning_p.h"

#include <QtGlobal>

#include <mutex>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

void PdfAllocatorTuning::apply()
{
    static std::once_flag once;
    std::call_once(once, [] {
#if defined(__GLIBC__)
        constexpr int kMmapThreshold = 32 * 1024 * 1024;
        constexpr int kTrimThreshold = 64 * 1024 * 1024;
        if (!qEnvironmentVariableIsSet("MALLOC_MMAP_THRESHOLD_"))
            mallopt(M_MMAP_THRESHOLD, kMmapThreshold);
        if (!qEnvironmentVariableIsSet("MALLOC_TRIM_THRESHOLD_"))
            mallopt(M_TRIM_THRESHOLD, kTrimThreshold);
#endif
    });
}
