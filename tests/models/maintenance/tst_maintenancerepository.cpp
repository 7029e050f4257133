#include "models/core/auditlog.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "models/maintenance/maintenanceplanrepository.h"
#include "models/maintenance/maintenancerepository.h"
#include "models/maintenance/technicianrepository.h"
#include "tests/models/housing/allocationtestutil.h"
#include "tests/support/testdatabase.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace AllocationTest;
using C = Maintenance::Category;
using P = Maintenance::Priority;
using S = Maintenance::State;

namespace {

QVariant scalar(Database &db, const QString &sql, const QVariantList &values = {})
{
    SqlStatement st(db, sql);
    for (const QVariant &v : values)
        st.bind(v);
    if (auto r = st.exec(); !r) {
        qWarning("%s", qPrintable(r.error().detail));
        return {};
    }
    return st.next() ? st.value(0) : QVariant();
}

} // namespace

// Maintenance requests, technicians and plans through the real repositories, on SQLite
// and on PostgreSQL as a housing clerk (and a vet, who only reads).
class TestMaintenanceRepository : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    Building m_building;
    Room m_room;
    Resident m_resident;

    Database &db() { return m_t->dbAs(TestDatabase::Person::Housing); }
    Actor housing() { return TestDatabase::actorFor(TestDatabase::Person::Housing, u"alice"_s, Actor::Role::Housing); }
    MaintenanceRepository repo() { return MaintenanceRepository(db(), housing()); }
    MaintenanceRequest leak(P priority = P::High)
    {
        MaintenanceRequest r;
        r.roomId = m_room.id;
        r.category = C::Plumbing;
        r.priority = priority;
        r.description = u"The tap in the bathroom drips."_s;
        r.reportedByResidentId = m_resident.id;
        return r;
    }
    QStringList auditActions(qint64 id)
    {
        std::unique_ptr<Database> installer = m_t->openAsInstaller();
        SqlStatement st(*installer, u"SELECT action FROM audit_entries WHERE entity = 'maintenance_request' AND "
                                    "entity_id = ? ORDER BY id"_s);
        st.bind(id);
        QStringList out;
        if (!st.exec())
            return {u"unreadable"_s};
        while (st.next())
            out << st.value(0).toString();
        return out;
    }
    Technician plumber(const QString &name = u"Pia"_s)
    {
        Technician t;
        t.name = name;
        t.email = name.toLower() + u"@example.edu"_s;
        t.skills = {C::Plumbing, C::Heating};
        t.workingDays = {1, 2, 3, 4, 5, 6, 7};
        t.dayStarts = 0;
        t.dayEnds = 24 * 60;
        Result<Technician> stored = TechnicianRepository(db(), housing()).add(t);
        if (!stored)
            qWarning("%s", qPrintable(stored.error().text()));
        return stored ? stored.value() : Technician{};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
        m_building = building(db(), u"NH"_s);
        m_room = room(db(), m_building, u"101"_s, 2);
        m_resident = resident(db(), u"S0001"_s, u"Ana"_s, u"López"_s);
        QVERIFY(m_room.id > 0 && m_resident.id > 0);
    }
    void cleanupTestCase() { m_t.reset(); }

    void createReadsBackWithDueTime()
    {
        const QDateTime now(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC);
        Result<MaintenanceRequest> r = repo().create(leak(P::High), now);
        QVERIFY2(r, qPrintable(r.error().text()));
        QCOMPARE(r->state, S::Open);
        QCOMPARE(r->buildingId, m_building.id);
        QCOMPARE(r->placeLabel(), u"NH/101"_s);
        QCOMPARE(r->reportedAt, now);
        QCOMPARE(r->dueAt, now.addSecs(24 * 3600));
        QCOMPARE(r->reporterName, u"Ana López"_s);
        QCOMPARE(auditActions(r->id), QStringList{u"create"_s});
    }

    void commonAreaAndValidation()
    {
        MaintenanceRequest common = leak(P::Low);
        common.roomId = 0;
        common.buildingId = m_building.id;
        common.reportedByResidentId = 0;
        Result<MaintenanceRequest> r = repo().create(common);
        QVERIFY2(r, qPrintable(r.error().text()));
        QCOMPARE(r->placeLabel(), u"NH (common area)"_s);
        QVERIFY(!r->reportedByStaff.isEmpty());

        const qint64 before = scalar(db(), u"SELECT COUNT(*) FROM maintenance_requests"_s).toLongLong();
        MaintenanceRequest bad = leak();
        bad.description = u"   "_s;
        r = repo().create(bad);
        QVERIFY(!r);
        QCOMPARE(r.error().code, DbError::Code::Validation);
        QVERIFY(hasField(r.error(), u"description"_s));
        bad = leak();
        bad.roomId = 999999;
        r = repo().create(bad);
        QVERIFY(!r);
        QVERIFY2(r.error().text().contains(u"999999"_s), qPrintable(r.error().text()));
        QCOMPARE(scalar(db(), u"SELECT COUNT(*) FROM maintenance_requests"_s).toLongLong(), before);
    }

    void lifeCycleIsCheckedAndAudited()
    {
        const Technician t = plumber(u"Lifecycle"_s);
        QVERIFY(t.id > 0);
        Result<MaintenanceRequest> r = repo().create(leak());
        QVERIFY(r);
        const qint64 id = r->id;
        // Not yet assigned: cannot start or finish.
        Result<MaintenanceRequest> refused = repo().start(id);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, DbError::Code::InvalidState);
        QVERIFY2(refused.error().message.contains(u"open"_s), qPrintable(refused.error().message));
        refused = repo().schedule(id, QDateTime::currentDateTimeUtc(), QDateTime::currentDateTimeUtc().addSecs(3600));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, DbError::Code::InvalidState);

        r = repo().assign(id, t.id, 12000, r->version);
        QVERIFY2(r, qPrintable(r.error().text()));
        QCOMPARE(r->state, S::Assigned);
        QCOMPARE(r->technicianName, t.name);
        QCOMPARE(r->estimateCents.value_or(-1), 12000);
        // A stale version is a conflict.
        refused = repo().schedule(id, QDateTime::currentDateTimeUtc(), QDateTime::currentDateTimeUtc().addSecs(60),
                                  r->version - 1);
        QCOMPARE(refused.error().code, DbError::Code::Conflict);
        const QDateTime start(QDate(2026, 3, 3), QTime(9, 0), Qt::UTC);
        r = repo().schedule(id, start, start.addSecs(5400), r->version);
        QVERIFY2(r, qPrintable(r.error().text()));
        QCOMPARE(r->slotStart, start);
        r = repo().start(id, r->version);
        QVERIFY(r);
        r = repo().complete(id, r->version);
        QVERIFY(r);
        QCOMPARE(r->state, S::Done);
        QVERIFY(r->finishedAt.isValid());
        refused = repo().cancel(id);
        QCOMPARE(refused.error().code, DbError::Code::InvalidState);
        QVERIFY2(refused.error().message.contains(u"finished"_s), qPrintable(refused.error().message));
        QCOMPARE(auditActions(id),
                 (QStringList{u"create"_s, u"assign"_s, u"schedule"_s, u"start"_s, u"complete"_s}));
    }

    void doneFromScheduledPassesThroughInProgress()
    {
        const Technician t = plumber(u"Walker"_s);
        Result<MaintenanceRequest> r = repo().create(leak());
        QVERIFY(r);
        r = repo().assign(r->id, t.id, std::nullopt);
        QVERIFY(r);
        r = repo().transition(r->id, S::Done);
        QVERIFY2(r, qPrintable(r.error().text()));
        QCOMPARE(r->state, S::Done);
        QCOMPARE(auditActions(r->id), (QStringList{u"create"_s, u"assign"_s, u"start"_s, u"complete"_s}));
        Result<MaintenanceRequest> open = repo().create(leak());
        QVERIFY(open);
        const Result<MaintenanceRequest> refused = repo().transition(open->id, S::Done);
        QCOMPARE(refused.error().code, DbError::Code::InvalidState);
    }

    void roomOutOfServiceAndBack()
    {
        const Technician t = plumber(u"Roomer"_s);
        Result<MaintenanceRequest> a = repo().create(leak(P::Emergency));
        Result<MaintenanceRequest> b = repo().create(leak(P::Routine));
        QVERIFY(a && b);
        QVERIFY(repo().setRoomOutOfService(a->id, true));
        QVERIFY(repo().setRoomOutOfService(b->id, true));
        QCOMPARE(scalar(db(), u"SELECT status FROM rooms WHERE id = ?"_s, {m_room.id}).toString(), u"out_of_service"_s);
        // Done with the first: the second still holds the room out.
        a = repo().assign(a->id, t.id, std::nullopt);
        QVERIFY(a);
        a = repo().transition(a->id, S::Done);
        QVERIFY(a);
        QVERIFY(!a->tookRoomOut);
        QCOMPARE(scalar(db(), u"SELECT status FROM rooms WHERE id = ?"_s, {m_room.id}).toString(), u"out_of_service"_s);
        // Cancelling the second puts it back in service.
        b = repo().cancel(b->id, u"Duplicate of the first"_s);
        QVERIFY2(b, qPrintable(b.error().text()));
        QCOMPARE(scalar(db(), u"SELECT status FROM rooms WHERE id = ?"_s, {m_room.id}).toString(), u"available"_s);
        const auto comments = repo().comments(b->id);
        QVERIFY(comments && comments->size() == 1);
        QVERIFY(comments->first().body.contains(u"Duplicate"_s));
        // A finished request cannot take it out again; a common-area one never can.
        QCOMPARE(repo().setRoomOutOfService(b->id, true).error().code, DbError::Code::InvalidState);
    }

    void attachmentsAreCheckedAndStoredWhole()
    {
        Result<MaintenanceRequest> r = repo().create(leak());
        QVERIFY(r);
        const QByteArray png = QByteArray::fromBase64(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
        MaintenanceAttachment photo;
        photo.requestId = r->id;
        photo.filename = u"/home/ana/leak.png"_s;
        photo.content = png;
        photo.thumbnail = png;
        Result<MaintenanceAttachment> stored = repo().addAttachment(photo);
        QVERIFY2(stored, qPrintable(stored.error().text()));
        QCOMPARE(stored->filename, u"leak.png"_s);
        QCOMPARE(stored->mimeType, u"image/png"_s);
        MaintenanceAttachment program = photo;
        program.filename = u"virus.exe"_s;
        program.content = QByteArray("MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0", 16);
        const Result<MaintenanceAttachment> refused = repo().addAttachment(program);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, DbError::Code::Validation);
        QVERIFY2(refused.error().text().contains(u"virus.exe"_s), qPrintable(refused.error().text()));
        const auto list = repo().attachments(r->id);
        QVERIFY(list);
        QCOMPARE(list->size(), 1);
        QVERIFY(list->first().content.isEmpty());
        const auto whole = repo().attachment(stored->id);
        QVERIFY(whole);
        QCOMPARE(whole->content, png);
    }

    void techniciansValidateAndAbsences()
    {
        TechnicianRepository techs(db(), housing());
        Technician bad;
        bad.name = u" "_s;
        bad.email = u"not an address"_s;
        bad.dayStarts = 900;
        bad.dayEnds = 600;
        const Result<Technician> refused = techs.add(bad);
        QVERIFY(!refused);
        for (const char *field : {"name", "email", "skills", "hours"})
            QVERIFY2(hasField(refused.error(), QString::fromLatin1(field)), field);
        Technician t = plumber(u"Absent"_s);
        QVERIFY(techs.setAbsent(t.id, QDate(2026, 3, 4), true));
        const Result<Technician> back = techs.get(t.id);
        QVERIFY(back);
        QCOMPARE(back->absentDays, QList<QDate>{QDate(2026, 3, 4)});
        QCOMPARE(back->skills, (QList<C>{C::Plumbing, C::Heating}));
        const Result<Technician> dup = techs.add(t);
        QCOMPARE(dup.error().code, DbError::Code::Duplicate);
        const auto candidates = techs.candidates(C::Heating, QDateTime::currentDateTimeUtc());
        QVERIFY(candidates);
        QVERIFY(std::any_of(candidates->cbegin(), candidates->cend(),
                            [&](const auto &c) { return c.technician.id == t.id; }));
        const auto none = techs.candidates(C::Pest, QDateTime::currentDateTimeUtc());
        QVERIFY(none && none->isEmpty());
    }

    void overdueIsFlaggedOnceAndCounted()
    {
        const QDateTime past = QDateTime::currentDateTimeUtc().addDays(-30);
        Result<MaintenanceRequest> late = repo().create(leak(P::Emergency), past);
        QVERIFY(late);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto first = repo().flagOverdue(now);
        QVERIFY2(first, qPrintable(first.error().text()));
        QVERIFY(std::any_of(first->cbegin(), first->cend(), [&](const auto &r) { return r.id == late->id; }));
        const auto second = repo().flagOverdue(now.addSecs(60));
        QVERIFY(second);
        QVERIFY(std::none_of(second->cbegin(), second->cend(), [&](const auto &r) { return r.id == late->id; }));
        MaintenanceFilter f;
        f.overdueOnly = true;
        const auto overdue = repo().list(f);
        QVERIFY(overdue);
        QVERIFY(std::any_of(overdue->cbegin(), overdue->cend(), [&](const auto &r) { return r.id == late->id; }));
        const auto counts = repo().countsByPriority(now);
        QVERIFY(counts);
        QVERIFY(counts->at(int(P::Emergency)).overdue >= 1);
        const Result<int> n = repo().overdueCount(now);
        QVERIFY(n);
        int sum = 0;
        for (const auto &c : counts.value())
            sum += c.overdue;
        QCOMPARE(n.value(), sum);
    }

    void targetsAndRatesAreSettings()
    {
        const auto targets = repo().targets();
        QVERIFY(targets);
        QCOMPARE(targets->at(int(P::Routine)).amount, 3);
        QCOMPARE(targets->at(int(P::Routine)).unit, ResponseTarget::Unit::WorkingDays);
        QVERIFY(repo().setTarget({P::High, 12, ResponseTarget::Unit::Hours}));
        const QDateTime now(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC);
        const Result<MaintenanceRequest> r = repo().create(leak(P::High), now);
        QVERIFY(r);
        QCOMPARE(r->dueAt, now.addSecs(12 * 3600));
        QVERIFY(repo().setTarget({P::High, 24, ResponseTarget::Unit::Hours}));
        const auto rates = repo().rates();
        QVERIFY(rates);
        QCOMPARE(rates->size(), 32);
        QCOMPARE(MaintenanceRules::estimate(rates.value(), C::Plumbing, P::High).value_or(-1), 12000);
    }

    void planPeriodsAreCreatedOnceEachAfterDowntime()
    {
        MaintenancePlanRepository plans(db(), housing());
        MaintenancePlan p;
        p.title = u"Filters"_s;
        p.roomType = u"double"_s;
        p.buildingId = m_building.id;
        p.category = C::Heating;
        p.periodMonths = 3;
        p.startsOn = QDate(2026, 1, 1);
        Result<MaintenancePlan> plan = plans.add(p);
        QVERIFY2(plan, qPrintable(plan.error().text()));
        // Down from the start until 2026-08-15: periods 0 (Jan), 1 (Apr), 2 (Jul) are due.
        const QDate today(2026, 8, 15);
        QList<int> created;
        for (int guard = 0; guard < 10; ++guard) {
            const auto run = plans.createNextPeriod(plan->id, today);
            QVERIFY2(run, qPrintable(run.error().text()));
            if (run->period < 0)
                break;
            QCOMPARE(run->requestIds.size(), 1); // the one double room
            created << run->period;
        }
        QCOMPARE(created, (QList<int>{0, 1, 2}));
        QCOMPARE(plans.periodsCreated(plan->id).value(), 3);
        QCOMPARE(plans.get(plan->id)->lastPeriod, 2);
        QCOMPARE(scalar(db(), u"SELECT COUNT(*) FROM maintenance_requests WHERE plan_id = ?"_s, {plan->id}).toInt(), 3);
        // Asking again the same day creates nothing.
        QCOMPARE(plans.createNextPeriod(plan->id, today)->period, -1);
        // A second creation of a period is refused by its key, and leaves nothing.
        {
            Transaction tx(db());
            SqlStatement again(db(), u"INSERT INTO maintenance_plan_periods (plan_id, period, period_starts_on, "
                                     "requests, created_at) VALUES (?, 1, '2026-04-01', 1, '2026-04-01T00:00:00.000Z')"_s);
            again.bind(plan->id);
            QVERIFY(!again.exec());
        }
        // A building-only plan: the common area.
        MaintenancePlan fire;
        fire.title = u"Fire check"_s;
        fire.buildingId = m_building.id;
        fire.category = C::Other;
        fire.periodMonths = 6;
        fire.startsOn = QDate(2026, 1, 1);
        plan = plans.add(fire);
        QVERIFY(plan);
        const auto run = plans.createNextPeriod(plan->id, today);
        QVERIFY(run && run->period == 0 && run->requestIds.size() == 1);
        const auto req = repo().get(run->requestIds.first());
        QVERIFY(req && req->roomId == 0);
        // Bad plans are refused with the field.
        MaintenancePlan bad;
        bad.title = u"Nothing"_s;
        bad.periodMonths = 0;
        const auto refused = plans.add(bad);
        QVERIFY(!refused);
        QVERIFY(hasField(refused.error(), u"scope"_s));
        QVERIFY(hasField(refused.error(), u"period_months"_s));
    }

    void vetsReadButDoNotWrite()
    {
        Database &vet = m_t->dbAs(TestDatabase::Person::Vet);
        const Actor actor = TestDatabase::actorFor(TestDatabase::Person::Vet, u"vet"_s, Actor::Role::Vet);
        MaintenanceRepository asVet(vet, actor);
        const auto list = asVet.list({});
        QVERIFY2(list, qPrintable(list.error().text()));
        QVERIFY(!list->isEmpty());
        if (!TestDatabase::isPostgreSQL()) {
            // The embedded file's one person may do everything.
            QVERIFY(asVet.addComment(list->first().id, u"hello"_s));
            return;
        }
        const auto refused = asVet.create(leak());
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, DbError::Code::PermissionDenied);
        const auto comment = asVet.addComment(list->first().id, u"hello"_s);
        QCOMPARE(comment.error().code, DbError::Code::PermissionDenied);
    }
};

QTEST_GUILESS_MAIN(TestMaintenanceRepository)
#include "tst_maintenancerepository.moc"
