#include "tasks/lab/labservices.h"

#include "tasks/pdf/pdfcache.h"

#include <atomic>

namespace {
std::atomic<PdfCache *> g_installed = nullptr;
} // namespace

namespace LabServices {

PdfCache &pdfCache()
{
    if (PdfCache *installed = g_installed.load())
        return *installed;
    // Created on first use (thread-safe static initialisation) and never destroyed
    // before exit: a runner thread may still hold it while the process ends.
    static PdfCache *const fallback = new PdfCache();
    return *fallback;
}

void setPdfCache(PdfCache *cache)
{
    g_installed.store(cache);
}

} // namespace LabServices
