#include "app/cli/importcommands.h"

#include "app/cli/command.h"
#include "app/cli/commandcontext.h"
#include "app/cli/commandline.h"
#include "app/cli/commandregistry.h"
#include "models/db/database.h"
#include "models/db/databasefileguard.h"
#include "models/io/csvexporter.h"
#include "models/io/csvwriter.h"
#include "models/io/residentimporter.h"
#include "tasks/import/importtasks.h"
#include "tasks/jobstore.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTemporaryFile>

#include <cstdio>
#include <optional>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

QString dryRunOption()
{
    return u"dry-run"_s;
}
QString rejectedOutOption()
{
    return u"rejected-out"_s;
}
QString mapOption()
{
    return u"map"_s;
}
QString enqueueOption()
{
    return u"enqueue"_s;
}

// The FILE after the command's words, or null after a usage error.
std::optional<QString> fileArgument(CommandContext &context, int *exitCode)
{
    const QStringList positional = context.parser().positionalArguments();
    const qsizetype at = context.command().words.size();
    if (positional.size() <= at) {
        *exitCode =
            context.usageError(ImportCommands::tr("\"%1\" needs a file name").arg(context.command().name()));
        return std::nullopt;
    }
    return positional.at(at);
}

void writeBytes(FILE *stream, const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Rejected rows as they come, chunk by chunk: one JSON line each in a temporary file
// (printed at the end, so that the counts can come first without keeping every
// rejected row in memory) and, with --rejected-out, a CSV file.
class RejectedSink
{
public:
    bool open(const QString &csvPath, const QStringList &header, QString *error)
    {
        if (!m_lines.open()) {
            *error = ImportCommands::tr("cannot create a temporary file: %1").arg(m_lines.errorString());
            return false;
        }
        if (csvPath.isEmpty())
            return true;
        if (const std::optional<QString> refused = DatabaseFileGuard::refusal(csvPath)) {
            *error = *refused;
            return false;
        }
        m_csvFile = std::make_unique<QSaveFile>(csvPath);
        if (!m_csvFile->open(QIODevice::WriteOnly)) {
            *error = u"%1: %2"_s.arg(csvPath, m_csvFile->errorString());
            return false;
        }
        m_csv = std::make_unique<CsvWriter>(m_csvFile.get());
        m_csv->writeRecord(QStringList{u"line"_s, u"reason"_s} + header);
        return true;
    }

    void add(const ImportRejection &row)
    {
        m_lines.write(compact({{u"line"_s, row.line}, {u"reason"_s, row.reason}}));
        m_lines.write("\n");
        if (m_csv)
            m_csv->writeRecord(QStringList{QString::number(row.line), row.reason} + row.fields);
    }

    bool finish(QString *error)
    {
        if (!m_csv)
            return true;
        if (!m_csv->flush() || !m_csvFile->commit()) {
            *error = u"%1: %2"_s.arg(m_csvFile->fileName(),
                                     m_csv->hasError() ? m_csv->errorString() : m_csvFile->errorString());
            return false;
        }
        return true;
    }

    // Each line: {"line": n, "reason": "…"}.
    template<typename F> void forEach(F f)
    {
        m_lines.flush();
        m_lines.seek(0);
        while (!m_lines.atEnd()) {
            const QByteArray line = m_lines.readLine().trimmed();
            if (!line.isEmpty())
                f(line);
        }
    }

private:
    QTemporaryFile m_lines;
    std::unique_ptr<QSaveFile> m_csvFile;
    std::unique_ptr<CsvWriter> m_csv;
};

} // namespace

void ImportCommands::registerCommands(CommandRegistry &registry)
{
    registry.add({
        {u"import"_s, u"residents"_s},
        tr("Import residents from a CSV file: residesk import residents FILE."),
        tr("Reads the registrar's CSV (UTF-8, comma or semicolon, a header line) and creates or updates "
           "residents "
           "by student id; importing the same file again changes nothing. Columns are found by name "
           "(case-insensitive): student_id, first_name, last_name, email (required), phone, status, "
           "contact_by (email, sms, both), language (en, es) (optional); "
           "others are ignored. Rows that cannot be imported are rejected with their line and the reason, "
           "and the "
           "rest is imported; rows are written in chunks of 1,000, each completely or not at all.\n\n"
           "With --json: {\"created\": n, \"updated\": n, \"unchanged\": n, \"changed_fields\": {…}, "
           "\"rejected\": "
           "[{\"line\": n, \"reason\": \"…\"}, …]} listing every rejected row. Exit code 0 even when rows "
           "are "
           "rejected; 1 when the file cannot be read or is not CSV (nothing is written then) or the database "
           "fails (the chunks before stay; run the import again to finish); 2 on bad usage.\n\n"
           "With --enqueue: queues a residents.import job for a worker (the path must be readable there) and "
           "prints its id ({\"job_id\": n} with --json)."),
        {QCommandLineOption(dryRunOption(), tr("Report what would change; write nothing.")),
         QCommandLineOption(rejectedOutOption(),
                            tr("Also save the rejected rows as CSV (line, reason, then the row's fields)."),
                            tr("file")),
         QCommandLineOption(
             mapOption(),
             tr("Map a column of the file to a field, e.g. --map Matrikel=student_id (repeatable; "
                "an empty field ignores the column)."),
             tr("column=field")),
         QCommandLineOption(enqueueOption(),
                            tr("Queue the import as a job and print its id instead of running it."))},
        &ImportCommands::importResidents,
    });
    for (const QString &table : {u"residents"_s, u"rooms"_s, u"protocols"_s}) {
        registry.add({
            {u"export"_s, table},
            tr("Export the %1 as CSV: residesk export %1 FILE.").arg(table),
            tr("Writes a UTF-8 CSV file with a header line (RFC 4180 quoting), streaming; the file is "
               "replaced "
               "only once it is complete. Residents have the columns of \"import residents\", so an export "
               "imports again unchanged; protocols have the keys of \"protocols list --json\". With --json: "
               "{\"path\": \"…\", \"rows\": n}."),
            {},
            &ImportCommands::exportTable,
        });
    }
}

qsizetype ImportCommands::argumentCount(const Command &command)
{
    const QString first = command.words.value(0);
    return first == u"import"_s || first == u"export"_s ? 1 : 0;
}

int ImportCommands::importResidents(CommandContext &context)
{
    int code = 0;
    const std::optional<QString> file = fileArgument(context, &code);
    if (!file)
        return code;
    const QCommandLineParser &parser = context.parser();
    ResidentImporter::Options options;
    options.dryRun = parser.isSet(dryRunOption());
    for (const QString &pair : parser.values(mapOption())) {
        const qsizetype eq = pair.indexOf(u'=');
        if (eq <= 0)
            return context.usageError(tr("--map takes COLUMN=FIELD, not \"%1\"").arg(pair));
        const QString field = pair.mid(eq + 1).trimmed();
        if (!field.isEmpty() && !ResidentImporter::fieldKeys().contains(field.toLower()))
            return context.usageError(tr("--map: unknown field \"%1\" (fields: %2)")
                                          .arg(field, ResidentImporter::fieldKeys().join(u", "_s)));
        options.mapping.insert(pair.left(eq).trimmed(), field);
    }
    if (parser.isSet(enqueueOption()) && parser.isSet(rejectedOutOption()))
        return context.usageError(
            tr("--rejected-out cannot be used with --enqueue (the job keeps its rejected rows)"));

    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    const QString path = QFileInfo(*file).absoluteFilePath();

    if (parser.isSet(enqueueOption())) {
        if (!QFileInfo(path).isReadable()) {
            context.error(tr("%1: no such file, or it cannot be read").arg(*file));
            return CommandLine::ExitFailure;
        }
        const Result<EnqueueResult> queued = JobStore(*db).enqueue(
            ImportTasks::residentsRequest(path, options.dryRun, options.mapping), context.actor());
        if (!queued) {
            context.error(tr("cannot queue the import: %1").arg(queued.error().message.simplified()));
            return CommandLine::ExitFailure;
        }
        if (context.json())
            context.printJson(QJsonObject{{u"job_id"_s, queued->id}});
        else
            context.out(tr("Queued import job %1 for %2.").arg(queued->id).arg(path));
        return CommandLine::ExitSuccess;
    }

    ResidentImporter importer(*db, context.actor(), path, options);
    if (!importer.open()) {
        context.error(importer.failure().message);
        return CommandLine::ExitFailure;
    }
    RejectedSink rejected;
    QString sinkError;
    if (!rejected.open(parser.value(rejectedOutOption()), importer.header(), &sinkError)) {
        context.error(sinkError);
        return CommandLine::ExitFailure;
    }
    const bool showProgress = !context.json() && isatty(fileno(stderr));
    const qint64 total = importer.totalRows();
    ResidentImporter::Counts counts;
    qint64 rows = 0;
    for (;;) {
        const std::optional<ResidentImporter::Chunk> chunk = importer.nextChunk();
        if (!chunk) {
            if (showProgress)
                std::fputs("\n", stderr);
            const ResidentImporter::Failure failure = importer.failure();
            if (failure.kind == ResidentImporter::Failure::Kind::Database)
                context.error(tr("%1: %2; the %3 rows before were imported; run the import again to finish")
                                  .arg(*file, failure.message, QString::number(rows)));
            else
                context.error(failure.message);
            return CommandLine::ExitFailure;
        }
        if (chunk->rows == 0)
            break;
        counts += chunk->counts;
        rows += chunk->rows;
        for (const ImportRejection &row : chunk->rejected)
            rejected.add(row);
        if (showProgress) {
            writeBytes(stderr, tr("\rImporting residents: %L1 of %L2 rows").arg(rows).arg(total).toUtf8());
            std::fflush(stderr);
        }
    }
    if (showProgress)
        std::fputs("\n", stderr);
    if (!rejected.finish(&sinkError)) {
        context.error(sinkError);
        return CommandLine::ExitFailure;
    }

    if (context.json()) {
        QJsonObject head = counts.toJson();
        head.remove(u"rejected"_s);
        head.insert(u"dry_run"_s, options.dryRun);
        head.insert(u"rejected"_s, QJsonArray()); // the placeholder that the rows replace
        QByteArray text = compact(head);
        const qsizetype placeholder = text.lastIndexOf("\"rejected\":[]");
        writeBytes(stdout, text.left(placeholder) + "\"rejected\":[");
        bool first = true;
        rejected.forEach([&first](const QByteArray &line) {
            if (!first)
                writeBytes(stdout, ",");
            first = false;
            writeBytes(stdout, line);
        });
        writeBytes(stdout, "]" + text.mid(placeholder + qsizetype(qstrlen("\"rejected\":[]"))) + "\n");
        std::fflush(stdout);
        return CommandLine::ExitSuccess;
    }
    context.out((options.dryRun ? tr("Dry run of %1 (nothing written): %2 would be created, %3 updated, %4 "
                                     "unchanged, %5 rejected.")
                                : tr("Imported %1: %2 created, %3 updated, %4 unchanged, %5 rejected."))
                    .arg(*file)
                    .arg(counts.created)
                    .arg(counts.updated)
                    .arg(counts.unchanged)
                    .arg(counts.rejected));
    rejected.forEach([&context](const QByteArray &line) {
        context.out(u"  "_s + QJsonDocument::fromJson(line).object().value(u"reason"_s).toString());
    });
    return CommandLine::ExitSuccess;
}

int ImportCommands::exportTable(CommandContext &context)
{
    int code = 0;
    const std::optional<QString> file = fileArgument(context, &code);
    if (!file)
        return code;
    const std::optional<CsvExporter::Table> table =
        CsvExporter::tableFromName(context.command().words.value(1));
    if (!table)
        return context.usageError(tr("unknown table"));
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    if (const std::optional<QString> refused = DatabaseFileGuard::refusal(*file)) {
        context.error(*refused);
        return CommandLine::ExitFailure;
    }
    QSaveFile out(*file);
    if (!out.open(QIODevice::WriteOnly)) {
        context.error(u"%1: %2"_s.arg(*file, out.errorString()));
        return CommandLine::ExitFailure;
    }
    const Result<qint64> rows = CsvExporter(*db, context.actor()).exportTable(*table, out);
    if (!rows) {
        out.cancelWriting();
        context.error(tr("%1: the export failed: %2").arg(*file, rows.error().message.simplified()));
        return CommandLine::ExitFailure;
    }
    if (!out.commit()) {
        context.error(u"%1: %2"_s.arg(*file, out.errorString()));
        return CommandLine::ExitFailure;
    }
    if (context.json())
        context.printJson(
            QJsonObject{{u"path"_s, QFileInfo(*file).absoluteFilePath()}, {u"rows"_s, rows.value()}});
    else
        context.out(
            tr("Exported %n row(s) to %1.", nullptr, int(qMin<qint64>(rows.value(), INT_MAX))).arg(*file));
    return CommandLine::ExitSuccess;
}
