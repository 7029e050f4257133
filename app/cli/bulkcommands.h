#pragma once

#include <QCoreApplication>

class CommandContext;
class CommandRegistry;
struct Command;

// Bulk protocol changes on the command line (the protocols.transition and
// protocols.transition_undo jobs, tasks/bulk/bulktasks.h):
//
//   residesk protocols transition --to in_analysis (--ids 1,2,3 | --state received [--client ID]
//            [--search TEXT]) [--wait] [--json]
//   residesk protocols receive (--ids 1,2,3 | --state submitted …) [--wait] [--json]
//   residesk protocols undo JOB_ID [--wait] [--json]
//   residesk protocols items JOB_ID [--outcome changed|skipped|failed] [--json]
//
// The change is queued with its selection frozen and printed as {"job_id": n,
// "selected": n}; with --wait it runs (here, unless a worker takes it) and the output
// adds "state", "changed", "skipped", "failed", "no_address" and "emails" (an undo:
// "restored", "skipped", "failed"). Exit code 0 only if the job succeeded; a job with
// failed items succeeds — its counts say so.
class BulkCommands
{
    Q_DECLARE_TR_FUNCTIONS(BulkCommands)
public:
    static void registerCommands(CommandRegistry &registry);
    // "protocols undo JOB_ID", "protocols items JOB_ID": 1.
    static qsizetype argumentCount(const Command &command);

private:
    static int transition(CommandContext &context);
    static int receive(CommandContext &context);
    static int undo(CommandContext &context);
    static int items(CommandContext &context);
};
