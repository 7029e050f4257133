#include "tasks/bulk/bulktasks.h"

#include "models/core/recipientlanguage.h"
#include "models/db/database.h"
#include "models/db/transaction.h"
#include "models/lab/clientrepository.h"
#include "models/lab/protocolrepository.h"
#include "tasks/bulk/bulkjobstore.h"
#include "tasks/i18n/messagetranslator.h"
#include "tasks/jobcontext.h"
#include "tasks/jobstore.h"
#include "tasks/mail/outbox.h"
#include "tasks/taskregistry.h"

#include <QCoroTimer>
#include <QElapsedTimer>
#include <QJsonArray>

#include <chrono>
#include <functional>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("BulkTasks", text);
}

// A message to store (a job's error or progress, a notification, a title), translated
// where it is shown; the source text is marked with QT_TRANSLATE_NOOP("BulkTasks", …).
StoredText msg(const char *text, int n = -1)
{
    return StoredText("BulkTasks", text, n);
}

// The counts are the job's done and total, which every view of a job shows ("3,500 of
// 10,000"): the message says only what they do not.
StoredText progressText(int chunk)
{
    return msg(QT_TRANSLATE_NOOP("BulkTasks", "chunk %1")).arg(chunk);
}

// Protocol::stateLabel() as a message: the same context and source texts, which
// protocol.cpp's tr() calls keep in the translations.
StoredText stateText(Protocol::State state)
{
    switch (state) {
    case Protocol::State::Submitted:
        return StoredText("Protocol", "Submitted");
    case Protocol::State::Received:
        return StoredText("Protocol", "Received");
    case Protocol::State::InAnalysis:
        return StoredText("Protocol", "In analysis");
    case Protocol::State::Finalized:
        return StoredText("Protocol", "Finalized");
    case Protocol::State::Cancelled:
        return StoredText("Protocol", "Cancelled");
    }
    return StoredText(Protocol::stateCode(state));
}

// The summary and title of a bulk job's notification, in the result both as the
// worker's words and as messages (JobStore::finish).
void addNotice(QJsonObject &result, const StoredText &summary, const StoredText &title)
{
    result.insert(u"summary"_s, summary.toString());
    result.insert(u"summary_msg"_s, summary.toJsonObject());
    result.insert(u"notify_title"_s, title.toString());
    result.insert(u"notify_title_msg"_s, title.toJsonObject());
}

// Counts of one chunk, or of the whole job so far (as in the checkpoint).
struct Counts
{
    qint64 changed = 0;
    qint64 skipped = 0;
    qint64 failed = 0;
    qint64 noAddress = 0;
    qint64 emails = 0;

    Counts &operator+=(const Counts &o)
    {
        changed += o.changed;
        skipped += o.skipped;
        failed += o.failed;
        noAddress += o.noAddress;
        emails += o.emails;
        return *this;
    }
    void count(const BulkItem &item)
    {
        switch (item.outcome) {
        case BulkItem::Outcome::Changed:
            ++changed;
            break;
        case BulkItem::Outcome::Skipped:
            ++skipped;
            break;
        case BulkItem::Outcome::Failed:
            ++failed;
            break;
        }
    }
    QJsonObject toJson() const
    {
        return {{u"changed"_s, changed},
                {u"skipped"_s, skipped},
                {u"failed"_s, failed},
                {u"no_address"_s, noAddress},
                {u"emails"_s, emails}};
    }
    static Counts fromJson(const QJsonObject &o)
    {
        return {o.value(u"changed"_s).toInteger(), o.value(u"skipped"_s).toInteger(),
                o.value(u"failed"_s).toInteger(), o.value(u"no_address"_s).toInteger(),
                o.value(u"emails"_s).toInteger()};
    }
};

// Where a job stands: its checkpoint.
struct Position
{
    qint64 after = 0; // the last protocol id of the last committed chunk
    qint64 done = 0;  // protocols handled
    int chunks = 0;
    Counts counts;

    QJsonObject toJson() const
    {
        return {
            {u"after"_s, after}, {u"done"_s, done}, {u"chunks"_s, chunks}, {u"counts"_s, counts.toJson()}};
    }
    static Position fromJson(const QJsonObject &o)
    {
        return {o.value(u"after"_s).toInteger(), o.value(u"done"_s).toInteger(), o.value(u"chunks"_s).toInt(),
                Counts::fromJson(o.value(u"counts"_s).toObject())};
    }
};

bool stopsTheAttempt(const DbError &error)
{
    return error.isConnectionProblem() || error.code == DbError::Code::LeaseLost;
}

// Work on some protocols that writes their items; its counts are kept only if it succeeds.
using ChunkWork = std::function<VoidResult(const QList<qint64> &ids, Counts *counts)>;

// Runs `work` on a chunk inside a savepoint of the caller's transaction. If it fails
// with a database error that is not the connection's or the lease's (a row the
// statements cannot take), the chunk is done again one protocol at a time, each in its
// own savepoint, and a protocol that still fails is recorded as a failed item: one bad
// row never stops the others.
VoidResult runChunk(Database &db, BulkJobStore &store, qint64 jobId, const QList<qint64> &ids,
                    const ChunkWork &work, Counts *counts)
{
    const auto attempt = [&](const QList<qint64> &some, Counts *into) -> VoidResult {
        Transaction savepoint(db);
        if (!savepoint.ok())
            return savepoint.error();
        Counts c;
        if (VoidResult r = work(some, &c); !r)
            return r; // the savepoint rolls back
        if (VoidResult r = savepoint.commit(); !r)
            return r;
        *into += c;
        return {};
    };
    const VoidResult whole = attempt(ids, counts);
    if (whole || stopsTheAttempt(whole.error()))
        return whole;
    for (const qint64 id : ids) {
        const VoidResult one = ids.size() == 1 ? whole : attempt({id}, counts);
        if (one)
            continue;
        if (stopsTheAttempt(one.error()))
            return one;
        BulkItem item;
        item.jobId = jobId;
        item.protocolId = id;
        item.outcome = BulkItem::Outcome::Failed;
        item.reason = tr("Protocol %1 could not be changed: %2").arg(id).arg(one.error().message);
        if (VoidResult r = store.addItems({item}); !r)
            return r;
        ++counts->failed;
    }
    return {};
}

// The e-mail's subject for a protocol's new state, as its English source: the client
// reads it in their language (ProtocolMail).
const char *subjectSource(Protocol::State to)
{
    switch (to) {
    case Protocol::State::Received:
        return QT_TRANSLATE_NOOP("ProtocolMail", "Protocol %1: samples received");
    case Protocol::State::InAnalysis:
        return QT_TRANSLATE_NOOP("ProtocolMail", "Protocol %1: analysis started");
    case Protocol::State::Finalized:
        return QT_TRANSLATE_NOOP("ProtocolMail", "Protocol %1: report finalized");
    case Protocol::State::Cancelled:
        return QT_TRANSLATE_NOOP("ProtocolMail", "Protocol %1 cancelled");
    case Protocol::State::Submitted:
        break;
    }
    return QT_TRANSLATE_NOOP("ProtocolMail", "Protocol %1 submitted");
}

// Protocol::stateLabel()'s source texts (context "Protocol"), for a language other than
// the process's.
const char *stateSource(Protocol::State state)
{
    switch (state) {
    case Protocol::State::Submitted:
        return "Submitted";
    case Protocol::State::Received:
        return "Received";
    case Protocol::State::InAnalysis:
        return "In analysis";
    case Protocol::State::Finalized:
        return "Finalized";
    case Protocol::State::Cancelled:
        return "Cancelled";
    }
    return "Submitted";
}

// The e-mail's body and its animal part, as their English sources. Marked apart from the
// translate() calls: lupdate takes a call named translate() for one with a literal text
// and would not find a source nested in it.
const char *const kBody =
    QT_TRANSLATE_NOOP("ProtocolMail", "Dear %1,\n\nprotocol %2 (%3) is now %4.\n\nThis message was sent "
                                      "automatically by the veterinary diagnostic lab; you do not need to "
                                      "answer it.\n");
const char *const kAnimal = QT_TRANSLATE_NOOP("ProtocolMail", "%1, animal %2");

// The e-mail to a protocol's client about its new state, in the client's language
// (clients.language; tasks/i18n/messagetranslator.h), whatever the worker runs in: the
// texts are translated once per job and language, then filled in per protocol (a chunk
// writes hundreds). The sources are filed under the context "ProtocolMail".
class ProtocolMail
{
public:
    ProtocolMail(Protocol::State to, qint64 jobId)
        : m_to(to)
        , m_keyPrefix(BulkTasks::dedupeKey(to, jobId, 0).chopped(1))
    {}

    OutboxMessage message(const BulkJobStore::Recipient &r)
    {
        const Texts &t = textsIn(r.language);
        OutboxMessage m;
        m.dedupeKey = m_keyPrefix + QString::number(r.protocolId);
        m.toAddress = r.email;
        m.toName = r.clientName;
        m.subject = t.subject.arg(r.number);
        m.bodyText =
            t.body.arg(r.clientName, r.number,
                       r.animalId.isEmpty() ? r.species : t.animal.arg(r.species, r.animalId), t.state);
        m.relatedEntity = u"protocol"_s;
        m.relatedId = r.protocolId;
        return m;
    }

private:
    struct Texts
    {
        QString state;
        QString subject;
        QString body;
        QString animal;
    };

    const Texts &textsIn(const QString &language)
    {
        const QString code = RecipientLanguage::effective(language);
        if (const auto it = m_texts.constFind(code); it != m_texts.constEnd())
            return it.value();
        const MessageTranslator to(code);
        Texts t;
        t.state = to.translate("Protocol", stateSource(m_to)).toLower();
        t.subject = to.translate("ProtocolMail", subjectSource(m_to));
        t.body = to.translate("ProtocolMail", kBody);
        t.animal = to.translate("ProtocolMail", kAnimal);
        return m_texts.insert(code, t).value();
    }

    Protocol::State m_to;
    QString m_keyPrefix;           // "protocol-received/job42/"
    QHash<QString, Texts> m_texts; // by language code
};

// Lets this runner thread's event loop turn now and then (the progress timer).
class Breather
{
public:
    Breather() { m_since.start(); }
    bool due() const { return m_since.elapsed() > 50; }
    void restart() { m_since.restart(); }

private:
    QElapsedTimer m_since;
};

// One chunk as one transaction: its work, the items and the checkpoint that records
// them commit together, then the progress. On an error nothing of the chunk stays
// (the job is retried from its last checkpoint) and `at` is unchanged.
VoidResult commitChunk(JobContext &ctx, BulkJobStore &store, const QList<qint64> &ids, const ChunkWork &work,
                       qint64 selected, Position &at)
{
    Database &db = ctx.database();
    Transaction tx(db);
    if (!tx.ok())
        return tx.error();
    Position next = at;
    if (VoidResult r = runChunk(db, store, ctx.id(), ids, work, &next.counts); !r)
        return r;
    next.after = ids.constLast();
    next.done += ids.size();
    ++next.chunks;
    if (VoidResult r = ctx.saveCheckpoint(next.toJson()); !r)
        return r;
    if (VoidResult r = tx.commit(); !r)
        return r;
    at = next;
    ctx.setProgress(at.done, selected, progressText(at.chunks));
    return {};
}

QCoro::Task<JobOutcome> runTransition(JobContext &ctx)
{
    const QJsonObject payload = ctx.payload();
    const std::optional<Protocol::State> to = Protocol::stateFromCode(payload.value(u"to"_s).toString());
    if (!to)
        co_return JobOutcome::failure(
            msg(QT_TRANSLATE_NOOP("BulkTasks", "The bulk change names no valid target state (\"%1\")."))
                .arg(payload.value(u"to"_s).toString()),
            false);
    const int chunkSize =
        qBound(1, payload.value(u"chunk"_s).toInt(BulkTasks::kDefaultChunk), BulkTasks::kMaxChunk);
    Database &db = ctx.database();
    const qint64 jobId = ctx.id();
    BulkJobStore store(db);

    // The selection, frozen when the job was queued; a job queued another way freezes
    // it now (idempotent: a later attempt finds it).
    const Result<std::optional<BulkJobInfo>> info = store.info(jobId);
    if (!info)
        co_return JobOutcome::failure(info.error().message);
    qint64 selected = 0;
    if (!info.value()) {
        Transaction tx(db);
        if (!tx.ok())
            co_return JobOutcome::failure(tx.error().message);
        Result<qint64> frozen;
        if (payload.contains(u"ids"_s)) {
            QList<qint64> ids;
            for (const QJsonValue &v : payload.value(u"ids"_s).toArray())
                ids.append(v.toInteger());
            frozen = store.registerChange(jobId, *to, ids);
        } else if (payload.contains(u"filter"_s)) {
            QString error;
            const std::optional<ProtocolFilter> filter =
                BulkTasks::filterFromJson(payload.value(u"filter"_s).toObject(), &error);
            if (!filter)
                co_return JobOutcome::failure(error, false);
            frozen = store.registerChange(jobId, *to, *filter);
        } else {
            co_return JobOutcome::failure(
                msg(QT_TRANSLATE_NOOP("BulkTasks", "The bulk change names neither ids nor a filter.")),
                false);
        }
        if (!frozen)
            co_return JobOutcome::failure(frozen.error().message);
        if (VoidResult r = ctx.saveCheckpoint(ctx.checkpoint()); !r)
            co_return JobOutcome::failure(r.error().message);
        if (VoidResult r = tx.commit(); !r)
            co_return JobOutcome::failure(r.error().message);
        selected = frozen.value();
    } else if (info.value()->isUndo() || info.value()->to != *to) {
        co_return JobOutcome::failure(
            msg(QT_TRANSLATE_NOOP("BulkTasks", "Job %1 is registered as another bulk job.")).arg(jobId),
            false);
    } else {
        selected = info.value()->selected;
    }

    Position at = Position::fromJson(ctx.checkpoint());
    const Result<QList<qint64>> remaining = store.selection(jobId, at.after);
    if (!remaining)
        co_return JobOutcome::failure(remaining.error().message);
    ctx.setProgress(at.done, selected, progressText(at.chunks));

    ProtocolRepository protocols(db, ctx.actor());
    Outbox outbox(db, ctx.clock());
    const Actor actor = ctx.actor();
    ProtocolMail mail(*to, jobId);
    const ChunkWork work = [&](const QList<qint64> &ids, Counts *counts) -> VoidResult {
        const Result<QList<TransitionOutcome>> outcomes = protocols.transitionMany(ids, *to, jobId);
        if (!outcomes)
            return outcomes.error();
        QList<qint64> changed;
        changed.reserve(outcomes->size());
        for (const TransitionOutcome &o : outcomes.value()) {
            if (o.kind == TransitionOutcome::Kind::Changed)
                changed.append(o.id);
        }
        const Result<QHash<qint64, BulkJobStore::Recipient>> recipients = store.recipients(changed);
        if (!recipients)
            return recipients.error();
        QList<BulkItem> items;
        items.reserve(outcomes->size());
        QList<OutboxMessage> messages;
        messages.reserve(changed.size());
        QList<qsizetype> itemOfMessage;
        itemOfMessage.reserve(changed.size());
        for (const TransitionOutcome &o : outcomes.value()) {
            BulkItem item = BulkItem::fromOutcome(jobId, o);
            if (item.outcome == BulkItem::Outcome::Changed) {
                const BulkJobStore::Recipient r = recipients->value(o.id);
                if (r.email.isEmpty()) {
                    item.note = tr("No e-mail sent: the client %1 has no e-mail address.").arg(r.clientName);
                    ++counts->noAddress;
                } else {
                    messages.append(mail.message(r));
                    itemOfMessage.append(items.size());
                }
            }
            counts->count(item);
            items.append(std::move(item));
        }
        const Result<Outbox::EnqueuedMany> queued = outbox.enqueueMany(messages, actor);
        if (!queued)
            return queued.error();
        counts->emails += queued->added;
        for (const auto &[message, reason] : queued->refused) {
            items[itemOfMessage.at(message)].note = tr("No e-mail sent: %1").arg(reason);
            ++counts->noAddress;
        }
        return store.addItems(items);
    };

    Breather breather;
    for (qsizetype start = 0; start < remaining->size(); start += chunkSize) {
        if (ctx.isCancelled()) {
            ctx.flushProgress();
            co_return JobOutcome::cancelled();
        }
        const QList<qint64> chunk = remaining->mid(start, chunkSize);
        if (VoidResult r = commitChunk(ctx, store, chunk, work, selected, at); !r)
            co_return JobOutcome::failure(r.error().message); // retried from the checkpoint
        if (breather.due()) {
            QCoro::Task<> pause = QCoro::sleepFor(std::chrono::milliseconds(0)); // named: GCC 12 bug 100611
            co_await pause;
            breather.restart();
        }
    }
    ctx.flushProgress();
    const Counts &c = at.counts;
    QJsonObject result = c.toJson();
    result.insert(u"to"_s, Protocol::stateCode(*to));
    result.insert(u"selected"_s, selected);
    const Result<StoredText> scope = BulkTasks::describeScopeMessage(db, payload);
    const StoredText scopeText = scope ? scope.value() : BulkTasks::scopeMessage(payload);
    result.insert(u"scope"_s, scopeText.toString());
    addNotice(result,
              msg(QT_TRANSLATE_NOOP("BulkTasks", "%L1 changed, %L2 skipped, %L3 failed"))
                  .arg(c.changed)
                  .arg(c.skipped)
                  .arg(c.failed),
              msg(QT_TRANSLATE_NOOP("BulkTasks", "Bulk change to “%1” (%2) finished"))
                  .arg(stateText(*to))
                  .arg(scopeText));
    result.insert(u"notify_link"_s, u"bulk:%1"_s.arg(jobId));
    co_return JobOutcome::success(result);
}

QCoro::Task<JobOutcome> runUndo(JobContext &ctx)
{
    const qint64 originalId = ctx.payload().value(u"job_id"_s).toInteger();
    const int chunkSize =
        qBound(1, ctx.payload().value(u"chunk"_s).toInt(BulkTasks::kDefaultChunk), BulkTasks::kMaxChunk);
    Database &db = ctx.database();
    const qint64 jobId = ctx.id();
    BulkJobStore store(db);

    const Result<std::optional<BulkJobInfo>> original = store.info(originalId);
    if (!original)
        co_return JobOutcome::failure(original.error().message);
    if (!original.value() || original.value()->isUndo())
        co_return JobOutcome::failure(
            msg(QT_TRANSLATE_NOOP("BulkTasks",
                                  "Job %1 is not a bulk change of protocols; it cannot be undone."))
                .arg(originalId),
            false);
    const Result<Job> originalJob = JobStore(db).get(originalId);
    if (!originalJob)
        co_return JobOutcome::failure(originalJob.error().message);
    if (!originalJob->isFinished())
        co_return JobOutcome::failure(
            msg(QT_TRANSLATE_NOOP("BulkTasks", "Job %1 has not finished; it can be undone once it has."))
                .arg(originalId),
            false);

    const Result<std::optional<BulkJobInfo>> own = store.info(jobId);
    if (!own)
        co_return JobOutcome::failure(own.error().message);
    qint64 selected = 0;
    if (!own.value()) {
        const Result<QHash<BulkItem::Outcome, qint64>> counts = store.counts(originalId);
        if (!counts)
            co_return JobOutcome::failure(counts.error().message);
        selected = counts->value(BulkItem::Outcome::Changed);
        Transaction tx(db);
        if (!tx.ok())
            co_return JobOutcome::failure(tx.error().message);
        if (VoidResult r = store.registerUndo(jobId, originalId, selected); !r)
            co_return JobOutcome::failure(r.error().message, r.error().code != DbError::Code::Duplicate);
        if (VoidResult r = ctx.saveCheckpoint(ctx.checkpoint()); !r)
            co_return JobOutcome::failure(r.error().message);
        if (VoidResult r = tx.commit(); !r)
            co_return JobOutcome::failure(r.error().message);
    } else if (own.value()->undoOf != originalId) {
        co_return JobOutcome::failure(
            msg(QT_TRANSLATE_NOOP("BulkTasks", "Job %1 is registered as another bulk job.")).arg(jobId),
            false);
    } else {
        selected = own.value()->selected;
    }

    Position at = Position::fromJson(ctx.checkpoint());
    ctx.setProgress(at.done, selected, progressText(at.chunks));
    ProtocolRepository protocols(db, ctx.actor());
    QHash<qint64, BulkItem> changedBy; // the original's items of the chunk at hand
    const ChunkWork work = [&](const QList<qint64> &ids, Counts *counts) -> VoidResult {
        QList<RestoreItem> restore;
        restore.reserve(ids.size());
        for (const qint64 id : ids) {
            const BulkItem &item = changedBy[id];
            restore.append({id, item.afterVersion, item.beforeState.value_or(Protocol::State::Submitted),
                            item.beforeReceivedAt});
        }
        const Result<QList<TransitionOutcome>> outcomes = protocols.restoreStates(restore, jobId);
        if (!outcomes)
            return outcomes.error();
        QList<BulkItem> items;
        items.reserve(outcomes->size());
        for (const TransitionOutcome &o : outcomes.value()) {
            BulkItem item = BulkItem::fromOutcome(jobId, o);
            counts->count(item);
            items.append(std::move(item));
        }
        return store.addItems(items);
    };

    Breather breather;
    for (;;) {
        if (ctx.isCancelled()) {
            ctx.flushProgress();
            co_return JobOutcome::cancelled();
        }
        BulkJobStore::ItemFilter filter;
        filter.outcome = BulkItem::Outcome::Changed;
        filter.afterProtocolId = at.after;
        filter.limit = chunkSize;
        const Result<QList<BulkItem>> page = store.items(originalId, filter);
        if (!page)
            co_return JobOutcome::failure(page.error().message);
        if (page->isEmpty())
            break;
        changedBy.clear();
        QList<qint64> ids;
        ids.reserve(page->size());
        for (const BulkItem &item : page.value()) {
            changedBy.insert(item.protocolId, item);
            ids.append(item.protocolId);
        }
        if (VoidResult r = commitChunk(ctx, store, ids, work, selected, at); !r)
            co_return JobOutcome::failure(r.error().message); // retried from the checkpoint
        if (breather.due()) {
            QCoro::Task<> pause = QCoro::sleepFor(std::chrono::milliseconds(0)); // named: GCC 12 bug 100611
            co_await pause;
            breather.restart();
        }
    }
    ctx.flushProgress();
    const Counts &c = at.counts;
    QJsonObject result{{u"undo_of"_s, originalId},
                       {u"selected"_s, selected},
                       {u"restored"_s, c.changed},
                       {u"skipped"_s, c.skipped},
                       {u"failed"_s, c.failed}};
    const Result<StoredText> scope = BulkTasks::describeScopeMessage(db, ctx.payload());
    addNotice(result,
              msg(QT_TRANSLATE_NOOP("BulkTasks", "%L1 restored, %L2 skipped, %L3 failed"))
                  .arg(c.changed)
                  .arg(c.skipped)
                  .arg(c.failed),
              msg(QT_TRANSLATE_NOOP("BulkTasks", "Undo of bulk change %1 (%2) finished"))
                  .arg(originalId)
                  .arg(scope ? scope.value() : msg(QT_TRANSLATE_NOOP("BulkTasks", "its protocols"))));
    result.insert(u"notify_link"_s, u"bulk:%1"_s.arg(jobId));
    co_return JobOutcome::success(result);
}

} // namespace

namespace BulkTasks {

QString transitionKind()
{
    return u"protocols.transition"_s;
}

QString undoKind()
{
    return u"protocols.transition_undo"_s;
}

QJsonObject filterToJson(const ProtocolFilter &filter)
{
    QJsonObject json;
    if (filter.state)
        json.insert(u"state"_s, Protocol::stateCode(*filter.state));
    if (filter.clientId > 0)
        json.insert(u"client_id"_s, filter.clientId);
    if (filter.submittedFrom.isValid())
        json.insert(u"submitted_from"_s, filter.submittedFrom.toString(Qt::ISODate));
    if (filter.submittedTo.isValid())
        json.insert(u"submitted_to"_s, filter.submittedTo.toString(Qt::ISODate));
    if (!filter.search.trimmed().isEmpty())
        json.insert(u"search"_s, filter.search.trimmed());
    return json;
}

std::optional<ProtocolFilter> filterFromJson(const QJsonObject &json, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    ProtocolFilter filter;
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString key = it.key();
        if (key == u"state"_s) {
            filter.state = Protocol::stateFromCode(it.value().toString());
            if (!filter.state)
                return fail(
                    tr("The filter's state \"%1\" is not a protocol state.").arg(it.value().toString()));
        } else if (key == u"client_id"_s) {
            filter.clientId = it.value().toInteger();
        } else if (key == u"submitted_from"_s || key == u"submitted_to"_s) {
            const QDate date = QDate::fromString(it.value().toString(), Qt::ISODate);
            if (!date.isValid())
                return fail(
                    tr("The filter's %1 \"%2\" is not a date (YYYY-MM-DD).").arg(key, it.value().toString()));
            (key == u"submitted_from"_s ? filter.submittedFrom : filter.submittedTo) = date;
        } else if (key == u"search"_s) {
            filter.search = it.value().toString();
        } else {
            return fail(tr("The filter has an unknown field \"%1\".").arg(key));
        }
    }
    return filter;
}

StoredText scopeMessage(const QJsonObject &payload, const QString &clientName)
{
    if (payload.contains(u"ids"_s)) {
        const auto count = int(payload.value(u"ids"_s).toArray().size());
        return msg(QT_TRANSLATE_N_NOOP("BulkTasks", "%Ln selected protocol(s)"), count);
    }
    const std::optional<ProtocolFilter> filter = filterFromJson(payload.value(u"filter"_s).toObject());
    if (!filter)
        return msg(QT_TRANSLATE_NOOP("BulkTasks", "a filter that cannot be read"));
    QList<StoredText> parts;
    if (filter->state)
        parts << msg(QT_TRANSLATE_NOOP("BulkTasks", "state %1")).arg(stateText(*filter->state));
    if (filter->clientId > 0)
        parts << (clientName.isEmpty()
                      ? msg(QT_TRANSLATE_NOOP("BulkTasks", "client %1")).arg(filter->clientId)
                      : msg(QT_TRANSLATE_NOOP("BulkTasks", "client %1")).arg(clientName));
    const QString from = filter->submittedFrom.toString(Qt::ISODate);
    const QString to = filter->submittedTo.toString(Qt::ISODate);
    if (filter->submittedFrom.isValid() && filter->submittedTo.isValid())
        parts << msg(QT_TRANSLATE_NOOP("BulkTasks", "submitted %1–%2")).arg(from, to);
    else if (filter->submittedFrom.isValid())
        parts << msg(QT_TRANSLATE_NOOP("BulkTasks", "submitted from %1")).arg(from);
    else if (filter->submittedTo.isValid())
        parts << msg(QT_TRANSLATE_NOOP("BulkTasks", "submitted until %1")).arg(to);
    if (!filter->search.trimmed().isEmpty())
        parts << msg(QT_TRANSLATE_NOOP("BulkTasks", "search “%1”")).arg(filter->search.trimmed());
    if (parts.isEmpty())
        return msg(QT_TRANSLATE_NOOP("BulkTasks", "every protocol"));
    // "state Received, client Vet Clinic, …": a list, whatever the language.
    StoredText joined = parts.takeFirst();
    for (const StoredText &part : std::as_const(parts))
        joined = msg(QT_TRANSLATE_NOOP("BulkTasks", "%1, %2")).arg(joined).arg(part);
    return joined;
}

QString scopeText(const QJsonObject &payload, const QString &clientName)
{
    return scopeMessage(payload, clientName).toString();
}

Result<StoredText> describeScopeMessage(Database &db, const QJsonObject &payload)
{
    if (payload.contains(u"job_id"_s)) { // an undo: what the change selected
        const Result<Job> original = JobStore(db).get(payload.value(u"job_id"_s).toInteger());
        if (!original)
            return original.error();
        if (original->payload.contains(u"job_id"_s))
            return msg(QT_TRANSLATE_NOOP("BulkTasks", "an undo"));
        return describeScopeMessage(db, original->payload);
    }
    const qint64 clientId = payload.value(u"filter"_s).toObject().value(u"client_id"_s).toInteger();
    QString clientName;
    if (clientId > 0) {
        const Result<Client> client = ClientRepository(db, Actor{}).get(clientId);
        if (client)
            clientName = client->name;
        else if (client.error().code != DbError::Code::NotFound)
            return client.error();
    }
    return scopeMessage(payload, clientName);
}

Result<QString> describeScope(Database &db, const QJsonObject &payload)
{
    const Result<StoredText> scope = describeScopeMessage(db, payload);
    if (!scope)
        return scope.error();
    return scope->toString();
}

JobRequest transitionRequest(Protocol::State to, const QList<qint64> &ids)
{
    QJsonArray array;
    for (const qint64 id : ids)
        array.append(id);
    JobRequest request;
    request.kind = transitionKind();
    request.payload = {{u"to"_s, Protocol::stateCode(to)}, {u"ids"_s, array}};
    request.notifyCreator = true;
    return request;
}

JobRequest transitionRequest(Protocol::State to, const ProtocolFilter &filter)
{
    JobRequest request;
    request.kind = transitionKind();
    request.payload = {{u"to"_s, Protocol::stateCode(to)}, {u"filter"_s, filterToJson(filter)}};
    request.notifyCreator = true;
    return request;
}

JobRequest undoRequest(qint64 jobId)
{
    JobRequest request;
    request.kind = undoKind();
    request.payload = {{u"job_id"_s, jobId}};
    request.notifyCreator = true;
    // A second undo while the first is queued or running is refused here; one after it
    // by bulk_jobs.undo_of (UNIQUE).
    request.uniqueKey = u"protocols.transition_undo/%1"_s.arg(jobId);
    request.onDuplicate = JobRequest::OnDuplicate::Refuse;
    return request;
}

QString dedupeKey(Protocol::State to, qint64 jobId, qint64 protocolId)
{
    return u"protocol-"_s + Protocol::stateCode(to) + u"/job"_s + QString::number(jobId) + u'/' +
           QString::number(protocolId);
}

Result<Queued> enqueueTransition(Database &db, const Actor &actor, const JobRequest &request)
{
    const QJsonObject payload = request.payload;
    const std::optional<Protocol::State> to = Protocol::stateFromCode(payload.value(u"to"_s).toString());
    if (!to)
        return DbError::validation(
            {{u"to"_s, tr("\"%1\" is not a protocol state.").arg(payload.value(u"to"_s).toString())}});
    std::optional<ProtocolFilter> filter;
    QList<qint64> ids;
    if (payload.contains(u"filter"_s)) {
        QString error;
        filter = filterFromJson(payload.value(u"filter"_s).toObject(), &error);
        if (!filter)
            return DbError::validation({{u"filter"_s, error}});
    } else if (payload.contains(u"ids"_s)) {
        for (const QJsonValue &v : payload.value(u"ids"_s).toArray())
            ids.append(v.toInteger());
        if (ids.isEmpty())
            return DbError::validation({{u"ids"_s, tr("No protocols are selected.")}});
    } else {
        return DbError::validation({{u"ids"_s, tr("The bulk change names neither ids nor a filter.")}});
    }
    Transaction tx(db);
    if (!tx.ok())
        return tx.error();
    const Result<EnqueueResult> queued = JobStore(db).enqueue(request, actor);
    if (!queued)
        return queued.error();
    const Result<qint64> selected = filter ? BulkJobStore(db).registerChange(queued->id, *to, *filter)
                                           : BulkJobStore(db).registerChange(queued->id, *to, ids);
    if (!selected)
        return selected.error();
    if (VoidResult r = tx.commit(); !r)
        return r.error();
    return Queued{queued->id, selected.value()};
}

Result<Queued> enqueueUndo(Database &db, const Actor &actor, qint64 jobId)
{
    Transaction tx(db);
    if (!tx.ok())
        return tx.error();
    BulkJobStore store(db);
    const Result<std::optional<BulkJobInfo>> info = store.info(jobId);
    if (!info)
        return info.error();
    if (!info.value())
        return DbError(DbError::Code::InvalidState,
                       tr("Job %1 is not a bulk change of protocols; it cannot be undone.").arg(jobId));
    if (info.value()->isUndo())
        return DbError(DbError::Code::InvalidState,
                       tr("Job %1 is an undo; an undo cannot be undone.").arg(jobId));
    if (info.value()->undoneBy > 0)
        return DbError(DbError::Code::Duplicate,
                       tr("Job %1 was already undone by job %2.").arg(jobId).arg(info.value()->undoneBy));
    const Result<Job> job = JobStore(db).get(jobId);
    if (!job)
        return job.error();
    if (!job->isFinished())
        return DbError(DbError::Code::InvalidState,
                       tr("Job %1 has not finished; it can be undone once it has.").arg(jobId));
    const Result<QHash<BulkItem::Outcome, qint64>> counts = store.counts(jobId);
    if (!counts)
        return counts.error();
    const Result<EnqueueResult> queued = JobStore(db).enqueue(undoRequest(jobId), actor);
    if (!queued) {
        if (queued.error().code == DbError::Code::Duplicate)
            return DbError(DbError::Code::Duplicate, tr("Job %1 is being undone already.").arg(jobId));
        return queued.error();
    }
    const qint64 changed = counts->value(BulkItem::Outcome::Changed);
    if (VoidResult r = store.registerUndo(queued->id, jobId, changed); !r)
        return r.error();
    if (VoidResult r = tx.commit(); !r)
        return r.error();
    return Queued{queued->id, changed};
}

void registerAll(TaskRegistry &registry)
{
    registry.add({transitionKind(), msg(QT_TRANSLATE_NOOP("BulkTasks", "Bulk change of protocols")), 2, 5,
                  &runTransition});
    registry.add({undoKind(), msg(QT_TRANSLATE_NOOP("BulkTasks", "Undo of a bulk change of protocols")), 2, 5,
                  &runUndo});
}

} // namespace BulkTasks
