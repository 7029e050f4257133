#pragma once

// Process-wide glibc malloc settings for processes that render PDFs with QPdfWriter.
//
// Why: Qt 6.4's QPdfEngine compresses every page's content stream through two fresh
// 16 MB QByteArrays (QPdfEnginePrivate::writeCompressed). With glibc's defaults each
// of them is a new mmap() (or a heap that is trimmed again right after), so every page
// pays for page faults on fresh zeroed memory and a munmap: measured here, a 200-row
// report took 11-16 ms of CPU time, 20 % of it in the kernel, and about 4-5 ms with
// these settings (160 minor page faults per report before, under 1 after).
//
// apply() keeps allocations below 32 MB in the heap (M_MMAP_THRESHOLD) and lets up to
// 64 MB of free memory stay at the heap's top (M_TRIM_THRESHOLD), so the buffers are
// reused. A process keeps at most that much freed memory; glibc's own adaptive
// threshold goes up to 32 MB anyway. Variables MALLOC_MMAP_THRESHOLD_ or
// MALLOC_TRIM_THRESHOLD_ set in the environment win: then apply() leaves that setting.
// Elsewhere than glibc it does nothing.
//
// Thread contract: call once, early (PdfRenderer::warmUp() and the first render call
// it); later calls do nothing.
//
//   PdfAllocatorTuning::apply();
class PdfAllocatorTuning
{
public:
    static void apply();
};
