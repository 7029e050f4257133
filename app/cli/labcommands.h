#pragma once

#include <QCoreApplication>

class CommandRegistry;
class CommandContext;
struct Command;

// Lab commands: `protocols list [--state S]` and `reports list [--state S]`, as an
// aligned text table or, with --json, a JSON array streamed one object per line;
// `report finalize ID [--wait]` (queues the report.finalize job, as the window's
// Finalize button does), `report pdf ID -o FILE` (the stored PDF of a finalized report,
// or a draft preview rendered on the spot) and `workorder pdf ID -o FILE` (through the
// PDF cache; rendered and kept on a miss). All data goes through the lab repositories
// and tasks/lab (no SQL here).
//
//   residesk protocols list --state submitted --json
//   [{"id":1,"number":"P-2026-000001","client":"Hillside Dairy","species":"Bovine",…}, …]
//   residesk report finalize 12 --json
//   {"job_id":40}
class LabCommands
{
    Q_DECLARE_TR_FUNCTIONS(LabCommands)
public:
    static void registerCommands(CommandRegistry &registry);
    // Positional arguments after a command's words ("report finalize ID": 1).
    static qsizetype argumentCount(const Command &command);

private:
    static int listProtocols(CommandContext &context);
    static int listReports(CommandContext &context);
    static int finalizeReport(CommandContext &context);
    static int reportPdf(CommandContext &context);
    static int workOrderPdf(CommandContext &context);
};
