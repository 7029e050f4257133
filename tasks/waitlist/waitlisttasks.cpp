#include "tasks/waitlist/waitlisttasks.h"

#include "models/core/recipientlanguage.h"
#include "models/db/database.h"
#include "models/db/events.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "models/housing/waitlist/waitlistrepository.h"
#include "tasks/i18n/messagetranslator.h"
#include "tasks/jobcontext.h"
#include "tasks/mail/outbox.h"
#include "tasks/notificationstore.h"
#include "tasks/taskregistry.h"
#include "tasks/waitlist/waitlistservice.h"

#include <QCoreApplication>
#include <QDateTime>

using namespace Qt::StringLiterals;

// The helpers live inside WaitlistTasks so that lupdate files their tr() calls under
// the context "WaitlistTasks", the one the tr() helper below passes to translate().
namespace WaitlistTasks {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("WaitlistTasks", text);
}

// A message to store (a job's error or progress, a notification, a title), translated
// where it is shown; the source text is marked with QT_TRANSLATE_NOOP("WaitlistTasks", …).
StoredText msg(const char *text, int n = -1)
{
    return StoredText("WaitlistTasks", text, n);
}

constexpr qint64 kDayMs = 24LL * 3600 * 1000;

QString deadlineText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(u"yyyy-MM-dd HH:mm"_s);
}

QString daysText(const WaitlistOffer &o)
{
    return o.to.isValid() ? tr("from %1 to %2").arg(o.from.toString(Qt::ISODate), o.to.toString(Qt::ISODate))
                          : tr("from %1 on").arg(o.from.toString(Qt::ISODate));
}

// The offer e-mail is written in the resident's language (residents.language;
// tasks/i18n/messagetranslator.h), whatever the worker runs in, with the same sources
// as the staff's texts above (context "WaitlistTasks").
QString trIn(const MessageTranslator &to, const char *text)
{
    return to.translate("WaitlistTasks", text);
}

// Room::typeLabel()'s source texts (context "Room"), for a language other than the process's.
const char *roomTypeSource(Room::Type type)
{
    switch (type) {
    case Room::Type::Single:
        return "Single";
    case Room::Type::Double:
        return "Double";
    case Room::Type::Triple:
        return "Triple";
    case Room::Type::Suite:
        return "Suite";
    case Room::Type::Studio:
        return "Studio";
    }
    return "Single";
}

// The resident's stored language ("" for the office's default), read in the offer's
// transaction.
Result<QString> residentLanguage(Database &db, qint64 residentId)
{
    SqlStatement st(db, u"SELECT language FROM residents WHERE id = ?"_s);
    st.bind(residentId);
    if (auto r = st.exec(); !r)
        return r.error();
    return st.next() ? RecipientLanguage::fromSql(st.value(0)) : QString();
}

OutboxMessage offerEmail(const WaitlistOffer &o, const MessageTranslator &to)
{
    OutboxMessage m;
    m.dedupeKey = u"waitlist-offer/%1"_s.arg(o.id);
    m.toAddress = o.residentEmail;
    m.toName = (o.residentFirstName + u' ' + o.residentLastName).trimmed();
    m.subject = trIn(to, QT_TRANSLATE_NOOP("WaitlistTasks", "A bed for you in %1"))
                    .arg(o.buildingName.isEmpty() ? o.buildingCode : o.buildingName);
    const QString days =
        o.to.isValid()
            ? trIn(to, QT_TRANSLATE_NOOP("WaitlistTasks", "from %1 to %2"))
                  .arg(o.from.toString(Qt::ISODate), o.to.toString(Qt::ISODate))
            : trIn(to, QT_TRANSLATE_NOOP("WaitlistTasks", "from %1 on")).arg(o.from.toString(Qt::ISODate));
    m.bodyText =
        trIn(to, QT_TRANSLATE_NOOP("WaitlistTasks",
                                   "Dear %1,\n\n"
                                   "a bed in room %2 (%3, %4 room) is free for you %5.\n\n"
                                   "Please tell the housing office by %6 whether you take it. Without "
                                   "an answer by then the bed goes to the next person on the "
                                   "waitlist.\n\n"
                                   "Offer number: %7\n\nThe housing office\n"))
            .arg(o.residentFirstName.isEmpty() ? m.toName : o.residentFirstName, o.roomLabel(),
                 o.buildingName, to.translate("Room", roomTypeSource(o.roomType)).toLower(), days,
                 deadlineText(o.deadlineAt))
            .arg(o.id);
    m.relatedEntity = u"waitlist_offer"_s;
    m.relatedId = o.id;
    return m;
}

// A job's summary, as the worker's words and as a message (JobStore::finish).
void addSummary(QJsonObject &result, const StoredText &summary)
{
    result.insert(u"summary"_s, summary.toString());
    result.insert(u"summary_msg"_s, summary.toJsonObject());
}

// The housing staff's notification about a new offer, in the caller's transaction.
VoidResult notifyStaff(JobContext &ctx, const WaitlistOffer &o)
{
    const StoredText title = msg(QT_TRANSLATE_NOOP("WaitlistTasks", "Waitlist: room %1 offered to %2"))
                                 .arg(o.roomLabel(), o.residentLabel());
    const StoredText body = msg(QT_TRANSLATE_NOOP("WaitlistTasks", "Offer %1, %2; answer due by %3."))
                                .arg(o.id)
                                .arg(daysText(o), deadlineText(o.deadlineAt));
    const QString link = u"waitlist-offer:%1"_s.arg(o.id);
    Database &db = ctx.database();
    if (!db.isPostgreSQL()) {
        Notification n;
        n.username = ctx.actor().username;
        n.kind = Notification::Kind::Attention;
        n.titleMsg = title;
        n.bodyMsg = body;
        n.link = link;
        const Result<qint64> added = NotificationStore(db, ctx.clock()).add(n);
        if (!added)
            return added.error();
        return {};
    }
    // The words in this worker's language for psql and older clients; the messages for
    // each clerk's window, in their language.
    SqlStatement st(db, u"SELECT * FROM residesk_notify_housing(?, ?, ?, ?, ?, ?)"_s);
    st.bind(title.toString()).bind(body.toString()).bind(link).bind(ctx.clock().nowMs());
    st.bind(title.toJson()).bind(body.toJson());
    if (auto r = st.exec(); !r)
        return r.error();
    QStringList people;
    while (st.next())
        people.append(st.value(0).toString());
    st.finish();
    for (const QString &login : std::as_const(people)) {
        if (auto r = Events::publishNotification(db, login); !r)
            return r.error();
    }
    return {};
}

QCoro::Task<JobOutcome> offer(JobContext &ctx)
{
    if (ctx.checkpoint().value(u"done"_s).toBool())
        co_return JobOutcome::success(ctx.checkpoint().value(u"result"_s).toObject());
    const QJsonObject &payload = ctx.payload();
    const FreedBed bed{payload.value(u"room_id"_s).toInteger(),
                       QDate::fromString(payload.value(u"from"_s).toString(), Qt::ISODate)};
    if (bed.roomId <= 0)
        co_return JobOutcome::failure(
            msg(QT_TRANSLATE_NOOP("WaitlistTasks", "The job names no room (room_id).")), false);
    const int days =
        qBound(1, payload.value(u"deadline_days"_s).toInt(WaitlistService::kDefaultOfferDays), 60);
    const qint64 now = ctx.clock().nowMs();

    Transaction tx(ctx.database());
    if (!tx.ok())
        co_return JobOutcome::failure(tx.error().message);
    WaitlistRepository lists(ctx.database(), ctx.actor());
    const Result<std::optional<WaitlistOffer>> made = lists.offerBed(bed, now, now + days * kDayMs, ctx.id());
    if (!made)
        co_return JobOutcome::failure(made.error().message);
    QJsonObject result{{u"offer_id"_s, 0}};
    if (!made->has_value()) {
        addSummary(result, msg(QT_TRANSLATE_NOOP("WaitlistTasks",
                                                 "Nobody waits for this bed, or it is no longer free.")));
    } else {
        const WaitlistOffer &o = made->value();
        bool emailed = false;
        if (!o.residentEmail.trimmed().isEmpty()) {
            const Result<QString> language = residentLanguage(ctx.database(), o.residentId);
            if (!language)
                co_return JobOutcome::failure(language.error().message);
            const Result<Outbox::Enqueued> queued =
                Outbox(ctx.database(), ctx.clock())
                    .enqueue(offerEmail(o, MessageTranslator(language.value())), ctx.actor());
            if (!queued)
                co_return JobOutcome::failure(queued.error().message);
            emailed = true;
        }
        if (const VoidResult notified = notifyStaff(ctx, o); !notified)
            co_return JobOutcome::failure(notified.error().message);
        result = {{u"offer_id"_s, o.id},
                  {u"resident_id"_s, o.residentId},
                  {u"room"_s, o.roomLabel()},
                  {u"deadline"_s, deadlineText(o.deadlineAt)},
                  {u"emailed"_s, emailed}};
        addSummary(result, msg(QT_TRANSLATE_NOOP("WaitlistTasks", "Room %1 offered to %2 until %3."))
                               .arg(o.roomLabel(), o.residentLabel(), deadlineText(o.deadlineAt)));
    }
    if (auto saved = ctx.saveCheckpoint({{u"done"_s, true}, {u"result"_s, result}}); !saved)
        co_return JobOutcome::failure(saved.error().message);
    if (auto r = tx.commit(); !r)
        co_return JobOutcome::failure(r.error().message);
    co_return JobOutcome::success(result);
}

QCoro::Task<JobOutcome> expire(JobContext &ctx)
{
    Transaction tx(ctx.database());
    if (!tx.ok())
        co_return JobOutcome::failure(tx.error().message);
    const Result<QList<FreedBed>> beds =
        WaitlistRepository(ctx.database(), ctx.actor()).expireDue(ctx.clock().nowMs());
    if (!beds)
        co_return JobOutcome::failure(beds.error().message);
    WaitlistService booking(ctx.database(), ctx.actor(), ctx.clock());
    for (const FreedBed &bed : beds.value()) {
        if (const Result<qint64> queued = booking.queueOffer(bed, u"expired"_s); !queued)
            co_return JobOutcome::failure(queued.error().message);
    }
    if (auto r = tx.commit(); !r)
        co_return JobOutcome::failure(r.error().message);
    const int expired = int(beds->size());
    QJsonObject result{{u"expired"_s, expired}};
    addSummary(result, msg(QT_TRANSLATE_N_NOOP("WaitlistTasks", "%n offer(s) expired"), expired));
    co_return JobOutcome::success(result);
}

} // namespace

void registerAll(TaskRegistry &registry)
{
    registry.add({QString::fromLatin1(WaitlistService::kOfferKind),
                  msg(QT_TRANSLATE_NOOP("WaitlistTasks", "Offer a freed bed")), 0, 5, &offer});
    registry.add({QString::fromLatin1(WaitlistService::kExpireKind),
                  msg(QT_TRANSLATE_NOOP("WaitlistTasks", "Expire waitlist offers")), 1, 3, &expire});
}

QList<RecurringJob> defaultRecurring()
{
    RecurringJob expiry;
    expiry.name = QString::fromLatin1(WaitlistService::kExpireKind);
    expiry.kind = QString::fromLatin1(WaitlistService::kExpireKind);
    expiry.schedule = u"*/15 * * * *"_s;
    return {expiry};
}

} // namespace WaitlistTasks
