#pragma once

#include <QCoreApplication>

class CommandRegistry;
class CommandContext;

// Lab commands: `protocols list [--state S]` and `reports list [--state S]`, as an
// aligned text table or, with --json, a JSON array streamed one object per line.
// All data goes through the lab repositories (no SQL here).
//
//   residesk protocols list --state submitted --json
//   [{"id":1,"number":"P-2026-000001","client":"Hillside Dairy","species":"Bovine",…}, …]
class LabCommands
{
    Q_DECLARE_TR_FUNCTIONS(LabCommands)
public:
    static void registerCommands(CommandRegistry &registry);

private:
    static int listProtocols(CommandContext &context);
    static int listReports(CommandContext &context);
};
