#pragma once

#include "tests/bench/benchcase.h"

// finalize_feedback: a vet clicks Finalize in the report editor. Time from the mouse
// press on the button to the first paint of the editor's status line showing
// "Finalizing…" (the locked state, before the job is even queued). Target: <= 50 ms.
// Also reported: how long the click's own handler kept the GUI thread (press to the
// release's return).
//
// One child process (`residesk-bench --child-finalize-feedback URL RUNS`: a
// QApplication on the offscreen platform, settings in a temporary folder) runs the
// real main window with its event bus and job engine (report.finalize and
// workorder.prerender), as the application does. It makes RUNS + 1 received protocols
// whose drafts have 20 result rows, then for each: opens its report editor, lets it
// settle, clicks Finalize with real mouse events, waits for the paint, then for the job
// to sign the report, and closes the editor. The first click is the warm-up.
class FinalizeFeedbackCase
{
public:
    static QString name() { return QStringLiteral("finalize_feedback"); }
    static QString description()
    {
        return QStringLiteral("ms from a click on Finalize to 'Finalizing…' painted in the report editor");
    }
    static int run(const BenchOptions &options);
    // The child side (hidden --child-finalize-feedback URL RUNS).
    static int child(int argc, char **argv);
};
