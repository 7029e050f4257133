#pragma once

#include <QCoreApplication>

class CommandRegistry;

// `residesk report occupancy|maintenance|turnaround --from DATE --to DATE [-o FILE.pdf|FILE.csv]
// [--wait] [--json]`: queues the period report as a job (tasks/reports/reporttasks.h);
// with --wait or -o runs it here until it ends and prints (and saves) it.
class UsageReportCommands
{
    Q_DECLARE_TR_FUNCTIONS(UsageReportCommands)
public:
    static void registerCommands(CommandRegistry &registry);
};
