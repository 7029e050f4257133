#pragma once

#include <QCoreApplication>
#include <QString>

class QFileDialog;
class QWidget;

// The only way Residesk asks a person for a file: Qt's own file dialog, set up so that
// it never opens the files it lists, and refusing the database file.
//
// Why: SQLite's locks are dropped as soon as the process closes any descriptor of the
// database file (models/db/databasefileguard.h). Qt's widget file dialog guesses each
// listed file's type and icon from its first bytes, opening and closing every file in
// the folder it shows — the database file, its -wal and -shm included; a native dialog
// running inside the process may do the same. These dialogs use Qt's widget dialog
// with an icon provider that judges by the name alone, and refuse (and ask again for)
// a choice that is the database file or one of its companions.
//
// GUI thread only; modal like QFileDialog's static functions.
//
//   const QString path = FileDialogs::getSaveFileName(this, tr("Export"), suggested, tr("CSV files
//   (*.csv)"));
class FileDialogs
{
    Q_DECLARE_TR_FUNCTIONS(FileDialogs)
public:
    static QString getOpenFileName(QWidget *parent, const QString &caption, const QString &directory,
                                   const QString &filter);
    static QString getSaveFileName(QWidget *parent, const QString &caption, const QString &directory,
                                   const QString &filter);

    enum class Mode { Open, Save };
    // The dialog both use, not yet shown (deleted with `parent`, or by the caller).
    static QFileDialog *create(QWidget *parent, Mode mode, const QString &caption, const QString &directory,
                               const QString &filter);
};
