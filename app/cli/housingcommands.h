#pragma once

#include <QCoreApplication>

class CommandRegistry;
class CommandContext;

// Housing commands: `seed-demo` (housing and lab demo data), `residents list`, `buildings list`, `rooms
// list`. All data goes through the repositories (no SQL here).
class HousingCommands
{
    Q_DECLARE_TR_FUNCTIONS(HousingCommands)
public:
    static void registerCommands(CommandRegistry &registry);

private:
    static int seedDemo(CommandContext &context);
    static int listResidents(CommandContext &context);
    static int listBuildings(CommandContext &context);
    static int listRooms(CommandContext &context);
};
