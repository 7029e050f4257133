#include "tasks/sync/synctasks.h"

#include "models/core/keychain.h"
#include "models/db/database.h"
#include "models/db/events.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "models/housing/registrarflagrepository.h"
#include "models/io/csvreader.h"
#include "models/io/csvrecord.h"
#include "models/io/residentimporter.h"
#include "tasks/import/importrejectionstore.h"
#include "tasks/import/importtasks.h"
#include "tasks/jobcontext.h"
#include "tasks/sync/registrarfetch.h"
#include "tasks/sync/registrarsyncsettings.h"
#include "tasks/sync/registrarsyncstore.h"
#include "tasks/taskregistry.h"

#include <QCoreApplication>
#include <QCoroFuture>
#include <QCoroTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>

#include <chrono>
#include <memory>

using namespace Qt::StringLiterals;

// The helpers live inside SyncTasks so that lupdate files their tr() calls under the
// context "SyncTasks", the one the tr() helper below passes to translate().
namespace SyncTasks {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SyncTasks", text);
}

// A message to store (a job's error or progress, a notification, a title), translated
// where it is shown; the source text is marked with QT_TRANSLATE_NOOP("SyncTasks", …).
StoredText msg(const char *text, int n = -1)
{
    return StoredText("SyncTasks", text, n);
}

// The student ids an export lists, as 64-bit hashes (8 bytes a row, not the ids): a
// resident whose id hashes to none of them is certainly not listed. Two different ids
// with one hash (about once in 10^9 syncs of 100,000 residents) would only leave a
// resident unflagged once.
using IdHashes = QSet<quint64>;

quint64 idHash(QStringView id)
{
    return quint64(qHash(id, size_t(0x7e915a1)));
}

// Reads the file once more (on the CPU pool) for the ids in `column`: every record with
// a non-empty id counts as listed, also one the import rejected for another reason.
std::optional<IdHashes> listedIds(const QString &path, int column)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    CsvReader reader(&file);
    CsvRecord record;
    if (!reader.readNext(record)) // the header
        return std::nullopt;
    IdHashes ids;
    while (reader.readNext(record)) {
        if (column >= record.size())
            continue;
        const QString id = record.field(column).trimmed();
        if (!id.isEmpty())
            ids.insert(idHash(id));
    }
    if (reader.error() != CsvReader::Error::None)
        return std::nullopt;
    return ids;
}

// The residents whose student id the export does not list, walked by id in pages.
Result<QList<qint64>> unlisted(Database &db, const IdHashes &listed)
{
    QList<qint64> missing;
    qint64 after = 0;
    for (;;) {
        SqlStatement st(db, u"SELECT id, student_id FROM residents WHERE id > ? ORDER BY id LIMIT 5000"_s);
        st.bind(after);
        if (VoidResult r = st.exec(); !r)
            return r.error();
        int rows = 0;
        while (st.next()) {
            ++rows;
            after = st.value(0).toLongLong();
            if (!listed.contains(idHash(st.value(1).toString().trimmed())))
                missing.append(after);
        }
        if (rows < 5000)
            return missing;
    }
}

struct Secret
{
    QString value;
    QString error;
};

QCoro::Task<Secret> readSecret(RegistrarSyncSettings settings)
{
    const QByteArray fromEnv = qgetenv(RegistrarSyncSettings::secretVariable().toLatin1().constData());
    if (!fromEnv.isEmpty())
        co_return Secret{QString::fromUtf8(fromEnv), {}};
    auto reading = Keychain::read(settings.keychainKey()); // named: GCC 12 bug 100611
    const Keychain::Secret secret = co_await reading;
    if (secret.error.isEmpty())
        co_return Secret{secret.value, {}};
    if (secret.notFound)
        co_return Secret{
            {},
            tr("no password or token is stored for %1 (set it in Settings ▸ Registrar sync… or in "
               "RESIDESK_SYNC_SECRET)")
                .arg(settings.keychainKey())};
    co_return Secret{{}, tr("the keychain did not give the password or token: %1").arg(secret.error)};
}

QJsonObject resultJson(const ResidentImporter::Counts &counts, qint64 rows, const QJsonArray &rejected,
                       const QString &url)
{
    QJsonObject result = counts.toJson();
    result.insert(u"rejected"_s, rejected);
    result.insert(u"rejected_count"_s, counts.rejected);
    result.insert(u"rows"_s, rows);
    result.insert(u"dry_run"_s, false);
    // The same sentence as an import's, for the notification.
    const StoredText said = ImportTasks::importSummary(counts, false);
    result.insert(u"summary"_s, said.toString());
    result.insert(u"summary_msg"_s, said.toJsonObject());
    result.insert(u"url"_s, url);
    return result;
}

QCoro::Task<JobOutcome> syncResidents(JobContext &ctx)
{
    // A final transaction that committed before the job was marked done: its result.
    if (ctx.checkpoint().contains(u"result"_s))
        co_return JobOutcome::success(ctx.checkpoint().value(u"result"_s).toObject());

    RegistrarSyncStore store(ctx.database(), ctx.clock());
    const Result<RegistrarSyncSettings> loaded = store.settings();
    if (!loaded)
        co_return JobOutcome::failure(loaded.error().message);
    RegistrarSyncSettings settings = loaded.value();
    const QString url = ctx.payload().value(u"url"_s).toString(settings.url).trimmed();
    if (url.isEmpty())
        co_return JobOutcome::failure(
            msg(QT_TRANSLATE_NOOP(
                "SyncTasks",
                "No registrar export URL is set: give one (residesk sync residents URL) or set it in "
                "Settings ▸ Registrar sync….")),
            false);
    const QString shown = RegistrarSyncSettings::displayUrl(url);
    // The cause: our own message, or a text from elsewhere (the network, the keychain).
    const auto failed = [&](const StoredText &cause) {
        return JobOutcome::failure(
            msg(QT_TRANSLATE_NOOP("SyncTasks", "Registrar sync from %1 failed: %2")).arg(shown).arg(cause),
            false);
    };
    {
        RegistrarSyncSettings check = settings;
        check.url = url;
        check.schedule.clear();
        for (const FieldError &e : check.validate()) {
            if (e.field == u"url"_s)
                co_return JobOutcome::failure(e.message, false);
        }
    }

    RegistrarFetch::Request request;
    request.url = QUrl(url);
    request.timeoutMs = qBound(1, settings.timeoutSeconds, 3600) * 1000;
    if (settings.auth != RegistrarSyncSettings::Auth::None) {
        settings.url = url;
        auto reading = readSecret(settings); // named: GCC 12 bug 100611
        const Secret secret = co_await reading;
        if (!secret.error.isEmpty())
            co_return failed(secret.error);
        request.authorization = settings.auth == RegistrarSyncSettings::Auth::Basic
                                    ? RegistrarFetch::basicAuthorization(settings.username, secret.value)
                                    : RegistrarFetch::bearerAuthorization(secret.value);
    }

    // A resumed job fetches the whole file again; an earlier attempt's chunks count
    // only if the bytes are the same.
    const QJsonObject checkpoint = ctx.checkpoint();
    const bool resuming = checkpoint.contains(u"offset"_s);
    std::optional<RegistrarSyncStore::State> last;
    {
        const Result<std::optional<RegistrarSyncStore::State>> state = store.state(url);
        if (!state)
            co_return JobOutcome::failure(state.error().message);
        last = state.value();
    }
    if (last && !resuming) {
        request.ifNoneMatch = last->etag;
        request.ifModifiedSince = last->lastModified;
    }

    QTemporaryDir folder(QDir::tempPath() + u"/residesk-sync-XXXXXX"_s);
    if (!folder.isValid())
        co_return failed(msg(QT_TRANSLATE_NOOP("SyncTasks", "cannot make a temporary folder: %1"))
                             .arg(folder.errorString()));
    request.targetPath = folder.filePath(u"export.csv"_s);
    ctx.setProgress(0, 0, msg(QT_TRANSLATE_NOOP("SyncTasks", "Fetching the registrar's export…")));
    auto fetching = RegistrarFetch::get(request); // named: GCC 12 bug 100611
    const RegistrarFetch::Outcome got = co_await fetching;
    if (!got.error.isEmpty())
        co_return failed(got.error);

    QJsonObject unchanged = resultJson({}, 0, {}, url);
    unchanged.insert(u"http_status"_s, got.status);
    unchanged.insert(u"bytes"_s, got.bytes);
    unchanged.insert(u"not_modified"_s, true);
    unchanged.insert(u"flagged"_s, 0);
    unchanged.insert(u"unflagged"_s, 0);
    if (got.notModified || (!resuming && last && last->sha256 == got.sha256)) {
        // Nothing is written: the office has this file applied already.
        const Result<qint64> open = RegistrarFlagRepository(ctx.database(), ctx.actor()).countOpen();
        unchanged.insert(u"flagged_open"_s, open ? open.value() : 0);
        if (last)
            unchanged.insert(u"rows"_s, last->rows);
        co_return JobOutcome::success(unchanged);
    }
    if (got.contentType.startsWith(u"text/html"_s, Qt::CaseInsensitive))
        co_return failed(
            msg(QT_TRANSLATE_NOOP("SyncTasks",
                                  "the answer is not CSV: the server sent an HTML page (Content-Type %1)"))
                .arg(got.contentType));

    ResidentImporter::Options options;
    options.chunkSize = qBound(1, ctx.payload().value(u"chunk"_s).toInt(1000), 100000);
    auto importer =
        std::make_shared<ResidentImporter>(ctx.database(), ctx.actor(), request.targetPath, options);
    ctx.setProgress(0, 0, msg(QT_TRANSLATE_NOOP("SyncTasks", "Reading the file…")));
    auto opening = ctx.runCpu([importer] { return importer->open(); });
    const bool opened = co_await opening;
    if (!opened) {
        // The importer names its file: here that is a temporary one, so name the URL.
        QString reason = importer->failure().message;
        if (reason.startsWith(request.targetPath + u": "_s))
            reason = reason.mid(request.targetPath.size() + 2);
        co_return failed(
            msg(QT_TRANSLATE_NOOP("SyncTasks", "the answer is not a CSV file of residents: %1")).arg(reason));
    }

    ResidentImporter::Counts counts;
    qint64 rows = 0;
    if (resuming && checkpoint.value(u"sha256"_s).toString() == got.sha256) {
        counts = ResidentImporter::Counts::fromJson(checkpoint.value(u"counts"_s).toObject());
        rows = checkpoint.value(u"rows"_s).toInteger();
        if (!importer->resume(
                {checkpoint.value(u"offset"_s).toInteger(), checkpoint.value(u"line"_s).toInteger()}))
            co_return failed(importer->failure().message);
    } else if (resuming) {
        // Other bytes than the interrupted attempt's: their rows are applied again (the
        // import is idempotent) and counted afresh; the rows they refused go.
        if (VoidResult r = SqlStatement::run(ctx.database(),
                                             u"DELETE FROM import_rejections WHERE job_id = ?"_s, {ctx.id()});
            !r)
            co_return JobOutcome::failure(r.error().message);
    }
    const qint64 total = importer->totalRows();
    ctx.setProgress(rows, total, msg(QT_TRANSLATE_NOOP("SyncTasks", "rows")));

    ImportRejectionStore rejections(ctx.database());
    QElapsedTimer sinceYield;
    sinceYield.start();
    for (;;) {
        if (ctx.isCancelled())
            co_return JobOutcome::cancelled();
        const std::optional<ResidentImporter::Chunk> chunk =
            importer->nextChunk([&](const ResidentImporter::Chunk &c) -> VoidResult {
                if (VoidResult r = rejections.add(ctx.id(), c.rejected); !r)
                    return r;
                ResidentImporter::Counts next = counts;
                next += c.counts;
                return ctx.saveCheckpoint({{u"offset"_s, c.next.offset},
                                           {u"line"_s, c.next.line},
                                           {u"rows"_s, rows + c.rows},
                                           {u"counts"_s, next.toJson()},
                                           {u"sha256"_s, got.sha256}});
            });
        if (!chunk) {
            const ResidentImporter::Failure failure = importer->failure();
            if (failure.kind == ResidentImporter::Failure::Kind::Database)
                co_return JobOutcome::failure(
                    msg(QT_TRANSLATE_NOOP("SyncTasks", "Registrar sync from %1: %2"))
                        .arg(shown, failure.message));
            co_return failed(failure.message);
        }
        if (chunk->rows == 0)
            break;
        counts += chunk->counts;
        rows += chunk->rows;
        ctx.setProgress(rows, total, msg(QT_TRANSLATE_NOOP("SyncTasks", "rows")));
        if (sinceYield.elapsed() > 50) {
            QCoro::Task<> pause = QCoro::sleepFor(std::chrono::milliseconds(0)); // named: GCC 12 bug 100611
            co_await pause;
            sinceYield.restart();
        }
    }
    if (ctx.isCancelled())
        co_return JobOutcome::cancelled();

    // Who the export lists, then the flags and the new state with the final checkpoint.
    ctx.setProgress(rows, total, msg(QT_TRANSLATE_NOOP("SyncTasks", "Comparing with the residents…")));
    const int idColumn = importer->columns().value(u"student_id"_s, -1);
    const QString path = request.targetPath;
    auto listing = ctx.runCpu([path, idColumn] { return listedIds(path, idColumn); });
    const std::optional<IdHashes> listed = co_await listing;
    if (!listed)
        co_return failed(msg(QT_TRANSLATE_NOOP("SyncTasks", "the downloaded file cannot be read again")));

    QJsonArray rejected;
    if (counts.rejected > 0) {
        const Result<QList<ImportRejection>> first =
            rejections.page(ctx.id(), 0, ImportTasks::kRejectedInResult);
        if (first) {
            for (const ImportRejection &row : first.value())
                rejected.append(QJsonObject{{u"line"_s, row.line}, {u"reason"_s, row.reason}});
        }
    }
    QJsonObject result = resultJson(counts, rows, rejected, url);
    result.insert(u"http_status"_s, got.status);
    result.insert(u"bytes"_s, got.bytes);
    result.insert(u"not_modified"_s, false);

    RegistrarFlagRepository flags(ctx.database(), ctx.actor());
    const VoidResult finished = [&]() -> VoidResult {
        Transaction tx(ctx.database());
        if (!tx.ok())
            return tx.error();
        const Result<QList<qint64>> missing = unlisted(ctx.database(), *listed);
        if (!missing)
            return missing.error();
        const Result<RegistrarFlagRepository::Applied> applied =
            flags.apply(missing.value(), ctx.id(), ctx.clock().nowMs());
        if (!applied)
            return applied.error();
        const Result<qint64> open = flags.countOpen();
        if (!open)
            return open.error();
        result.insert(u"flagged"_s, applied->flagged);
        result.insert(u"unflagged"_s, applied->unflagged);
        result.insert(u"flagged_open"_s, open.value());
        RegistrarSyncStore::State state;
        state.etag = got.etag;
        state.lastModified = got.lastModified;
        state.sha256 = got.sha256;
        state.rows = rows;
        state.appliedAt = ctx.clock().nowMs();
        state.jobId = ctx.id();
        if (VoidResult r = store.saveState(url, state); !r)
            return r;
        if (VoidResult r = ctx.saveCheckpoint({{u"result"_s, result}}); !r)
            return r;
        if (applied->flagged + applied->unflagged > 0) {
            if (VoidResult r = Events::publishRecordsChanged(ctx.database(), u"registrar_flags"_s); !r)
                return r;
        }
        return tx.commit();
    }();
    if (!finished)
        co_return JobOutcome::failure(msg(QT_TRANSLATE_NOOP("SyncTasks", "Registrar sync from %1: %2"))
                                          .arg(shown, finished.error().message));
    ctx.flushProgress();
    co_return JobOutcome::success(result);
}

} // namespace

QString residentsKind()
{
    return u"residents.sync"_s;
}

JobRequest residentsRequest(const QString &url)
{
    JobRequest request;
    request.kind = residentsKind();
    if (!url.trimmed().isEmpty())
        request.payload = {{u"url"_s, url.trimmed()}};
    request.uniqueKey = residentsKind();
    request.onDuplicate = JobRequest::OnDuplicate::Merge;
    request.notifyCreator = true;
    return request;
}

void registerAll(TaskRegistry &registry)
{
    // One at a time: two syncs would only fight over the same rows.
    registry.add({residentsKind(), msg(QT_TRANSLATE_NOOP("SyncTasks", "Sync residents from the registrar")),
                  1, 3, &syncResidents});
}

} // namespace SyncTasks
