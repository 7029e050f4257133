#include "app/cli/commandline.h"
#include "app/gui/guiapplication.h"
#include "models/core/localtimezone.h"

// `residesk` with a command (or --help / --version) runs the command line on
// QCoreApplication, without a display; with no command it opens the window.
int main(int argc, char **argv)
{
    useCachedLocalTimeZone();
    if (CommandLine::isCommandLine(argc, argv))
        return CommandLine::run(argc, argv);
    return GuiApplication::run(argc, argv);
}
