#pragma once

#include <QByteArray>
#include <QMap>
#include <QProcess>
#include <QStandardPaths>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

// The real PDF tools (qpdf, pdfinfo, pdftotext, pdftoppm from Debian's qpdf and
// poppler-utils), run through QProcess on a PDF held in memory. A missing tool fails
// the test loudly (QFAIL in the caller through `error`).
class PdfTools
{
public:
    PdfTools() { m_dir.setAutoRemove(true); }

    // Writes `pdf` to a file of the temporary folder; its path.
    QString write(const QByteArray &pdf, const QString &name = QStringLiteral("doc.pdf"))
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size())
            return {};
        return path;
    }

    // Runs `tool`; false with `error` set when it is missing, fails to start or times out.
    bool run(const QString &tool, const QStringList &arguments, QByteArray *out, int *exitCode,
             QString *error)
    {
        const QString program = QStandardPaths::findExecutable(tool);
        if (program.isEmpty()) {
            *error = QStringLiteral("%1 is not installed (Debian: qpdf, poppler-utils)").arg(tool);
            return false;
        }
        QProcess process;
        process.start(program, arguments);
        if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit) {
            *error = QStringLiteral("%1 did not finish: %2").arg(tool, process.errorString());
            return false;
        }
        *out = process.readAllStandardOutput() + process.readAllStandardError();
        *exitCode = process.exitCode();
        return true;
    }

    // qpdf --check: empty when the file is sound, else what qpdf said.
    QString check(const QByteArray &pdf)
    {
        QByteArray out;
        int code = -1;
        QString error;
        if (!run(QStringLiteral("qpdf"), {QStringLiteral("--check"), write(pdf)}, &out, &code, &error))
            return error;
        return code == 0 ? QString() : QString::fromUtf8(out);
    }

    // pdfinfo's "Key: value" lines.
    QMap<QString, QString> info(const QByteArray &pdf, QString *error)
    {
        QByteArray out;
        int code = -1;
        QMap<QString, QString> fields;
        if (!run(QStringLiteral("pdfinfo"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"), write(pdf)},
                 &out, &code, error))
            return fields;
        if (code != 0) {
            *error = QStringLiteral("pdfinfo failed: %1").arg(QString::fromUtf8(out));
            return fields;
        }
        for (const QString &line : QString::fromUtf8(out).split(u'\n')) {
            const qsizetype colon = line.indexOf(u':');
            if (colon > 0)
                fields.insert(line.left(colon), line.mid(colon + 1).trimmed());
        }
        return fields;
    }

    // pdftotext -layout, one string per page (NFC-normalised).
    QStringList pages(const QByteArray &pdf, QString *error)
    {
        QByteArray out;
        int code = -1;
        if (!run(QStringLiteral("pdftotext"),
                 {QStringLiteral("-layout"), QStringLiteral("-enc"), QStringLiteral("UTF-8"), write(pdf),
                  m_dir.filePath(QStringLiteral("doc.txt"))},
                 &out, &code, error))
            return {};
        if (code != 0) {
            *error = QStringLiteral("pdftotext failed: %1").arg(QString::fromUtf8(out));
            return {};
        }
        QFile text(m_dir.filePath(QStringLiteral("doc.txt")));
        if (!text.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("pdftotext wrote no text");
            return {};
        }
        QStringList pages =
            QString::fromUtf8(text.readAll()).normalized(QString::NormalizationForm_C).split(u'\f');
        if (!pages.isEmpty() && pages.last().trimmed().isEmpty())
            pages.removeLast(); // the form feed after the last page
        return pages;
    }

    // pdftoppm: page `page` (1-based) as a PNG at `dpi`.
    QByteArray png(const QByteArray &pdf, int page, int dpi, QString *error)
    {
        QByteArray out;
        int code = -1;
        const QString prefix = m_dir.filePath(QStringLiteral("page"));
        if (!run(QStringLiteral("pdftoppm"),
                 {QStringLiteral("-png"), QStringLiteral("-r"), QString::number(dpi), QStringLiteral("-f"),
                  QString::number(page), QStringLiteral("-l"), QString::number(page),
                  QStringLiteral("-singlefile"), write(pdf), prefix},
                 &out, &code, error))
            return {};
        QFile file(prefix + QStringLiteral(".png"));
        if (code != 0 || !file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("pdftoppm failed: %1").arg(QString::fromUtf8(out));
            return {};
        }
        return file.readAll();
    }

private:
    QTemporaryDir m_dir;
};
