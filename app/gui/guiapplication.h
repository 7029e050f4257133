#pragma once

#include <QCoreApplication>

class QApplication;

// The window path of `residesk` (no command): the composition root that builds the
// database services and the main window, migrates the schema off the GUI thread and
// then lets the window load its pages.
class GuiApplication
{
    Q_DECLARE_TR_FUNCTIONS(GuiApplication)
public:
    static int run(int argc, char **argv);
    // After the event loop ends, the longest the teardown may take (see ShutdownWatchdog).
    static constexpr int kTeardownMs = 15000;

private:
    // Qt's translation and Residesk's own (":/i18n/residesk_<locale>.qm", or the English
    // plural forms; see TranslationLoader).
    static void installTranslations(QApplication &app);
};
