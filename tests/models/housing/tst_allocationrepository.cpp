// Room allocations on SQLite and PostgreSQL: every allowed and forbidden state change,
// the capacity arithmetic for capacity 1, 2 and 3 (touching and open-ended stays), two
// desktops booking the last bed at the same moment, rooms out of service, double
// bookings, moves, audit entries, free beds, occupancy and residents by building.
#include "models/core/auditlog.h"
#include "tests/models/housing/allocationtestutil.h"
#include "tests/models/housing/housingtestutil.h"
#include "tests/support/auditperson.h"
#include "tests/support/testdatabase.h"

#include <QTest>
#include <QThread>

#include <latch>

using namespace AllocationTest;
using namespace Qt::StringLiterals;
using S = Allocation::State;

namespace {

const QDate kBase(2030, 1, 1);

// "1-5,3-7,8-": stays as day offsets from kBase; an empty end is open-ended.
QList<std::pair<QDate, QDate>> parseStays(const QString &text)
{
    QList<std::pair<QDate, QDate>> stays;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const QStringList ends = part.split(u'-');
        const QDate from = kBase.addDays(ends.value(0).toInt());
        const QDate to = ends.value(1).isEmpty() ? QDate() : kBase.addDays(ends.value(1).toInt());
        stays.append({from, to});
    }
    return stays;
}

} // namespace

class TestAllocationRepository : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    int m_nextStudent = 0;

    Database &db() { return m_t->db(); }
    AllocationRepository repo() { return AllocationRepository(db(), actor()); }
    Resident nextResident(const QString &first = u"Ana"_s, const QString &last = u"López"_s)
    {
        return resident(db(), u"S%1"_s.arg(++m_nextStudent, 4, 10, QLatin1Char('0')), first, last);
    }
    Allocation inState(const Room &room, const Resident &who, S state)
    {
        const QDate today = QDate::currentDate();
        Result<Allocation> a = repo().reserve(stay(who.id, room.id, today, today.addDays(7)));
        if (!a) {
            qWarning("%s", qPrintable(a.error().text()));
            return {};
        }
        if (state == S::CheckedIn || state == S::CheckedOut)
            a = repo().checkIn(a->id, a->version);
        if (a && state == S::CheckedOut)
            a = repo().checkOut(a->id, a->version);
        if (a && state == S::Cancelled)
            a = repo().cancel(a->id, a->version);
        return a ? a.value() : Allocation{};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
    }
    void cleanupTestCase() { m_t.reset(); }
    void init() { QVERIFY(clear(db())); }

    void transitions_data()
    {
        QTest::addColumn<S>("from");
        QTest::addColumn<S>("to");
        QTest::addColumn<bool>("allowed");
        const S all[] = {S::Reserved, S::CheckedIn, S::CheckedOut, S::Cancelled};
        for (const S from : all) {
            for (const S to : {S::CheckedIn, S::CheckedOut, S::Cancelled}) {
                const bool allowed = (from == S::Reserved && (to == S::CheckedIn || to == S::Cancelled)) ||
                                     (from == S::CheckedIn && to == S::CheckedOut);
                QTest::addRow("%s to %s", qPrintable(Allocation::stateCode(from)),
                              qPrintable(Allocation::stateCode(to)))
                    << from << to << allowed;
            }
        }
    }

    void transitions()
    {
        QFETCH(S, from);
        QFETCH(S, to);
        QFETCH(bool, allowed);
        QCOMPARE(AllocationRepository::canTransition(from, to), allowed);
        const Building a = building(db(), u"A"_s);
        const Room r = room(db(), a, u"101"_s, 2);
        const Resident ana = nextResident();
        const Allocation before = inState(r, ana, from);
        QVERIFY(before.id > 0);
        QCOMPARE(before.state, from);
        const qint64 audits = AuditLog(db()).forEntity(u"allocation"_s, before.id).value().size();

        Result<Allocation> after;
        switch (to) {
        case S::CheckedIn:
            after = repo().checkIn(before.id, before.version);
            break;
        case S::CheckedOut:
            after = repo().checkOut(before.id, before.version);
            break;
        case S::Cancelled:
            after = repo().cancel(before.id, before.version);
            break;
        case S::Reserved:
            QFAIL("no way back to reserved");
            break;
        }
        const Result<Allocation> stored = repo().get(before.id);
        QVERIFY(stored);
        const QList<AuditEntry> entries = AuditLog(db()).forEntity(u"allocation"_s, before.id).value();
        if (allowed) {
            QVERIFY2(after, qPrintable(after.error().text()));
            QCOMPARE(after->state, to);
            QCOMPARE(after->version, before.version + 1);
            QCOMPARE(stored->state, to);
            QCOMPARE(after->checkedInAt.isValid(), to != S::Cancelled);
            QCOMPARE(after->checkedOutAt.isValid(), to == S::CheckedOut);
            QCOMPARE(entries.size(), audits + 1);
            QCOMPARE(entries.last().before.value(u"state"_s).toString(), Allocation::stateCode(from));
            QCOMPARE(entries.last().after.value(u"state"_s).toString(), Allocation::stateCode(to));
        } else {
            QVERIFY(!after);
            QCOMPARE(after.error().code, DbError::Code::InvalidState);
            const QString message = after.error().message;
            QVERIFY2(message.contains(u"A-101"_s), qPrintable(message));
            QVERIFY2(message.contains(u"Ana López (%1)"_s.arg(ana.studentId)), qPrintable(message));
            QVERIFY2(message.contains(Allocation::stateLabel(from).toLower()), qPrintable(message));
            QCOMPARE(message, AllocationRepository::refusal(before, to));
            QCOMPARE(stored->state, from);
            QCOMPARE(stored->version, before.version);
            QCOMPARE(entries.size(), audits);
        }
    }

    void staleVersionIsAConflict()
    {
        const Room r = room(db(), building(db(), u"A"_s), u"101"_s, 1);
        const Allocation a = inState(r, nextResident(), S::Reserved);
        const Result<Allocation> in = repo().checkIn(a.id, a.version + 1);
        QVERIFY(!in);
        QCOMPARE(in.error().code, DbError::Code::Conflict);
        QCOMPARE(repo().get(a.id)->state, S::Reserved);
        const Result<Allocation> notThere = repo().checkIn(a.id + 1000);
        QCOMPARE(notThere.error().code, DbError::Code::NotFound);
    }

    // The window's undo of its own check-in, check-out or cancel: one step back, with the
    // time stamp cleared and an audit entry; refused for a stale version, another state,
    // or a bed that is no longer free.
    void undoTransitionStepsBack()
    {
        const Room r = room(db(), building(db(), u"A"_s), u"101"_s, 1);
        const Allocation in = inState(r, nextResident(), S::CheckedIn);
        QVERIFY(in.id > 0);
        QCOMPARE(repo().undoTransition(in.id, S::CheckedIn, in.version - 1).error().code,
                 DbError::Code::Conflict);
        QCOMPARE(repo().undoTransition(in.id, S::CheckedOut, in.version).error().code,
                 DbError::Code::InvalidState);
        const Result<Allocation> back = repo().undoTransition(in.id, S::CheckedIn, in.version);
        QVERIFY2(back, qPrintable(back.error().text()));
        QCOMPARE(back->state, S::Reserved);
        QVERIFY(!back->checkedInAt.isValid());
        QCOMPARE(back->version, in.version + 1);
        QCOMPARE(AuditLog(db()).forEntity(u"allocation"_s, in.id).value().last().action, u"undo_check_in"_s);

        // Checked out, and the bed taken since: the check-out cannot be undone.
        const Result<Allocation> again = repo().checkIn(back->id, back->version);
        QVERIFY(again);
        const Result<Allocation> out = repo().checkOut(again->id, again->version);
        QVERIFY(out);
        const Result<Allocation> other = repo().reserve(
            stay(nextResident().id, r.id, QDate::currentDate(), QDate::currentDate().addDays(7)));
        QVERIFY2(other, qPrintable(other.error().text()));
        const Result<Allocation> refused = repo().undoTransition(out->id, S::CheckedOut, out->version);
        QCOMPARE(refused.error().code, DbError::Code::ConstraintViolation);
        QVERIFY2(refused.error().message.startsWith(u"Room A-101 is full on"_s),
                 qPrintable(refused.error().message));
        QCOMPARE(repo().get(out->id)->state, S::CheckedOut);
        // Once that bed is free again, it can: checked in, without a check-out time.
        QVERIFY(repo().cancel(other->id, other->version));
        const Result<Allocation> inAgain = repo().undoTransition(out->id, S::CheckedOut, out->version);
        QVERIFY2(inAgain, qPrintable(inAgain.error().text()));
        QCOMPARE(inAgain->state, S::CheckedIn);
        QVERIFY(inAgain->checkedInAt.isValid());
        QVERIFY(!inAgain->checkedOutAt.isValid());

        // A cancel taken back: reserved again.
        const Result<Allocation> cancelled =
            repo().undoTransition(other->id, S::Cancelled, other->version + 1);
        QCOMPARE(cancelled.error().code, DbError::Code::ConstraintViolation); // the bed is taken again
        QVERIFY(repo().checkOut(inAgain->id, inAgain->version));
        const Result<Allocation> reserved =
            repo().undoTransition(other->id, S::Cancelled, other->version + 1);
        QVERIFY2(reserved, qPrintable(reserved.error().text()));
        QCOMPARE(reserved->state, S::Reserved);
        QCOMPARE(AuditLog(db()).forEntity(u"allocation"_s, other->id).value().last().action,
                 u"undo_cancel"_s);
    }

    void checkInOnlyOnTheStaysDays()
    {
        const Room r = room(db(), building(db(), u"A"_s), u"101"_s, 2);
        const QDate today = QDate::currentDate();
        const Result<Allocation> later = repo().reserve(stay(nextResident().id, r.id, today.addDays(3)));
        QVERIFY2(later, qPrintable(later.error().text()));
        Result<Allocation> in = repo().checkIn(later->id);
        QCOMPARE(in.error().code, DbError::Code::InvalidState);
        QVERIFY2(in.error().message.contains(u"starts on %1"_s.arg(today.addDays(3).toString(Qt::ISODate))),
                 qPrintable(in.error().message));
        const Result<Allocation> past =
            repo().reserve(stay(nextResident().id, r.id, today.addDays(-5), today));
        QVERIFY2(past, qPrintable(past.error().text()));
        in = repo().checkIn(past->id);
        QCOMPARE(in.error().code, DbError::Code::InvalidState);
        QVERIFY2(in.error().message.contains(u"ended on"_s), qPrintable(in.error().message));
    }

    void capacity_data()
    {
        QTest::addColumn<int>("capacity");
        QTest::addColumn<QString>("existing");
        QTest::addColumn<QString>("wanted");
        QTest::addColumn<int>("fullDay"); // -1: accepted
        QTest::addColumn<int>("taken");

        QTest::newRow("1: empty room") << 1 << u""_s << u"0-5"_s << -1 << 0;
        QTest::newRow("1: touching before") << 1 << u"0-5"_s << u"5-9"_s << -1 << 0;
        QTest::newRow("1: touching after") << 1 << u"5-9"_s << u"0-5"_s << -1 << 0;
        QTest::newRow("1: one day overlap") << 1 << u"0-5"_s << u"4-6"_s << 4 << 1;
        QTest::newRow("1: inside") << 1 << u"0-9"_s << u"3-4"_s << 3 << 1;
        QTest::newRow("1: around") << 1 << u"3-4"_s << u"0-9"_s << 3 << 1;
        QTest::newRow("1: before an open stay") << 1 << u"10-"_s << u"1-10"_s << -1 << 0;
        QTest::newRow("1: into an open stay") << 1 << u"10-"_s << u"1-11"_s << 10 << 1;
        QTest::newRow("1: open-ended into a later stay") << 1 << u"20-25"_s << u"3-"_s << 20 << 1;
        QTest::newRow("1: open-ended after a stay") << 1 << u"0-3"_s << u"3-"_s << -1 << 0;
        QTest::newRow("2: two stays one after the other") << 2 << u"1-5,5-9"_s << u"1-9"_s << -1 << 0;
        QTest::newRow("2: overlapping pair, after it") << 2 << u"1-5,3-7"_s << u"5-8"_s << -1 << 0;
        QTest::newRow("2: overlapping pair, inside it") << 2 << u"1-5,3-7"_s << u"4-5"_s << 4 << 2;
        QTest::newRow("2: overlapping pair, across it") << 2 << u"1-5,3-7"_s << u"0-10"_s << 3 << 2;
        QTest::newRow("2: three stays, never two at once") << 2 << u"0-3,3-6,6-9"_s << u"0-9"_s << -1 << 0;
        QTest::newRow("2: two open stays") << 2 << u"0-,5-"_s << u"100-101"_s << 100 << 2;
        QTest::newRow("2: open stay and a touching one") << 2 << u"0-,0-5"_s << u"5-6"_s << -1 << 0;
        QTest::newRow("3: staggered, peak two") << 3 << u"1-10,2-4,4-6,6-8"_s << u"1-10"_s << -1 << 0;
        QTest::newRow("3: peak three in the middle") << 3 << u"1-10,2-4,3-6"_s << u"0-10"_s << 3 << 3;
        QTest::newRow("3: beside the peak") << 3 << u"1-10,2-4,3-6"_s << u"4-6"_s << -1 << 0;
        QTest::newRow("3: open-ended full") << 3 << u"1-,1-,8-9"_s << u"8-"_s << 8 << 3;
        QTest::newRow("3: open-ended after the peak") << 3 << u"1-,1-,8-9"_s << u"9-"_s << -1 << 0;
    }

    void capacity()
    {
        QFETCH(int, capacity);
        QFETCH(QString, existing);
        QFETCH(QString, wanted);
        QFETCH(int, fullDay);
        QFETCH(int, taken);

        const Room r = room(db(), building(db(), u"A"_s), u"101"_s, capacity);
        const QList<std::pair<QDate, QDate>> stays = parseStays(existing);
        for (const auto &[from, to] : stays) {
            const Result<Allocation> a = repo().reserve(stay(nextResident().id, r.id, from, to));
            QVERIFY2(a, qPrintable(a.error().text()));
        }
        // A cancelled and a checked-out stay never hold a bed.
        const Result<Allocation> cancelled =
            repo().reserve(stay(nextResident().id, r.id, kBase.addDays(-400), kBase.addDays(-399)));
        QVERIFY2(cancelled, qPrintable(cancelled.error().text()));
        QVERIFY(SqlStatement::run(db(), u"UPDATE allocations SET ends_on = NULL WHERE id = ?"_s,
                                  {cancelled->id}));
        QVERIFY(repo().cancel(cancelled->id));

        const auto want = parseStays(wanted).constFirst();
        const AllocationRepository::Peak p = AllocationRepository::peak(stays, want.first, want.second);
        if (fullDay < 0)
            QVERIFY(p.beds < capacity);
        else
            QCOMPARE(p.beds, taken);

        const Result<Allocation> result =
            repo().reserve(stay(nextResident().id, r.id, want.first, want.second));
        if (fullDay < 0) {
            QVERIFY2(result, qPrintable(result.error().text()));
            return;
        }
        QVERIFY(!result);
        QCOMPARE(result.error().code, DbError::Code::ConstraintViolation);
        QVERIFY(hasField(result.error(), u"room_id"_s));
        QCOMPARE(result.error().message, u"Room A-101 is full on %1 (%2 of %3 beds taken)."_s
                                             .arg(kBase.addDays(fullDay).toString(Qt::ISODate))
                                             .arg(taken)
                                             .arg(capacity));
        QCOMPARE(p.day, kBase.addDays(fullDay));
    }

    // Two desktops (two Databases, two connections) on two threads book the last bed of
    // the same room at the same moment, many times: exactly one wins each round and no
    // room ever holds more than its capacity.
    void lastBedRace()
    {
        const std::unique_ptr<Database> other = m_t->openAnother();
        const Building b = building(db(), u"RC"_s);
        constexpr int kRounds = 30;
        const QDate from = kBase.addDays(10);
        QList<Room> rooms;
        int winsFirst = 0;
        int winsSecond = 0;
        for (int round = 0; round < kRounds; ++round) {
            const int capacity = round % 3 + 1;
            const Room r = room(db(), b, u"%1"_s.arg(100 + round), capacity);
            rooms.append(r);
            for (int i = 0; i + 1 < capacity; ++i)
                QVERIFY(
                    repo().reserve(stay(nextResident().id, r.id, from.addDays(-i), from.addDays(10 + i))));
            const Allocation first = stay(nextResident().id, r.id, from.addDays(2), from.addDays(5));
            const Allocation second = stay(nextResident().id, r.id, from.addDays(round % 4), {});

            std::latch start(2);
            Result<Allocation> a;
            Result<Allocation> c;
            Database *desktopB = other.get();
            Database *desktopA = &db();
            std::unique_ptr<QThread> ta(QThread::create([&] {
                start.arrive_and_wait();
                a = AllocationRepository(*desktopA, actor()).reserve(first);
                desktopA->closeThreadConnection();
            }));
            std::unique_ptr<QThread> tb(QThread::create([&] {
                start.arrive_and_wait();
                c = AllocationRepository(*desktopB, Actor{u"bob"_s, Actor::Role::Housing}).reserve(second);
                desktopB->closeThreadConnection();
            }));
            ta->start();
            tb->start();
            QVERIFY(ta->wait(60000));
            QVERIFY(tb->wait(60000));
            QVERIFY2(a.ok() != c.ok(),
                     qPrintable(u"round %1: %2 / %3"_s.arg(round).arg(a ? u"won"_s : a.error().text(),
                                                                      c ? u"won"_s : c.error().text())));
            const DbError lost = a ? c.error() : a.error();
            QCOMPARE(lost.code, DbError::Code::ConstraintViolation);
            QVERIFY2(lost.message.contains(u"is full on"_s), qPrintable(lost.message));
            (a ? winsFirst : winsSecond) += 1;
        }
        qInfo("first desktop won %d rounds, second %d", winsFirst, winsSecond);
        // Independently of the repository: beds held on the contested day per room.
        const QDate contested = from.addDays(4);
        for (const Room &r : rooms) {
            const int held =
                HousingTest::queryValue(
                    db(),
                    u"SELECT COUNT(*) FROM allocations WHERE room_id = ? AND state IN ('reserved', "
                    "'checked_in') AND starts_on <= ? AND (ends_on IS NULL OR ends_on > ?)"_s,
                    {r.id, contested.toString(Qt::ISODate), contested.toString(Qt::ISODate)})
                    .toInt();
            QCOMPARE(held, r.capacity);
        }

        // One resident booked into two rooms at once from two desktops: one wins.
        for (int round = 0; round < 10; ++round) {
            const Room r1 = room(db(), b, u"R1-%1"_s.arg(round), 2);
            const Room r2 = room(db(), b, u"R2-%1"_s.arg(round), 2);
            const Resident who = nextResident();
            std::latch start(2);
            Result<Allocation> a;
            Result<Allocation> c;
            Database *desktopA = &db();
            Database *desktopB = other.get();
            std::unique_ptr<QThread> ta(QThread::create([&] {
                start.arrive_and_wait();
                a = AllocationRepository(*desktopA, actor())
                        .reserve(stay(who.id, r1.id, from, from.addDays(3)));
                desktopA->closeThreadConnection();
            }));
            std::unique_ptr<QThread> tb(QThread::create([&] {
                start.arrive_and_wait();
                c = AllocationRepository(*desktopB, actor())
                        .reserve(stay(who.id, r2.id, from.addDays(2), {}));
                desktopB->closeThreadConnection();
            }));
            ta->start();
            tb->start();
            QVERIFY(ta->wait(60000));
            QVERIFY(tb->wait(60000));
            QVERIFY2(a.ok() != c.ok(), qPrintable(u"round %1"_s.arg(round)));
            const DbError lost = a ? c.error() : a.error();
            QCOMPARE(lost.code, DbError::Code::ConstraintViolation);
            QVERIFY(hasField(lost, u"resident_id"_s));
        }
    }

    void roomsOutOfServiceAreRefused()
    {
        const Building a = building(db(), u"A"_s);
        const Room maintenance = room(db(), a, u"101"_s, 2, Room::Status::Maintenance);
        const Room broken = room(db(), a, u"102"_s, 2, Room::Status::OutOfService);
        const Resident ana = nextResident();
        Result<Allocation> r = repo().reserve(stay(ana.id, maintenance.id, kBase));
        QCOMPARE(r.error().code, DbError::Code::InvalidState);
        QVERIFY(hasField(r.error(), u"room_id"_s));
        QCOMPARE(r.error().message, u"Room A-101 is under maintenance; it cannot be allocated."_s);
        r = repo().reserve(stay(ana.id, broken.id, kBase));
        QCOMPARE(r.error().message, u"Room A-102 is out of service; it cannot be allocated."_s);
        QCOMPARE(HousingTest::queryValue(db(), u"SELECT COUNT(*) FROM allocations"_s).toInt(), 0);

        // A room that goes out of service after the reservation: no check-in.
        Room ok = room(db(), a, u"103"_s, 1);
        const Allocation reserved = inState(ok, ana, S::Reserved);
        ok.status = Room::Status::OutOfService;
        QVERIFY(RoomRepository(db(), actor()).update(ok));
        r = repo().checkIn(reserved.id);
        QCOMPARE(r.error().code, DbError::Code::InvalidState);
        QVERIFY2(r.error().message.contains(u"Room A-103 is out of service"_s),
                 qPrintable(r.error().message));
    }

    void residentHoldsOneBedPerDay()
    {
        const Building a = building(db(), u"A"_s);
        const Building b = building(db(), u"B"_s);
        const Room a101 = room(db(), a, u"101"_s, 2);
        const Room b201 = room(db(), b, u"201"_s, 2);
        const Resident ana = nextResident();
        const Result<Allocation> first = repo().reserve(stay(ana.id, a101.id, kBase, kBase.addDays(10)));
        QVERIFY(first);
        Result<Allocation> r = repo().reserve(stay(ana.id, b201.id, kBase.addDays(5), kBase.addDays(15)));
        QCOMPARE(r.error().code, DbError::Code::ConstraintViolation);
        QVERIFY(hasField(r.error(), u"resident_id"_s));
        QCOMPARE(
            r.error().message,
            u"Ana López (%1) already holds a bed in room A-101 from 2030-01-01 to 2030-01-11 (reserved); a "
            "resident can hold one bed per day."_s.arg(ana.studentId));
        // The same room twice is no better.
        QCOMPARE(repo().reserve(stay(ana.id, a101.id, kBase.addDays(9))).error().code,
                 DbError::Code::ConstraintViolation);
        // Touching is fine; a cancelled stay holds nothing.
        QVERIFY(repo().reserve(stay(ana.id, b201.id, kBase.addDays(10), kBase.addDays(20))));
        QVERIFY(repo().cancel(first->id));
        QVERIFY(repo().reserve(stay(ana.id, b201.id, kBase.addDays(2), kBase.addDays(10))));
        // An open-ended stay blocks every later day.
        const Resident ben = nextResident(u"Ben"_s, u"Okafor"_s);
        QVERIFY(repo().reserve(stay(ben.id, a101.id, kBase)));
        r = repo().reserve(stay(ben.id, b201.id, kBase.addDays(1000), kBase.addDays(1001)));
        QVERIFY2(r.error().message.contains(u"from 2030-01-01 on"_s), qPrintable(r.error().message));
    }

    void moveKeepsTheInvariants()
    {
        const Building a = building(db(), u"A"_s);
        const Room single = room(db(), a, u"101"_s, 1);
        const Room other = room(db(), a, u"102"_s, 1);
        Result<Allocation> first =
            repo().reserve(stay(nextResident().id, single.id, kBase, kBase.addDays(5)));
        const Result<Allocation> second =
            repo().reserve(stay(nextResident().id, single.id, kBase.addDays(5), kBase.addDays(9)));
        QVERIFY(first && second);

        Allocation longer = first.value();
        longer.to = kBase.addDays(6);
        Result<Allocation> moved = repo().move(longer);
        QCOMPARE(moved.error().code, DbError::Code::ConstraintViolation);
        QCOMPARE(moved.error().message, u"Room A-101 is full on 2030-01-06 (1 of 1 beds taken)."_s);

        // Shorter or earlier in its own room: it does not clash with itself.
        Allocation earlier = first.value();
        earlier.from = kBase.addDays(-3);
        earlier.notes = u"arrives early"_s;
        moved = repo().move(earlier);
        QVERIFY2(moved, qPrintable(moved.error().text()));
        QCOMPARE(moved->version, first->version + 1);
        QCOMPARE(moved->notes, u"arrives early"_s);
        // A stale copy is a conflict.
        QCOMPARE(repo().move(first.value()).error().code, DbError::Code::Conflict);

        // To another room, then the second stay can grow into the freed days.
        Allocation elsewhere = moved.value();
        elsewhere.roomId = other.id;
        moved = repo().move(elsewhere);
        QVERIFY2(moved, qPrintable(moved.error().text()));
        QCOMPARE(moved->roomLabel(), u"A-102"_s);
        Allocation grown = second.value();
        grown.from = kBase;
        QVERIFY(repo().move(grown));

        const QList<AuditEntry> entries = AuditLog(db()).forEntity(u"allocation"_s, first->id).value();
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries.at(2).action, u"move"_s);
        QCOMPARE(entries.at(2).before.value(u"room_id"_s).toInteger(), first->roomId);
        QCOMPARE(entries.at(2).after.value(u"room_id"_s).toInteger(), other.id);

        // A checked-in stay keeps its first day; a finished one does not move.
        const QDate today = QDate::currentDate();
        const Room third = room(db(), a, u"103"_s, 1);
        Result<Allocation> in = repo().reserve(stay(nextResident().id, third.id, today, today.addDays(3)));
        QVERIFY(in);
        in = repo().checkIn(in->id);
        QVERIFY(in);
        Allocation shifted = in.value();
        shifted.from = today.addDays(-1);
        QCOMPARE(repo().move(shifted).error().code, DbError::Code::InvalidState);
        Allocation extended = in.value();
        extended.to = today.addDays(30);
        QVERIFY(repo().move(extended));
        const Result<Allocation> out = repo().checkOut(in->id);
        QVERIFY(out);
        Allocation late = out.value();
        late.to = today.addDays(40);
        QCOMPARE(repo().move(late).error().code, DbError::Code::InvalidState);
    }

    void validationNamesTheField()
    {
        Allocation a;
        QList<FieldError> errors = AllocationRepository::validate(a);
        QStringList fields;
        for (const FieldError &e : errors)
            fields << e.field;
        QCOMPARE(fields, (QStringList{u"resident_id"_s, u"room_id"_s, u"from"_s}));
        a = stay(1, 1, kBase, kBase);
        errors = AllocationRepository::validate(a);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().field, u"to"_s);
        QVERIFY(errors.first().message.contains(u"2030-01-01"_s));
        const Result<Allocation> r = repo().reserve(stay(999999, 999999, kBase));
        QCOMPARE(r.error().code, DbError::Code::Validation);
        QVERIFY(hasField(r.error(), u"resident_id"_s));
    }

    void auditTrail()
    {
        const Room r = room(db(), building(db(), u"A"_s), u"101"_s, 1);
        const Allocation a = inState(r, nextResident(), S::CheckedOut);
        const QList<AuditEntry> entries = AuditLog(db()).forEntity(u"allocation"_s, a.id).value();
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries.at(0).action, u"reserve"_s);
        QVERIFY(entries.at(0).before.isEmpty());
        QCOMPARE(entries.at(0).after.value(u"room_id"_s).toInteger(), r.id);
        QCOMPARE(entries.at(0).after.value(u"starts_on"_s).toString(),
                 QDate::currentDate().toString(Qt::ISODate));
        QCOMPARE(entries.at(1).action, u"check_in"_s);
        QCOMPARE(entries.at(2).action, u"check_out"_s);
        QCOMPARE(entries.at(2).after.value(u"state"_s).toString(), u"checked_out"_s);
        for (const AuditEntry &e : entries)
            QCOMPARE(e.username, auditPerson()); // the database's word, not the actor's
    }

    void freeBedsAndOccupancy()
    {
        const Building a = building(db(), u"A"_s);
        const Building empty = building(db(), u"E"_s);
        const Room r101 = room(db(), a, u"101"_s, 2);
        const Room r102 = room(db(), a, u"102"_s, 1);
        room(db(), a, u"103"_s, 3, Room::Status::Maintenance);
        QVERIFY(repo().reserve(stay(nextResident().id, r101.id, kBase, kBase.addDays(10))));
        QVERIFY(repo().reserve(stay(nextResident().id, r101.id, kBase.addDays(10), kBase.addDays(20))));
        QVERIFY(repo().reserve(stay(nextResident().id, r102.id, kBase.addDays(5))));

        Result<QList<RoomAvailability>> free = repo().availability(a.id, kBase, kBase.addDays(1));
        QVERIFY(free);
        QCOMPARE(free->size(), 3);
        QCOMPARE(free->at(0).label(), u"A-101"_s);
        QCOMPARE(free->at(0).taken, 1);
        QCOMPARE(free->at(0).free(), 1);
        QCOMPARE(free->at(1).taken, 0);
        QCOMPARE(free->at(1).free(), 1);
        QCOMPARE(free->at(2).free(), 0); // under maintenance
        QVERIFY(!free->at(2).isBookable());

        free = repo().availability(a.id, kBase, kBase.addDays(20));
        QVERIFY(free);
        QCOMPARE(free->at(0).taken, 1); // never two at once
        QCOMPARE(free->at(1).taken, 1);
        QCOMPARE(free->at(1).busiestDay, kBase.addDays(5));
        QCOMPARE(free->at(1).free(), 0);
        free = repo().availability(0, kBase.addDays(30), {});
        QVERIFY(free);
        QCOMPARE(free->at(0).taken, 0);
        QCOMPARE(free->at(1).taken, 1); // open-ended

        const Result<QList<BuildingOccupancy>> occupancy = repo().occupancy(kBase.addDays(5));
        QVERIFY(occupancy);
        QCOMPARE(occupancy->size(), 2);
        const BuildingOccupancy &o = occupancy->at(0);
        QCOMPARE(o.code, u"A"_s);
        QCOMPARE(o.rooms, 3);
        QCOMPARE(o.beds, 6);
        QCOMPARE(o.unavailableBeds, 3);
        QCOMPARE(o.taken, 2);
        QCOMPARE(o.free, 1);
        QCOMPARE(o.checkedIn, 0);
        QCOMPARE(occupancy->at(1).buildingId, empty.id);
        QCOMPARE(occupancy->at(1).beds, 0);
    }

    void listsAndFilters()
    {
        const Building a = building(db(), u"A"_s);
        const Building b = building(db(), u"B"_s);
        const Room a101 = room(db(), a, u"101"_s, 3);
        const Room b201 = room(db(), b, u"201"_s, 3);
        const QDate today = QDate::currentDate();
        const Resident ana = nextResident(u"Ana"_s, u"Arce"_s);
        const Resident ben = nextResident(u"Ben"_s, u"Bravo"_s);
        const Resident cleo = nextResident(u"Cleo"_s, u"Cruz"_s);
        const Resident dan = nextResident(u"Dan"_s, u"Diaz"_s);
        const Resident eve = nextResident(u"Eve"_s, u"Esteve"_s);
        QVERIFY(repo().reserve(stay(ana.id, a101.id, today, today.addDays(5))));
        const Result<Allocation> benStay = repo().reserve(stay(ben.id, b201.id, today.addDays(-3)));
        QVERIFY(benStay);
        QVERIFY(repo().checkIn(benStay->id));
        QVERIFY(repo().reserve(stay(cleo.id, a101.id, today.addDays(10), today.addDays(20))));
        const Result<Allocation> danStay = repo().reserve(stay(dan.id, a101.id, today, today.addDays(5)));
        QVERIFY(danStay && repo().cancel(danStay->id));
        QVERIFY(repo().reserve(stay(eve.id, a101.id, today.addDays(-5), today))); // ended yesterday

        // Residents by building: a bed there today.
        ResidentRepository residents(db(), actor());
        ListFilter filter;
        filter.buildingId = a.id;
        QCOMPARE(residents.count(filter).value(), 1);
        bool ok = false;
        QCOMPARE(HousingTest::pageThrough(residents, ResidentRepository::StudentId, Qt::AscendingOrder, 1,
                                          filter, &ok),
                 QList<qint64>{ana.id});
        QVERIFY(ok);
        filter.buildingId = b.id;
        QCOMPARE(residents.count(filter).value(), 1);
        filter.status = u"graduated"_s;
        QCOMPARE(residents.count(filter).value(), 0);

        // Current allocation.
        QCOMPARE(repo().currentForResident(ben.id).value()->roomLabel(), u"B-201"_s);
        QVERIFY(!repo().currentForResident(cleo.id).value().has_value());
        QCOMPARE(repo().currentForResident(cleo.id, today.addDays(12)).value()->roomLabel(), u"A-101"_s);
        QVERIFY(!repo().currentForResident(eve.id).value().has_value());
        const QHash<qint64, Allocation> current =
            repo().currentForResidents({ana.id, ben.id, cleo.id, dan.id}).value();
        QCOMPARE(current.size(), 2);
        QCOMPARE(current.value(ana.id).buildingName, u"A Hall"_s);

        // The list's filters and keyset paging.
        AllocationFilter all;
        QCOMPARE(repo().count(all).value(), 5);
        AllocationFilter inA;
        inA.buildingId = a.id;
        QCOMPARE(repo().count(inA).value(), 4);
        inA.state = S::Reserved;
        QCOMPARE(repo().count(inA).value(), 3);
        inA.date = today;
        QCOMPARE(repo().count(inA).value(), 1);
        AllocationFilter search;
        search.search = u"cRuZ"_s;
        QCOMPARE(repo().count(search).value(), 1);
        for (int column = 0; column < AllocationRepository::ColumnCount; ++column) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                PageRequest request;
                request.sortColumn = column;
                request.order = order;
                request.limit = 2;
                QList<qint64> ids;
                for (;;) {
                    const Result<QList<Allocation>> page = repo().page(all, request);
                    QVERIFY2(page, qPrintable(page.error().detail));
                    for (const Allocation &row : page.value())
                        ids.append(row.id);
                    if (page->size() < request.limit)
                        break;
                    request.hasCursor = true;
                    request.afterValue = AllocationRepository::sortValue(page->last(), column);
                    request.afterId = page->last().id;
                }
                QCOMPARE(ids.size(), 5);
                QVERIFY(HousingTest::allDistinct(ids));
            }
        }
    }

    void roomCapacityCannotDropBelowTheBedsHeld()
    {
        Room r = room(db(), building(db(), u"A"_s), u"101"_s, 3);
        const QDate today = QDate::currentDate();
        QVERIFY(repo().reserve(stay(nextResident().id, r.id, today.addDays(2), today.addDays(6))));
        QVERIFY(repo().reserve(stay(nextResident().id, r.id, today.addDays(4))));
        QVERIFY(repo().reserve(stay(nextResident().id, r.id, today.addDays(-10), today.addDays(-5)))); // past
        RoomRepository rooms(db(), actor());
        r.capacity = 1;
        const Result<Room> smaller = rooms.update(r);
        QCOMPARE(smaller.error().code, DbError::Code::ConstraintViolation);
        QVERIFY(hasField(smaller.error(), u"capacity"_s));
        QVERIFY2(smaller.error().message.contains(
                     u"2 beds of this room are taken on %1"_s.arg(today.addDays(4).toString(Qt::ISODate))),
                 qPrintable(smaller.error().message));
        QCOMPARE(rooms.get(r.id)->capacity, 3);
        r.capacity = 2;
        const Result<Room> fits = rooms.update(r);
        QVERIFY2(fits, qPrintable(fits.error().text()));
        QCOMPARE(fits->capacity, 2);
    }

    void deletingAllocatedRecordsIsRefusedClearly()
    {
        const Room r = room(db(), building(db(), u"A"_s), u"101"_s, 1);
        const Resident ana = nextResident();
        QVERIFY(repo().reserve(stay(ana.id, r.id, kBase)));
        const VoidResult gone = ResidentRepository(db(), actor()).remove(ana.id, ana.version);
        QVERIFY(!gone);
        QVERIFY2(gone.error().message.contains(u"room allocations"_s), qPrintable(gone.error().message));
        const VoidResult roomGone = RoomRepository(db(), actor()).remove(r.id, r.version);
        QVERIFY(!roomGone);
        QVERIFY2(roomGone.error().message.contains(u"room allocations"_s),
                 qPrintable(roomGone.error().message));
    }
};

QTEST_GUILESS_MAIN(TestAllocationRepository)
#include "tst_allocationrepository.moc"
