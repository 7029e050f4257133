#pragma once

class PdfCache;

// What the lab's jobs need from the process they run in: the process's one PdfCache.
// The composition root of the window installs the cache it created (and hands the same
// one to the window); the command line and `residesk worker` install nothing and get a
// default cache in the default location (PdfCache::defaultDirectory()), created on
// first use and kept until the process exits. Tests install their own.
//
// Thread contract: pdfCache() may be called from any thread (runner threads call it);
// setPdfCache() is called before the engine starts and after it stopped.
//
//   PdfCache cache;                       // app/gui/guiapplication.cpp
//   LabServices::setPdfCache(&cache);
//   ...
//   PdfCache &cache = LabServices::pdfCache();   // in a task
namespace LabServices {
PdfCache &pdfCache();
// `cache` outlives every job of the process that may use it; null: back to the default.
void setPdfCache(PdfCache *cache);
} // namespace LabServices
