#include "tasks/maintenance/maintenancetasks.h"

#include "models/core/recipientlanguage.h"
#include "models/db/database.h"
#include "models/db/events.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "models/housing/resident.h"
#include "models/maintenance/maintenanceplanrepository.h"
#include "models/maintenance/maintenancerepository.h"
#include "models/maintenance/maintenancerules.h"
#include "models/maintenance/technicianrepository.h"
#include "tasks/i18n/messagetranslator.h"
#include "tasks/jobcontext.h"
#include "tasks/jobstore.h"
#include "tasks/mail/outbox.h"
#include "tasks/notificationstore.h"
#include "tasks/sms/smsoutbox.h"
#include "tasks/taskregistry.h"

#include <QCoreApplication>
#include <QLocale>

using namespace Qt::StringLiterals;

// The helpers live inside MaintenanceTasks so that lupdate files their tr() calls
// under the context "MaintenanceTasks".
namespace MaintenanceTasks {
namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("MaintenanceTasks", text, nullptr, n);
}

// A message to store (a job's error or progress, a notification, a title), translated
// where it is shown; the source text is marked with QT_TRANSLATE_NOOP("MaintenanceTasks", …).
StoredText msg(const char *text, int n = -1)
{
    return StoredText("MaintenanceTasks", text, n);
}

QDateTime utc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

QString when(const QDateTime &t)
{
    return QLocale::c().toString(t.toLocalTime(), u"yyyy-MM-dd HH:mm"_s);
}

QString link(qint64 requestId)
{
    return u"maintenance:%1"_s.arg(requestId);
}

// The notices to residents and technicians are written in the recipient's language
// (tasks/i18n/messagetranslator.h), not the worker's: each source text is marked for
// lupdate under this file's context, "MaintenanceTasks".
QString trIn(const MessageTranslator &to, const char *text)
{
    return to.translate("MaintenanceTasks", text);
}

// A building's common area. Marked apart from the translate() call: lupdate takes a call
// named translate() for one with a literal text and would not find a source nested in it.
const char *const kCommonArea = QT_TRANSLATE_NOOP("Maintenance", "%1 (common area)");

// The place, the category, the priority and the visit, in the recipient's words and
// formats ("NH/101", "Cerraduras y llaves", "7/12/26 14:00–15:00").
QString placeIn(const MessageTranslator &to, const MaintenanceRequest &r)
{
    if (r.roomId == 0 || r.roomNumber.isEmpty())
        return to.translate("Maintenance", kCommonArea).arg(r.buildingCode);
    return r.placeLabel();
}

QString categoryIn(const MessageTranslator &to, Maintenance::Category category)
{
    return to.translate("Maintenance", Maintenance::categorySource(category));
}

QString priorityIn(const MessageTranslator &to, Maintenance::Priority priority)
{
    return to.translate("Maintenance", Maintenance::prioritySource(priority));
}

QString slotIn(const MessageTranslator &to, const MaintenanceRequest &r)
{
    return to.dateTime(r.slotStart) + u"–"_s + to.time(r.slotEnd);
}

// Step 1: the technician, the estimate and the slot, or "needs attention".
struct Assigned
{
    bool attention = false;
    QString why;
};

Result<Assigned> assignStep(JobContext &ctx, const MaintenanceRequest &request)
{
    Database &db = ctx.database();
    MaintenanceRepository requests(db, ctx.actor());
    const QDateTime now = utc(ctx.clock().nowMs());
    const Result<QList<MaintenanceRate>> rates = requests.rates();
    if (!rates)
        return rates.error();
    const Result<ResponseTarget> target = requests.target(request.priority);
    if (!target)
        return target.error();
    const Result<QList<MaintenanceRules::Candidate>> candidates =
        TechnicianRepository(db, ctx.actor()).candidates(request.category, now);
    if (!candidates)
        return candidates.error();
    const int minutes = MaintenanceRules::visitMinutes(rates.value(), request.category, request.priority);
    QString why;
    // Technicians' hours are local time: the rules work in it, the database keeps UTC.
    const auto picked = MaintenanceRules::assign(request.category, candidates.value(), now.toLocalTime(),
                                                 request.dueAt.toLocalTime(), minutes,
                                                 MaintenanceRules::countsWorkingDays(target.value()), &why);
    Transaction tx(db);
    if (!tx.ok())
        return tx.error();
    if (!picked) {
        if (auto r = requests.setNeedsAttention(request.id, true); !r)
            return r.error();
        if (auto c = requests.addComment(request.id, tr("Needs attention: %1").arg(why)); !c)
            return c.error();
        const Result<int> told =
            notifyStaff(db, ctx.clock(), ctx.actor(), true,
                        msg(QT_TRANSLATE_NOOP("MaintenanceTasks", "Maintenance request %1 needs attention"))
                            .arg(request.id),
                        msg(QT_TRANSLATE_NOOP("MaintenanceTasks", "%1, %2: %3"))
                            .arg(request.placeLabel(), Maintenance::categoryLabel(request.category), why),
                        link(request.id));
        if (!told)
            return told.error();
        if (auto r =
                ctx.saveCheckpoint({{u"step"_s, u"done"_s}, {u"needs_attention"_s, true}, {u"why"_s, why}});
            !r)
            return r.error();
        if (auto r = tx.commit(); !r)
            return r.error();
        return Assigned{true, why};
    }
    const std::optional<int> estimate =
        MaintenanceRules::estimate(rates.value(), request.category, request.priority);
    const Result<MaintenanceRequest> assigned = requests.assign(request.id, picked->technicianId, estimate);
    if (!assigned)
        return assigned.error();
    const Result<MaintenanceRequest> scheduled =
        requests.schedule(request.id, picked->slot.start.toUTC(), picked->slot.end.toUTC());
    if (!scheduled)
        return scheduled.error();
    if (auto c = requests.addComment(
            request.id, tr("Assigned to %1, visit %2–%3, estimate %4.")
                            .arg(scheduled->technicianName, when(scheduled->slotStart),
                                 QLocale::c().toString(scheduled->slotEnd.toLocalTime(), u"HH:mm"_s),
                                 estimate ? Maintenance::money(estimate) : tr("none")));
        !c)
        return c.error();
    if (auto r = ctx.saveCheckpoint({{u"step"_s, u"assigned"_s}}); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return Assigned{};
}

// The resident who reported the request, as they chose to hear from us: a text message
// when the choice includes text messages and the number can take one, an e-mail when it
// includes e-mail, and an e-mail instead of a text that cannot go (no number, or one
// stored before migration 0023 that libphonenumber refuses), so that nobody misses the
// visit. Each once (dedupe keys per request and channel). Joins tellStep's transaction;
// each outbox queues its drain (mail.send, sms.send) with the message.
VoidResult tellResident(JobContext &ctx, Outbox &outbox, const MaintenanceRequest &r)
{
    Database &db = ctx.database();
    SqlStatement st(
        db,
        u"SELECT email, first_name, last_name, phone, contact_by, language FROM residents WHERE id = ?"_s);
    st.bind(r.reportedByResidentId);
    if (auto e = st.exec(); !e)
        return e.error();
    if (!st.next())
        return {};
    Resident resident;
    resident.id = r.reportedByResidentId;
    resident.email = st.value(0).toString();
    resident.firstName = st.value(1).toString();
    resident.lastName = st.value(2).toString();
    resident.phone = st.value(3).toString();
    resident.contactBy =
        Resident::contactByFromCode(st.value(4).toString()).value_or(Resident::ContactBy::Email);
    resident.language = RecipientLanguage::fromSql(st.value(5));
    st.finish();
    const QString name = (resident.firstName + u' ' + resident.lastName).trimmed();
    const MessageTranslator to(resident.language);
    const QString place = placeIn(to, r);
    const QString slot = slotIn(to, r);

    bool byEmail = resident.wantsEmail();
    if (resident.wantsSms()) {
        SmsMessage m;
        m.dedupeKey = u"maintenance/%1/resident/sms"_s.arg(r.id);
        m.toNumber = resident.phone;
        m.toName = name;
        m.text = trIn(to,
                      //: A text message: keep it short (one SMS, 160 characters, once filled in).
                      QT_TRANSLATE_NOOP(
                          "MaintenanceTasks",
                          "Housing Office: your maintenance request %1 in %2 is scheduled for %3 with %4."))
                     .arg(QString::number(r.id), place, slot, r.technicianName);
        m.relatedEntity = u"maintenance_request"_s;
        m.relatedId = r.id;
        if (SmsOutbox::validate(m).isEmpty()) {
            if (auto q = SmsOutbox(db, ctx.clock()).enqueue(m, ctx.actor()); !q)
                return q.error();
        } else {
            byEmail = true;
        }
    }
    if (!byEmail)
        return {};
    OutboxMessage m;
    m.dedupeKey = u"maintenance/%1/resident"_s.arg(r.id);
    m.toAddress = resident.email;
    m.toName = name;
    m.subject = trIn(to, QT_TRANSLATE_NOOP("MaintenanceTasks", "Your maintenance request %1: visit on %2"))
                    .arg(r.id)
                    .arg(to.dateTime(r.slotStart));
    m.bodyText =
        trIn(to,
             QT_TRANSLATE_NOOP("MaintenanceTasks",
                               "Hello %1,\n\nyour request about %2 (%3) in %4 is scheduled: %5 will come on "
                               "%6.\n%7\n\nHousing Office"))
            .arg(resident.firstName, categoryIn(to, r.category).toLower(), r.description.left(200), place,
                 r.technicianName, slot,
                 r.permissionToEnter
                     ? trIn(to, QT_TRANSLATE_NOOP("MaintenanceTasks",
                                                  "You allowed us to enter while you are away."))
                     : trIn(to, QT_TRANSLATE_NOOP("MaintenanceTasks",
                                                  "Please be there to let the technician in.")));
    m.relatedEntity = u"maintenance_request"_s;
    m.relatedId = r.id;
    if (auto q = outbox.enqueue(m, ctx.actor()); !q)
        return q.error();
    return {};
}

// Step 2: the resident's notice and the technician's e-mail (the outboxes' dedupe keys
// make each one once) and the staff's notification, committed with the checkpoint that
// says they were left.
VoidResult tellStep(JobContext &ctx, const MaintenanceRequest &r)
{
    Database &db = ctx.database();
    Transaction tx(db);
    if (!tx.ok())
        return tx.error();
    Outbox outbox(db, ctx.clock());
    if (r.reportedByResidentId > 0) {
        if (auto told = tellResident(ctx, outbox, r); !told)
            return told.error();
    }
    {
        SqlStatement st(db, u"SELECT language FROM maintenance_technicians WHERE id = ?"_s);
        st.bind(r.technicianId);
        if (auto e = st.exec(); !e)
            return e.error();
        const MessageTranslator to(st.next() ? RecipientLanguage::fromSql(st.value(0)) : QString());
        st.finish();
        const QString place = placeIn(to, r);
        const QString slot = slotIn(to, r);
        OutboxMessage m;
        m.dedupeKey = u"maintenance/%1/technician/%2"_s.arg(r.id).arg(r.technicianId);
        m.toAddress = r.technicianEmail;
        m.toName = r.technicianName;
        m.subject = trIn(to, QT_TRANSLATE_NOOP("MaintenanceTasks", "Maintenance job %1 at %2: %3"))
                        .arg(r.id)
                        .arg(place, slot);
        m.bodyText =
            trIn(to, QT_TRANSLATE_NOOP("MaintenanceTasks", "Job %1 (%2, %3 priority) at %4, %5.\n\n%6\n\n"
                                                           "Permission to enter: %7.\nDue by %8."))
                .arg(r.id)
                .arg(categoryIn(to, r.category), priorityIn(to, r.priority).toLower(), place, slot,
                     r.description,
                     r.permissionToEnter ? trIn(to, QT_TRANSLATE_NOOP("MaintenanceTasks", "yes"))
                                         : trIn(to, QT_TRANSLATE_NOOP("MaintenanceTasks", "no")),
                     to.dateTime(r.dueAt));
        m.relatedEntity = u"maintenance_request"_s;
        m.relatedId = r.id;
        if (auto q = outbox.enqueue(m, ctx.actor()); !q)
            return q.error();
    }
    // The staff read their notification in their own language (StoredText); the visit
    // as written here.
    const QString place = r.placeLabel();
    const QString slot =
        when(r.slotStart) + u"–"_s + QLocale::c().toString(r.slotEnd.toLocalTime(), u"HH:mm"_s);
    const Result<int> told =
        notifyStaff(db, ctx.clock(), ctx.actor(), false,
                    msg(QT_TRANSLATE_NOOP("MaintenanceTasks", "Maintenance request %1 assigned to %2"))
                        .arg(r.id)
                        .arg(r.technicianName),
                    msg(QT_TRANSLATE_NOOP("MaintenanceTasks", "%1, %2: visit %3."))
                        .arg(place, Maintenance::categoryLabel(r.category), slot),
                    link(r.id));
    if (!told)
        return told.error();
    if (auto c = ctx.saveCheckpoint({{u"step"_s, u"done"_s}}); !c)
        return c.error();
    return tx.commit();
}

QCoro::Task<JobOutcome> process(JobContext &ctx)
{
    const qint64 id = ctx.payload().value(u"request_id"_s).toInteger();
    QString step = ctx.checkpoint().value(u"step"_s).toString();
    MaintenanceRepository requests(ctx.database(), ctx.actor());
    Result<MaintenanceRequest> request = requests.get(id);
    if (!request)
        co_return JobOutcome::failure(request.error().message,
                                      request.error().code != DbError::Code::NotFound);
    ctx.setProgress(step.isEmpty() ? 0 : 1, 2);
    if (step == u"done"_s)
        co_return JobOutcome::success(
            {{u"request_id"_s, id},
             {u"needs_attention"_s, ctx.checkpoint().value(u"needs_attention"_s).toBool()}});
    if (step.isEmpty()) {
        if (request->state != Maintenance::State::Open) {
            // Assigned by a person meanwhile (or cancelled): nothing to decide.
            co_return JobOutcome::success(
                {{u"request_id"_s, id}, {u"skipped"_s, Maintenance::stateCode(request->state)}});
        }
        const Result<Assigned> assigned = assignStep(ctx, request.value());
        if (!assigned)
            co_return JobOutcome::failure(assigned.error().message,
                                          assigned.error().code != DbError::Code::PermissionDenied);
        if (assigned->attention)
            co_return JobOutcome::success(
                {{u"request_id"_s, id}, {u"needs_attention"_s, true}, {u"why"_s, assigned->why}});
        step = u"assigned"_s;
        ctx.setProgress(1, 2);
        request = requests.get(id);
        if (!request)
            co_return JobOutcome::failure(request.error().message);
    }
    if (ctx.isCancelled())
        co_return JobOutcome::cancelled();
    if (request->technicianId == 0 || !request->slotStart.isValid())
        co_return JobOutcome::success(
            {{u"request_id"_s, id}, {u"skipped"_s, Maintenance::stateCode(request->state)}});
    if (auto told = tellStep(ctx, request.value()); !told)
        co_return JobOutcome::failure(told.error().message,
                                      told.error().code != DbError::Code::PermissionDenied);
    ctx.setProgress(2, 2);
    co_return JobOutcome::success(
        {{u"request_id"_s, id},
         {u"technician_id"_s, request->technicianId},
         {u"estimate_cents"_s, request->estimateCents ? *request->estimateCents : -1},
         {u"slot_start"_s, request->slotStart.toString(Qt::ISODate)}});
}

QCoro::Task<JobOutcome> overdue(JobContext &ctx)
{
    Database &db = ctx.database();
    Transaction tx(db);
    if (!tx.ok())
        co_return JobOutcome::failure(tx.error().message);
    const Result<QList<MaintenanceRequest>> flagged =
        MaintenanceRepository(db, ctx.actor()).flagOverdue(utc(ctx.clock().nowMs()));
    if (!flagged)
        co_return JobOutcome::failure(flagged.error().message);
    for (const MaintenanceRequest &r : flagged.value()) {
        const Result<int> told = notifyStaff(
            db, ctx.clock(), ctx.actor(), true,
            msg(QT_TRANSLATE_NOOP("MaintenanceTasks", "Maintenance request %1 is overdue")).arg(r.id),
            msg(QT_TRANSLATE_NOOP("MaintenanceTasks", "%1, %2 (%3 priority): due %4, still %5."))
                .arg(r.placeLabel(), Maintenance::categoryLabel(r.category),
                     Maintenance::priorityLabel(r.priority).toLower(), when(r.dueAt),
                     Maintenance::stateLabel(r.state).toLower()),
            link(r.id));
        if (!told)
            co_return JobOutcome::failure(told.error().message);
    }
    if (auto c = tx.commit(); !c)
        co_return JobOutcome::failure(c.error().message);
    co_return JobOutcome::success({{u"flagged"_s, int(flagged->size())}});
}

QCoro::Task<JobOutcome> plans(JobContext &ctx)
{
    Database &db = ctx.database();
    MaintenancePlanRepository repo(db, ctx.actor());
    const Result<QList<MaintenancePlan>> all = repo.list();
    if (!all)
        co_return JobOutcome::failure(all.error().message);
    const QDateTime now = utc(ctx.clock().nowMs());
    const QDate today = now.toLocalTime().date();
    int periods = 0;
    int created = 0;
    qsizetype done = 0;
    for (const MaintenancePlan &plan : all.value()) {
        ctx.setProgress(done++, all->size(), msg(QT_TRANSLATE_NOOP("MaintenanceTasks", "plans")));
        if (!plan.active)
            continue;
        // One transaction per period: its requests, its key, last_period and the
        // processing jobs of its requests commit together or not at all.
        for (;;) {
            if (ctx.isCancelled())
                co_return JobOutcome::cancelled();
            Transaction tx(db);
            if (!tx.ok())
                co_return JobOutcome::failure(tx.error().message);
            const Result<MaintenancePlanRepository::PeriodRun> run =
                repo.createNextPeriod(plan.id, today, now);
            if (!run)
                co_return JobOutcome::failure(run.error().message);
            if (run->period < 0)
                break;
            for (qint64 id : run->requestIds)
                if (auto q = queueProcessing(db, ctx.actor(), id, ctx.clock()); !q)
                    co_return JobOutcome::failure(q.error().message);
            if (auto c = tx.commit(); !c)
                co_return JobOutcome::failure(c.error().message);
            ++periods;
            created += int(run->requestIds.size());
        }
    }
    ctx.setProgress(all->size(), all->size(), msg(QT_TRANSLATE_NOOP("MaintenanceTasks", "plans")));
    co_return JobOutcome::success({{u"periods"_s, periods}, {u"requests"_s, created}});
}

} // namespace

void registerAll(TaskRegistry &registry)
{
    registry.add({QString::fromLatin1(kProcess),
                  msg(QT_TRANSLATE_NOOP("MaintenanceTasks", "Process a maintenance request")), 0, 5,
                  &process});
    registry.add({QString::fromLatin1(kOverdue),
                  msg(QT_TRANSLATE_NOOP("MaintenanceTasks", "Flag overdue maintenance")), 1, 3, &overdue});
    registry.add({QString::fromLatin1(kPlans),
                  msg(QT_TRANSLATE_NOOP("MaintenanceTasks", "Create planned maintenance")), 1, 5, &plans});
}

QList<RecurringJob> defaultRecurring()
{
    RecurringJob flag;
    flag.name = QString::fromLatin1(kOverdue);
    flag.kind = QString::fromLatin1(kOverdue);
    flag.schedule = u"*/15 * * * *"_s;
    RecurringJob plan;
    plan.name = QString::fromLatin1(kPlans);
    plan.kind = QString::fromLatin1(kPlans);
    plan.schedule = u"7 * * * *"_s;
    return {flag, plan};
}

Result<qint64> queueProcessing(Database &db, const Actor &actor, qint64 requestId, const JobClock &clock)
{
    JobRequest job;
    job.kind = QString::fromLatin1(kProcess);
    job.payload = {{u"request_id"_s, requestId}};
    job.uniqueKey = u"maintenance.process:%1"_s.arg(requestId);
    job.priority = 5;
    const Result<EnqueueResult> queued = JobStore(db, clock).enqueue(job, actor);
    if (!queued)
        return queued.error();
    return queued->id;
}

Result<Submitted> submit(Database &db, const Actor &actor, const MaintenanceRequest &request,
                         const QDateTime &now)
{
    Transaction tx(db);
    if (!tx.ok())
        return tx.error();
    Result<MaintenanceRequest> created = MaintenanceRepository(db, actor).create(request, now);
    if (!created)
        return created.error();
    const Result<qint64> job = queueProcessing(db, actor, created->id, JobClock::system());
    if (!job)
        return job.error();
    if (auto c = tx.commit(); !c)
        return c.error();
    return Submitted{created.value(), job.value()};
}

Result<int> notifyStaff(Database &db, const JobClock &clock, const Actor &actor, bool attention,
                        const StoredText &title, const StoredText &body, const QString &linkText)
{
    if (!db.isPostgreSQL()) {
        // The embedded file has one person: whoever acts.
        Notification n;
        n.username = actor.username;
        n.kind = attention ? Notification::Kind::Attention : Notification::Kind::JobSucceeded;
        n.titleMsg = title;
        n.bodyMsg = body;
        n.link = linkText;
        const Result<qint64> added = NotificationStore(db, clock).add(n);
        if (!added)
            return added.error();
        return 1;
    }
    // The words in this worker's language for psql and older clients; the messages for
    // each person's window, in their language.
    const auto json = [](const StoredText &text) {
        return text.isEmpty() || text.isVerbatim() ? QVariant(QMetaType::fromType<QString>())
                                                   : QVariant(text.toJson());
    };
    SqlStatement st(db, u"SELECT residesk_notify_housing_staff(?, ?, ?, ?, ?, ?, ?)"_s);
    st.bind(Notification::kindCode(attention ? Notification::Kind::Attention
                                             : Notification::Kind::JobSucceeded))
        .bind(title.toString().left(300))
        .bind(body.toString())
        .bind(linkText)
        .bind(clock.nowMs())
        .bind(json(title))
        .bind(json(body));
    if (auto e = st.exec(); !e)
        return e.error();
    QStringList people;
    while (st.next())
        people << st.value(0).toString();
    st.finish();
    for (const QString &person : people)
        if (auto e = Events::publishNotification(db, person); !e)
            return e.error();
    return int(people.size());
}

} // namespace MaintenanceTasks
