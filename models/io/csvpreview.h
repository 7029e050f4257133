#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

// The first rows of a CSV file, for the import dialog's preview and column mapping.
// load() reads only the start of the file (it streams, so a 100 MB file costs the
// same as a small one) and does blocking I/O: call it on a worker thread
// (QtConcurrent::run), never the GUI thread. A plain value.
//
//   auto future = QtConcurrent::run([path] { return CsvPreview::load(path, 20); });
//   const CsvPreview preview = co_await future;
struct CsvPreview
{
    Q_DECLARE_TR_FUNCTIONS(CsvPreview)
public:
    QString path;
    QStringList header;      // trimmed column names
    QList<QStringList> rows; // up to the number asked for
    QList<qint64> lines;     // the line on which each row starts
    char separator = ',';
    QString error; // why the file cannot be previewed ("" when it can)

    bool ok() const { return error.isEmpty(); }

    static CsvPreview load(const QString &path, int maxRows);
};
