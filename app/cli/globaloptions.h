#pragma once

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QList>
#include <QStringList>

// Options shared by every command and by the window: --database, --json, --help,
// --version (and --demo, --sign-in and --diagnostics, which only the window takes).
class GlobalOptions
{
    Q_DECLARE_TR_FUNCTIONS(GlobalOptions)
public:
    static QList<QCommandLineOption> all();
    static QCommandLineOption demo();
    // The window: ask who signs in even if a remembered password works (PostgreSQL).
    static QCommandLineOption signIn();
    // The window: offer Tools ▸ Run diagnostic job (administrators; for checking a
    // deployment's job engine, not for everyday work).
    static QCommandLineOption diagnostics();

    static QString helpName() { return QStringLiteral("help"); }
    static QString versionName() { return QStringLiteral("version"); }
    static QString databaseName() { return QStringLiteral("database"); }
    static QString jsonName() { return QStringLiteral("json"); }
    static QString demoName() { return QStringLiteral("demo"); }
    static QString signInName() { return QStringLiteral("sign-in"); }
    static QString diagnosticsName() { return QStringLiteral("diagnostics"); }

    // Organization "Residesk", application "Residesk", version from the build: the
    // window and the command line use the same settings and default database file.
    static void setApplicationIdentity();

    // Qt's own GUI options (-platform offscreen, -style fusion, -reverse ...), which
    // QApplication handles: with a value, and without.
    static const QStringList &qtGuiValueOptions();
    static const QStringList &qtGuiFlags();
    // `args` without Qt's GUI options, for our parser on the window path.
    static QStringList withoutQtGuiOptions(const QStringList &args);
    // "--name=value" / "-name" / "--name" -> "name"
    static QString optionName(const QString &arg);
};
