// Waitlists and deposits on SQLite and PostgreSQL: the order of a list and one entry per
// resident, offers to the first waiting resident, two beds freed at once going to two
// different people (two connections; on PostgreSQL also with one transaction left open
// while the other offers), expiry and decline moving on to the next person, accepting
// into a reservation, the deposit rule at check-in, who may waive (PostgreSQL), audit.
#include "models/core/auditlog.h"
#include "models/db/transaction.h"
#include "models/housing/allocation/depositrepository.h"
#include "models/housing/waitlist/waitlistrepository.h"
#include "tests/models/housing/allocationtestutil.h"
#include "tests/models/housing/housingtestutil.h"
#include "tests/support/testdatabase.h"

#include <QDateTime>
#include <QSet>
#include <QTest>
#include <QThread>

#include <latch>

using namespace AllocationTest;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kDay = 24LL * 3600 * 1000;

bool clearAll(Database &db)
{
    for (const char *table : {"waitlist_offers", "waitlist_entries", "allocation_deposits"}) {
        if (!SqlStatement::run(db, QStringLiteral("DELETE FROM ") + QLatin1String(table)))
            return false;
    }
    return clear(db);
}

} // namespace

class TestWaitlistRepository : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    int m_nextStudent = 0;
    qint64 m_now = 0;

    Database &db() { return m_t->db(); }
    WaitlistRepository lists() { return WaitlistRepository(db(), actor()); }
    Resident nextResident(const QString &first = u"Ana"_s)
    {
        return resident(db(), u"W%1"_s.arg(++m_nextStudent, 4, 10, QLatin1Char('0')), first, u"Ruiz"_s);
    }
    WaitlistEntry join(const Resident &who, const Building &b, Room::Type type)
    {
        m_now += 1000; // joined one second apart
        const Result<WaitlistEntry> e = lists().add(who.id, b.id, type, m_now);
        if (!e)
            qWarning("%s", qPrintable(e.error().text()));
        return e ? e.value() : WaitlistEntry{};
    }
    QList<qint64> order(const Building &b, Room::Type type)
    {
        QList<qint64> residents;
        const auto rows = lists().entries({b.id, type, false});
        if (rows) {
            for (const WaitlistEntry &e : rows.value())
                residents.append(e.residentId);
        }
        return residents;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
        m_now = QDateTime::currentMSecsSinceEpoch();
    }
    void cleanupTestCase() { m_t.reset(); }
    void init() { QVERIFY(clearAll(db())); }

    void listsKeepTheirOrderAndOneEntryPerResident()
    {
        const Building north = building(db(), u"NH"_s);
        const Building south = building(db(), u"SH"_s);
        const Resident ana = nextResident(u"Ana"_s);
        const Resident ben = nextResident(u"Ben"_s);
        const Resident cai = nextResident(u"Cai"_s);
        join(ana, north, Room::Type::Single);
        join(ben, north, Room::Type::Single);
        const WaitlistEntry third = join(cai, north, Room::Type::Single);
        QCOMPARE(third.position, 3);
        // Another type and another building are other lists.
        QCOMPARE(join(cai, north, Room::Type::Double).position, 1);
        QCOMPARE(join(ana, south, Room::Type::Single).position, 1);
        QCOMPARE(order(north, Room::Type::Single), (QList<qint64>{ana.id, ben.id, cai.id}));

        // Twice on one list: refused, naming the position; nothing added.
        const Result<WaitlistEntry> again = lists().add(ben.id, north.id, Room::Type::Single, m_now + 5000);
        QVERIFY(!again);
        QCOMPARE(again.error().code, DbError::Code::Duplicate);
        QVERIFY2(again.error().message.contains(u"position 2"_s), qPrintable(again.error().message));
        QCOMPARE(order(north, Room::Type::Single).size(), 3);

        // The database keeps it too, whatever the client does.
        const VoidResult raw = SqlStatement::run(
            db(),
            u"INSERT INTO waitlist_entries (resident_id, building_id, room_type, joined_at, created_by, "
            "updated_by) VALUES (?, ?, 'single', 1, 'x', 'x')"_s,
            {ben.id, north.id});
        QVERIFY(!raw);

        // Leaving the list closes the gap; a resident who left may join again, at the end.
        const QList<WaitlistEntry> rows = lists().entries({north.id, Room::Type::Single, false}).value();
        QVERIFY(lists().remove(rows.at(1).id, m_now + 6000));
        QCOMPARE(order(north, Room::Type::Single), (QList<qint64>{ana.id, cai.id}));
        QCOMPARE(join(ben, north, Room::Type::Single).position, 3);
        QCOMPARE(lists().entries({north.id, Room::Type::Single, true}).value().size(), 4);

        // Validation names the field.
        const Result<WaitlistEntry> bad = lists().add(0, north.id, Room::Type::Single, m_now);
        QVERIFY(!bad);
        QVERIFY(hasField(bad.error(), u"resident_id"_s));
    }

    void offersGoToTheFirstAndMoveOn()
    {
        const Building b = building(db(), u"OF"_s);
        const Room single = room(db(), b, u"101"_s, 1);
        const Resident ana = nextResident(u"Ana"_s);
        const Resident ben = nextResident(u"Ben"_s);
        const Resident cai = nextResident(u"Cai"_s);
        join(ana, b, Room::Type::Single);
        join(ben, b, Room::Type::Single);
        join(cai, b, Room::Type::Single);
        const QDate today = QDateTime::fromMSecsSinceEpoch(m_now).date();

        const auto first = lists().offerBed({single.id, today}, m_now, m_now + 3 * kDay, 0);
        QVERIFY2(first, qPrintable(first.ok() ? QString() : first.error().text()));
        QVERIFY(first->has_value());
        QCOMPARE(first->value().residentId, ana.id);
        QCOMPARE(first->value().from, today);
        QVERIFY(!first->value().to.isValid()); // nobody holds the bed later: open-ended
        QCOMPARE(lists().entry(first->value().entryId)->state, WaitlistEntry::State::Offered);
        QCOMPARE(lists().entry(first->value().entryId)->position, 1);

        // The one bed is promised: a second offer of it finds none.
        const auto none = lists().offerBed({single.id, today}, m_now, m_now + 3 * kDay, 0);
        QVERIFY(none);
        QVERIFY(!none->has_value());

        // Declined: Ana leaves the list and the bed goes to Ben.
        const Result<FreedBed> declined = lists().decline(first->value().id, m_now + 1000);
        QVERIFY(declined);
        QCOMPARE(declined->roomId, single.id);
        QCOMPARE(lists().entry(first->value().entryId)->state, WaitlistEntry::State::Declined);
        const auto second = lists().offerBed(declined.value(), m_now + 1000, m_now + 3 * kDay, 0);
        QVERIFY(second && second->has_value());
        QCOMPARE(second->value().residentId, ben.id);

        // Expired: past the deadline Ben's offer lapses and the bed goes to Cai.
        QCOMPARE(lists().expireDue(m_now + 2 * kDay)->size(), 0);
        const Result<QList<FreedBed>> lapsed = lists().expireDue(m_now + 4 * kDay);
        QVERIFY(lapsed);
        QCOMPARE(lapsed->size(), 1);
        QCOMPARE(lists().offer(second->value().id)->state, WaitlistOffer::State::Expired);
        QCOMPARE(lists().entry(second->value().entryId)->state, WaitlistEntry::State::Expired);
        const Result<Allocation> late = lists().accept(second->value().id, m_now + 4 * kDay);
        QVERIFY(!late);
        QCOMPARE(late.error().code, DbError::Code::InvalidState);
        const auto third = lists().offerBed(lapsed->first(), m_now + 4 * kDay, m_now + 7 * kDay, 0);
        QVERIFY(third && third->has_value());
        QCOMPARE(third->value().residentId, cai.id);

        // A room out of service offers nothing; a full room neither.
        const Room closed = room(db(), b, u"102"_s, 1, Room::Status::OutOfService);
        QVERIFY(!lists().offerBed({closed.id, today}, m_now, m_now + kDay, 0)->has_value());
    }

    // A check-out undone after its bed was offered to the waitlist: the offer holds the
    // bed, so the undo (and a clerk's reservation of it) is refused naming it, until the
    // offer is answered.
    void undoingACheckOutRespectsAnOffer()
    {
        const Building b = building(db(), u"UN"_s);
        const Room single = room(db(), b, u"101"_s, 1);
        const Resident holder = nextResident(u"Hal"_s);
        const Resident ana = nextResident(u"Ana"_s);
        join(ana, b, Room::Type::Single);
        const QDate today = QDateTime::fromMSecsSinceEpoch(m_now).date();
        AllocationRepository stays(db(), actor());
        Allocation held =
            stays.reserve(AllocationTest::stay(holder.id, single.id, today.addDays(-10))).value();
        held = stays.checkIn(held.id, held.version).value();
        held = stays.checkOut(held.id, held.version).value();
        const auto offer = lists().offerBed({single.id, today}, m_now, m_now + 3 * kDay, 0);
        QVERIFY(offer && offer->has_value());

        const Result<Allocation> refused =
            stays.undoTransition(held.id, Allocation::State::CheckedOut, AllocationRepository::AnyVersion);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, DbError::Code::ConstraintViolation);
        QVERIFY2(refused.error().text().contains(u"offered from the waitlist"_s) &&
                     refused.error().text().contains(u"offer %1"_s.arg(offer->value().id)),
                 qPrintable(refused.error().text()));
        QCOMPARE(stays.get(held.id)->state, Allocation::State::CheckedOut);
        // A clerk's reservation of that bed is refused the same way.
        const Resident ben = nextResident(u"Ben"_s);
        const Result<Allocation> taken =
            stays.reserve(AllocationTest::stay(ben.id, single.id, today.addDays(1)));
        QVERIFY(!taken);
        QCOMPARE(taken.error().code, DbError::Code::ConstraintViolation);
        QVERIFY2(taken.error().text().contains(u"offer %1"_s.arg(offer->value().id)),
                 qPrintable(taken.error().text()));

        // Declined: the bed is free again (nobody else waits), and the undo goes through.
        QVERIFY(lists().decline(offer->value().id, m_now + 1000));
        const Result<Allocation> undone =
            stays.undoTransition(held.id, Allocation::State::CheckedOut, AllocationRepository::AnyVersion);
        QVERIFY2(undone, qPrintable(undone.ok() ? QString() : undone.error().text()));
        QCOMPARE(undone->state, Allocation::State::CheckedIn);
    }

    void acceptCreatesTheReservation()
    {
        const Building b = building(db(), u"AC"_s);
        const Room single = room(db(), b, u"101"_s, 1);
        const Resident ana = nextResident(u"Ana"_s);
        const Resident holder = nextResident(u"Hal"_s);
        const QDate today = QDateTime::fromMSecsSinceEpoch(m_now).date();
        // The bed is taken again from day 30 on: the offer is for the days it is free.
        QVERIFY(repo(db()).reserve(stay(holder.id, single.id, today.addDays(30), today.addDays(60))));
        join(ana, b, Room::Type::Single);
        const auto made = lists().offerBed({single.id, today}, m_now, m_now + 3 * kDay, 0);
        QVERIFY(made && made->has_value());
        QCOMPARE(made->value().to, today.addDays(30));

        const Result<Allocation> a = lists().accept(made->value().id, m_now + kDay);
        QVERIFY2(a, qPrintable(a.ok() ? QString() : a.error().text()));
        QCOMPARE(a->residentId, ana.id);
        QCOMPARE(a->roomId, single.id);
        QCOMPARE(a->from, today);
        QCOMPARE(a->to, today.addDays(30));
        QCOMPARE(a->state, Allocation::State::Reserved);
        const WaitlistOffer accepted = lists().offer(made->value().id).value();
        QCOMPARE(accepted.state, WaitlistOffer::State::Accepted);
        QCOMPARE(accepted.allocationId, a->id);
        QCOMPARE(lists().entry(accepted.entryId)->state, WaitlistEntry::State::Placed);
        QVERIFY(lists().entries({b.id, Room::Type::Single, false})->isEmpty());
        // Answered once.
        const Result<Allocation> twice = lists().accept(made->value().id, m_now + kDay);
        QVERIFY(!twice);
        QCOMPARE(twice.error().code, DbError::Code::InvalidState);
        // The audit trail has the entry and the offer.
        QVERIFY(AuditLog(db()).forEntity(u"waitlist_offer"_s, accepted.id)->size() >= 2);
        QVERIFY(AuditLog(db()).forEntity(u"waitlist_entry"_s, accepted.entryId)->size() >= 3);
    }

    void twoBedsFreedAtOnceGoToTwoPeople_data()
    {
        QTest::addColumn<bool>("sameRoom");
        QTest::newRow("two single rooms") << false;
        QTest::newRow("both beds of a double room") << true;
    }

    void twoBedsFreedAtOnceGoToTwoPeople()
    {
        QFETCH(bool, sameRoom);
        const std::unique_ptr<Database> other = m_t->openAnother();
        const Building b = building(db(), sameRoom ? u"TD"_s : u"TS"_s);
        const Room::Type type = sameRoom ? Room::Type::Double : Room::Type::Single;
        const QDate today = QDateTime::fromMSecsSinceEpoch(m_now).date();
        constexpr int kRounds = 8;
        for (int round = 0; round < kRounds; ++round) {
            const Room r1 = room(db(), b, u"A%1"_s.arg(round), sameRoom ? 2 : 1);
            const Room r2 = sameRoom ? r1 : room(db(), b, u"B%1"_s.arg(round), 1);
            const Resident first = nextResident(u"First"_s);
            const Resident second = nextResident(u"Second"_s);
            const Resident third = nextResident(u"Third"_s);
            join(first, b, type);
            join(second, b, type);
            join(third, b, type);

            std::latch start(2);
            Result<std::optional<WaitlistOffer>> a;
            Result<std::optional<WaitlistOffer>> c;
            Database *desktopA = &db();
            Database *desktopB = other.get();
            const qint64 now = m_now;
            std::unique_ptr<QThread> ta(QThread::create([&] {
                start.arrive_and_wait();
                a = WaitlistRepository(*desktopA, actor()).offerBed({r1.id, today}, now, now + kDay, 0);
                desktopA->closeThreadConnection();
            }));
            std::unique_ptr<QThread> tb(QThread::create([&] {
                start.arrive_and_wait();
                c = WaitlistRepository(*desktopB, actor()).offerBed({r2.id, today}, now, now + kDay, 0);
                desktopB->closeThreadConnection();
            }));
            ta->start();
            tb->start();
            QVERIFY(ta->wait(60000));
            QVERIFY(tb->wait(60000));
            QVERIFY2(a && c, qPrintable(u"round %1: %2 / %3"_s.arg(round).arg(
                                 a ? u"ok"_s : a.error().text(), c ? u"ok"_s : c.error().text())));
            QVERIFY(a->has_value() && c->has_value());
            const QSet<qint64> offered{a->value().residentId, c->value().residentId};
            QCOMPARE(offered, (QSet<qint64>{first.id, second.id}));
            // The third person is still waiting: no bed is left in those rooms.
            QVERIFY(!lists().offerBed({r1.id, today}, now, now + kDay, 0)->has_value());
            const QList<WaitlistEntry> left = lists().entries({b.id, type, false}).value();
            QCOMPARE(left.size(), 3);
            QCOMPARE(left.last().state, WaitlistEntry::State::Waiting);
            // Clear the list for the next round.
            for (const WaitlistEntry &e : left)
                QVERIFY(lists().remove(e.id, now));
        }
        // Independently of the repository: never two pending offers for one entry, and
        // never more pending offers in a room than it has beds.
        QCOMPARE(HousingTest::queryValue(db(),
                                         u"SELECT COUNT(*) FROM (SELECT room_id FROM waitlist_offers "
                                         "o JOIN rooms r ON r.id = o.room_id WHERE o.state = 'pending' "
                                         "GROUP BY room_id, r.capacity HAVING COUNT(*) > r.capacity) t"_s)
                     .toInt(),
                 0);
    }

    void openTransactionIsSkippedNotWaitedFor()
    {
        if (!TestDatabase::isPostgreSQL())
            QSKIP("SQLite has one writer at a time: the race above covers it");
        const std::unique_ptr<Database> other = m_t->openAnother();
        // Without SKIP LOCKED the second offer would wait for the first transaction,
        // which this very thread holds open: fail rather than hang.
        QVERIFY(SqlStatement::run(*other, u"SET statement_timeout = '15s'"_s));
        const Building b = building(db(), u"SK"_s);
        const Room r1 = room(db(), b, u"101"_s, 1);
        const Room r2 = room(db(), b, u"102"_s, 1);
        const Resident first = nextResident(u"First"_s);
        const Resident second = nextResident(u"Second"_s);
        join(first, b, Room::Type::Single);
        join(second, b, Room::Type::Single);
        const QDate today = QDateTime::fromMSecsSinceEpoch(m_now).date();

        Transaction txA(db());
        QVERIFY(txA.ok());
        const auto a = lists().offerBed({r1.id, today}, m_now, m_now + kDay, 0);
        QVERIFY(a && a->has_value());
        QCOMPARE(a->value().residentId, first.id);
        // The first entry is locked by the open transaction: the other desktop's offer
        // goes to the second person at once.
        const auto c = WaitlistRepository(*other, actor()).offerBed({r2.id, today}, m_now, m_now + kDay, 0);
        QVERIFY2(c, qPrintable(c.ok() ? QString() : c.error().text()));
        QVERIFY(c->has_value());
        QCOMPARE(c->value().residentId, second.id);
        QVERIFY(txA.commit());
        QCOMPARE(lists().offers()->size(), 2);
    }

    void offerOfAJobIsMadeOnce()
    {
        const Building b = building(db(), u"JO"_s);
        const Room r = room(db(), b, u"101"_s, 2);
        join(nextResident(u"Ana"_s), b, Room::Type::Double);
        join(nextResident(u"Ben"_s), b, Room::Type::Double);
        const QDate today = QDateTime::fromMSecsSinceEpoch(m_now).date();
        const auto made = lists().offerBed({r.id, today}, m_now, m_now + kDay, 4242);
        QVERIFY(made && made->has_value());
        // The same job again (a retry): the same offer, not a second one.
        const auto again = lists().offerBed({r.id, today}, m_now, m_now + kDay, 4242);
        QVERIFY(again && again->has_value());
        QCOMPARE(again->value().id, made->value().id);
        QCOMPARE(lists().offers()->size(), 1);
    }

    void depositRuleAtCheckIn()
    {
        const Building b = building(db(), u"DP"_s);
        const Room r = room(db(), b, u"101"_s, 2);
        const Resident ana = nextResident(u"Ana"_s);
        const Resident ben = nextResident(u"Ben"_s);
        const QDate today = QDate::currentDate();
        const Allocation a = repo(db()).reserve(stay(ana.id, r.id, today, today.addDays(30))).value();
        DepositRepository deposits(db(), actor());
        QVERIFY(!deposits.find(a.id)->has_value());

        QVERIFY(!deposits.require(a.id, 0));
        const Result<Deposit> required = deposits.require(a.id, 25000);
        QVERIFY2(required, qPrintable(required.ok() ? QString() : required.error().text()));
        QCOMPARE(required->state, Deposit::State::Required);

        // Check-in refused, naming the allocation, the resident, the room and what is missing.
        const Result<Allocation> refused = repo(db()).checkIn(a.id, AllocationRepository::AnyVersion);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, DbError::Code::InvalidState);
        for (const QString &part : {u"Allocation %1"_s.arg(a.id), u"Ana Ruiz"_s, u"DP-101"_s, u"250.00"_s,
                                    u"neither paid nor waived"_s})
            QVERIFY2(refused.error().message.contains(part), qPrintable(refused.error().message));
        QCOMPARE(repo(db()).get(a.id)->state, Allocation::State::Reserved);

        // Too little, no reference: refused, nothing changed.
        const Result<Deposit> short_ = deposits.recordPayment(a.id, 10000, today, u"TX-1"_s);
        QVERIFY(!short_);
        QVERIFY(hasField(short_.error(), u"amount"_s));
        QVERIFY(hasField(deposits.recordPayment(a.id, 25000, today, u" "_s).error(), u"reference"_s));
        QCOMPARE(deposits.find(a.id)->value().state, Deposit::State::Required);

        const Result<Deposit> paid = deposits.recordPayment(a.id, 25000, today, u"TX-881"_s);
        QVERIFY(paid);
        QCOMPARE(paid->state, Deposit::State::Paid);
        QCOMPARE(paid->reference, u"TX-881"_s);
        QCOMPARE(paid->paidOn, today);
        QVERIFY(!deposits.require(a.id, 30000)); // settled
        QVERIFY(repo(db()).checkIn(a.id, AllocationRepository::AnyVersion));
        QVERIFY(AuditLog(db()).forEntity(u"deposit"_s, paid->id)->size() >= 2);

        // Waived by an administrator: check-in goes ahead.
        const Allocation c = repo(db()).reserve(stay(ben.id, r.id, today, today.addDays(30))).value();
        QVERIFY(deposits.require(c.id, 15000));
        if (TestDatabase::isPostgreSQL()) {
            // Housing staff may require and record, but PostgreSQL refuses their waiver.
            Database &clerk = m_t->dbAs(TestDatabase::Person::Housing);
            const Actor clerkActor =
                TestDatabase::actorFor(TestDatabase::Person::Housing, u"alice"_s, Actor::Role::Housing);
            const Result<Deposit> notYours = DepositRepository(clerk, clerkActor).waive(c.id);
            QVERIFY(!notYours);
            QCOMPARE(notYours.error().code, DbError::Code::PermissionDenied);
            QVERIFY2(notYours.error().message.contains(u"administrators"_s),
                     qPrintable(notYours.error().message));
            QCOMPARE(deposits.find(c.id)->value().state, Deposit::State::Required);
        }
        const Result<Deposit> waived = deposits.waive(c.id);
        QVERIFY2(waived, qPrintable(waived.ok() ? QString() : waived.error().text()));
        QCOMPARE(waived->state, Deposit::State::Waived);
        QVERIFY(repo(db()).checkIn(c.id, AllocationRepository::AnyVersion));
    }

    void amounts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("cents"); // -1: refused
        QTest::newRow("whole") << u"250"_s << qint64(25000);
        QTest::newRow("one decimal") << u"250.5"_s << qint64(25050);
        QTest::newRow("two decimals") << u" 250.05 "_s << qint64(25005);
        QTest::newRow("three decimals") << u"1.005"_s << qint64(-1);
        QTest::newRow("negative") << u"-5"_s << qint64(-1);
        QTest::newRow("comma") << u"2,50"_s << qint64(-1);
        QTest::newRow("text") << u"lots"_s << qint64(-1);
    }

    void amounts()
    {
        QFETCH(QString, text);
        QFETCH(qint64, cents);
        const std::optional<qint64> parsed = Deposit::parseAmount(text);
        QCOMPARE(parsed.value_or(-1), cents);
        if (parsed)
            QCOMPARE(Deposit::parseAmount(Deposit::amountText(*parsed)).value(), cents);
    }

private:
    static AllocationRepository repo(Database &db) { return AllocationRepository(db, actor()); }
};

QTEST_GUILESS_MAIN(TestWaitlistRepository)
#include "tst_waitlistrepository.moc"
