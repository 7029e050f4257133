#include "tasks/import/importtasks.h"

#include "models/io/residentimporter.h"
#include "tasks/import/importrejectionstore.h"
#include "tasks/jobcontext.h"
#include "tasks/taskregistry.h"

#include <QCoreApplication>
#include <QCoroFuture>
#include <QCoroTimer>
#include <QElapsedTimer>
#include <QJsonArray>

#include <chrono>
#include <memory>

using namespace Qt::StringLiterals;

// The helpers live inside ImportTasks; their messages are marked with the context
// "ImportTasks", the one the msg() helper below stores.
namespace ImportTasks {
namespace {

// A message to store (a job's error or progress, a notification, a title), translated
// where it is shown; the source text is marked with QT_TRANSLATE_NOOP("ImportTasks", …).
StoredText msg(const char *text, int n = -1)
{
    return StoredText("ImportTasks", text, n);
}

// Done and total are the rows, which every view of a job shows ("1,000 of 5,000"): the
// message names only the unit.
StoredText progressText()
{
    return msg(QT_TRANSLATE_NOOP("ImportTasks", "rows"));
}

// What the import did, as a sentence for its notification: "120 residents imported,
// 3 skipped, 2 rejected" (skipped: already as the file has them), each part with its
// own plural form and the counts grouped in the reader's locale; a trial run says
// what would have been imported.
StoredText summary(const ResidentImporter::Counts &counts, bool dryRun)
{
    QList<StoredText> parts;
    const qint64 imported = counts.created + counts.updated;
    parts << (dryRun ? msg(QT_TRANSLATE_N_NOOP("ImportTasks", "%Ln resident(s) would be imported"),
                           int(imported))
                     : msg(QT_TRANSLATE_N_NOOP("ImportTasks", "%Ln resident(s) imported"), int(imported)));
    if (counts.unchanged > 0)
        parts << msg(QT_TRANSLATE_N_NOOP("ImportTasks", "%Ln skipped"), int(counts.unchanged));
    if (counts.rejected > 0)
        parts << msg(QT_TRANSLATE_N_NOOP("ImportTasks", "%Ln rejected"), int(counts.rejected));
    StoredText sentence = parts.first();
    if (parts.size() == 2)
        sentence = msg(QT_TRANSLATE_NOOP("ImportTasks", "%1, %2")).arg(parts.at(0)).arg(parts.at(1));
    else if (parts.size() == 3)
        sentence = msg(QT_TRANSLATE_NOOP("ImportTasks", "%1, %2, %3"))
                       .arg(parts.at(0))
                       .arg(parts.at(1))
                       .arg(parts.at(2));
    if (dryRun)
        sentence = msg(QT_TRANSLATE_NOOP("ImportTasks", "Trial run, nothing was written: %1")).arg(sentence);
    return sentence;
}

QCoro::Task<JobOutcome> importResidents(JobContext &ctx)
{
    const QJsonObject payload = ctx.payload();
    const QString path = payload.value(u"path"_s).toString();
    if (path.isEmpty())
        co_return JobOutcome::failure(msg(QT_TRANSLATE_NOOP("ImportTasks", "The import names no file.")),
                                      false);
    ResidentImporter::Options options;
    options.dryRun = payload.value(u"dry_run"_s).toBool(false);
    options.chunkSize = qBound(1, payload.value(u"chunk"_s).toInt(1000), 100000);
    const QJsonObject mapping = payload.value(u"mapping"_s).toObject();
    for (auto it = mapping.constBegin(); it != mapping.constEnd(); ++it)
        options.mapping.insert(it.key(), it.value().toString());

    // The first pass over the file (parsing only, no database) runs on the CPU pool.
    ctx.setProgress(ctx.job().progressDone, ctx.job().progressTotal,
                    msg(QT_TRANSLATE_NOOP("ImportTasks", "Reading the file…")));
    auto importer = std::make_shared<ResidentImporter>(ctx.database(), ctx.actor(), path, options);
    auto opening = ctx.runCpu([importer] { return importer->open(); });
    const bool opened = co_await opening;
    if (!opened)
        co_return JobOutcome::failure(importer->failure().message, false);

    const QJsonObject fingerprint = importer->fingerprint();
    const QJsonObject checkpoint = ctx.checkpoint();
    ResidentImporter::Counts counts;
    qint64 rows = 0;
    if (checkpoint.contains(u"offset"_s)) {
        if (checkpoint.value(u"file"_s).toObject() != fingerprint)
            co_return JobOutcome::failure(
                msg(QT_TRANSLATE_NOOP("ImportTasks",
                                      "%1: the file changed since this import started; start a new import"))
                    .arg(path),
                false);
        counts = ResidentImporter::Counts::fromJson(checkpoint.value(u"counts"_s).toObject());
        rows = checkpoint.value(u"rows"_s).toInteger();
        if (!importer->resume(
                {checkpoint.value(u"offset"_s).toInteger(), checkpoint.value(u"line"_s).toInteger()}))
            co_return JobOutcome::failure(importer->failure().message, false);
    }
    const qint64 total = importer->totalRows();
    ctx.setProgress(rows, total, progressText());

    ImportRejectionStore store(ctx.database());
    QElapsedTimer sinceYield;
    sinceYield.start();
    for (;;) {
        if (ctx.isCancelled())
            co_return JobOutcome::cancelled();
        const std::optional<ResidentImporter::Chunk> chunk =
            importer->nextChunk([&](const ResidentImporter::Chunk &c) -> VoidResult {
                if (VoidResult r = store.add(ctx.id(), c.rejected); !r)
                    return r;
                ResidentImporter::Counts next = counts;
                next += c.counts;
                return ctx.saveCheckpoint({{u"offset"_s, c.next.offset},
                                           {u"line"_s, c.next.line},
                                           {u"rows"_s, rows + c.rows},
                                           {u"counts"_s, next.toJson()},
                                           {u"file"_s, fingerprint}});
            });
        if (!chunk) {
            const ResidentImporter::Failure failure = importer->failure();
            co_return JobOutcome::failure(failure.message,
                                          failure.kind == ResidentImporter::Failure::Kind::Database);
        }
        if (chunk->rows == 0)
            break;
        counts += chunk->counts;
        rows += chunk->rows;
        ctx.setProgress(rows, total, progressText());
        // Let this runner thread's event loop turn now and then (the progress timer).
        if (sinceYield.elapsed() > 50) {
            QCoro::Task<> pause = QCoro::sleepFor(std::chrono::milliseconds(0)); // named: GCC 12 bug 100611
            co_await pause;
            sinceYield.restart();
        }
    }
    ctx.flushProgress();

    QJsonObject result = counts.toJson();
    QJsonArray rejected;
    if (counts.rejected > 0) {
        const Result<QList<ImportRejection>> first = store.page(ctx.id(), 0, ImportTasks::kRejectedInResult);
        if (first) {
            for (const ImportRejection &row : first.value())
                rejected.append(QJsonObject{{u"line"_s, row.line}, {u"reason"_s, row.reason}});
        }
    }
    result.insert(u"rejected"_s, rejected);
    result.insert(u"rejected_count"_s, counts.rejected);
    result.insert(u"rows"_s, rows);
    result.insert(u"dry_run"_s, options.dryRun);
    result.insert(u"path"_s, path);
    // The creator's notification says it in a sentence, in their language.
    const StoredText said = summary(counts, options.dryRun);
    result.insert(u"summary"_s, said.toString());
    result.insert(u"summary_msg"_s, said.toJsonObject());
    co_return JobOutcome::success(result);
}

} // namespace

StoredText importSummary(const ResidentImporter::Counts &counts, bool dryRun)
{
    return summary(counts, dryRun);
}

QString residentsKind()
{
    return u"residents.import"_s;
}

JobRequest residentsRequest(const QString &path, bool dryRun, const QHash<QString, QString> &mapping)
{
    QJsonObject map;
    for (auto it = mapping.cbegin(); it != mapping.cend(); ++it)
        map.insert(it.key(), it.value());
    JobRequest request;
    request.kind = residentsKind();
    request.payload = {{u"path"_s, path}, {u"dry_run"_s, dryRun}, {u"mapping"_s, map}};
    request.notifyCreator = true;
    return request;
}

void registerAll(TaskRegistry &registry)
{
    // One import at a time per engine: two at once would only fight over the same rows.
    registry.add(
        {residentsKind(), msg(QT_TRANSLATE_NOOP("ImportTasks", "Import residents")), 1, 3, &importResidents});
}

} // namespace ImportTasks
