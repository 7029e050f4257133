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

private:
    // Residesk's own translation (":/i18n/residesk_<locale>.qm") and Qt's.
    static void installTranslations(QApplication &app);
};
