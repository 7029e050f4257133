#include "models/maintenance/maintenancerules.h"

#include <QTest>

using namespace Qt::StringLiterals;
using C = Maintenance::Category;
using P = Maintenance::Priority;
using S = Maintenance::State;

namespace {

// 2026-03-02 is a Monday. All times UTC: the rules keep the spec they are given.
QDateTime at(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 3, day), QTime(hour, minute), Qt::UTC);
}

Technician tech(qint64 id, QList<C> skills, QList<int> days = {1, 2, 3, 4, 5}, int from = 8 * 60, int to = 16 * 60)
{
    Technician t;
    t.id = id;
    t.name = u"T%1"_s.arg(id);
    t.email = u"t%1@example.edu"_s.arg(id);
    t.skills = std::move(skills);
    t.workingDays = std::move(days);
    t.dayStarts = from;
    t.dayEnds = to;
    return t;
}

using Busy = MaintenanceRules::Busy;
using Slot = MaintenanceRules::Slot;

} // namespace

Q_DECLARE_METATYPE(ResponseTarget)
Q_DECLARE_METATYPE(std::optional<MaintenanceRules::Slot>)
Q_DECLARE_METATYPE(QList<MaintenanceRules::Busy>)
Q_DECLARE_METATYPE(QList<MaintenanceRules::Candidate>)

// The pure rules of maintenance, row by row: due times, slots, assignment, estimates,
// transitions and attachments.
class TestMaintenanceRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void dueAt_data()
    {
        QTest::addColumn<ResponseTarget>("target");
        QTest::addColumn<QDateTime>("reported");
        QTest::addColumn<QDateTime>("due");
        const auto d = ResponseTarget::defaults();
        QTest::newRow("emergency: the end of the day") << d[0] << at(2, 10) << at(3, 0);
        QTest::newRow("emergency at 23:30: still that day") << d[0] << at(2, 23, 30) << at(3, 0);
        QTest::newRow("high: 24 h") << d[1] << at(2, 10) << at(3, 10);
        QTest::newRow("high on Friday: 24 h, weekend counts") << d[1] << at(6, 15) << at(7, 15);
        QTest::newRow("routine Monday: end of Thursday") << d[2] << at(2, 10) << at(6, 0);
        QTest::newRow("routine Friday: end of Wednesday") << d[2] << at(6, 10) << at(12, 0);
        QTest::newRow("routine Saturday: end of Wednesday") << d[2] << at(7, 10) << at(12, 0);
        QTest::newRow("low Monday: two weeks, end of Monday") << d[3] << at(2, 9) << at(17, 0);
        QTest::newRow("zero working days: end of the day")
            << ResponseTarget{P::Routine, 0, ResponseTarget::Unit::WorkingDays} << at(2, 9) << at(3, 0);
    }
    void dueAt()
    {
        QFETCH(ResponseTarget, target);
        QFETCH(QDateTime, reported);
        QFETCH(QDateTime, due);
        QCOMPARE(MaintenanceRules::dueAt(target, reported), due);
    }

    void firstSlot_data()
    {
        QTest::addColumn<QList<int>>("days");
        QTest::addColumn<QList<QDate>>("absent");
        QTest::addColumn<QList<Busy>>("busy");
        QTest::addColumn<QDateTime>("from");
        QTest::addColumn<QDateTime>("due");
        QTest::addColumn<int>("minutes");
        QTest::addColumn<bool>("workingDaysOnly");
        QTest::addColumn<std::optional<Slot>>("slot");
        const QList<int> week{1, 2, 3, 4, 5};
        QTest::newRow("free now, rounded up to the quarter")
            << week << QList<QDate>{} << QList<Busy>{} << at(2, 9, 5) << at(3, 0) << 60 << false
            << std::optional<Slot>(Slot{at(2, 9, 15), at(2, 10, 15)});
        QTest::newRow("before hours: at the start of the day")
            << week << QList<QDate>{} << QList<Busy>{} << at(2, 6) << at(3, 0) << 90 << false
            << std::optional<Slot>(Slot{at(2, 8), at(2, 9, 30)});
        QTest::newRow("after a busy visit")
            << week << QList<QDate>{} << QList<Busy>{{at(2, 9), at(2, 10, 10)}} << at(2, 9) << at(3, 0) << 60 << false
            << std::optional<Slot>(Slot{at(2, 10, 15), at(2, 11, 15)});
        QTest::newRow("a gap too short is skipped")
            << week << QList<QDate>{} << QList<Busy>{{at(2, 8), at(2, 9)}, {at(2, 9, 30), at(2, 12)}} << at(2, 8)
            << at(3, 0) << 60 << false << std::optional<Slot>(Slot{at(2, 12), at(2, 13)});
        QTest::newRow("too late today: tomorrow morning")
            << week << QList<QDate>{} << QList<Busy>{} << at(2, 15, 30) << at(4, 0) << 60 << false
            << std::optional<Slot>(Slot{at(3, 8), at(3, 9)});
        QTest::newRow("too late today, due tonight: none")
            << week << QList<QDate>{} << QList<Busy>{} << at(2, 15, 30) << at(3, 0) << 60 << false
            << std::optional<Slot>();
        QTest::newRow("absent tomorrow: the day after")
            << week << QList<QDate>{QDate(2026, 3, 3)} << QList<Busy>{} << at(2, 17) << at(6, 0) << 60 << false
            << std::optional<Slot>(Slot{at(4, 8), at(4, 9)});
        QTest::newRow("Friday evening: Monday")
            << week << QList<QDate>{} << QList<Busy>{} << at(6, 17) << at(12, 0) << 60 << true
            << std::optional<Slot>(Slot{at(9, 8), at(9, 9)});
        QTest::newRow("works Saturdays, calendar target: Saturday")
            << QList<int>{1, 2, 3, 4, 5, 6} << QList<QDate>{} << QList<Busy>{} << at(6, 17) << at(7, 17) << 60
            << false << std::optional<Slot>(Slot{at(7, 8), at(7, 9)});
        QTest::newRow("works Saturdays, working-day target: Monday")
            << QList<int>{1, 2, 3, 4, 5, 6} << QList<QDate>{} << QList<Busy>{} << at(6, 17) << at(12, 0) << 60
            << true << std::optional<Slot>(Slot{at(9, 8), at(9, 9)});
        QTest::newRow("must end by the due time")
            << week << QList<QDate>{} << QList<Busy>{} << at(2, 9) << at(2, 9, 50) << 60 << false
            << std::optional<Slot>();
        QTest::newRow("ends exactly at the end of the day")
            << week << QList<QDate>{} << QList<Busy>{{at(2, 8), at(2, 15)}} << at(2, 8) << at(3, 0) << 60 << false
            << std::optional<Slot>(Slot{at(2, 15), at(2, 16)});
    }
    void firstSlot()
    {
        QFETCH(QList<int>, days);
        QFETCH(QList<QDate>, absent);
        QFETCH(QList<Busy>, busy);
        QFETCH(QDateTime, from);
        QFETCH(QDateTime, due);
        QFETCH(int, minutes);
        QFETCH(bool, workingDaysOnly);
        QFETCH(std::optional<Slot>, slot);
        Technician t = tech(1, {C::Plumbing}, days);
        t.absentDays = absent;
        const auto found = MaintenanceRules::firstSlot(t, busy, from, due, minutes, workingDaysOnly);
        QCOMPARE(found.has_value(), slot.has_value());
        if (slot) {
            QCOMPARE(found->start, slot->start);
            QCOMPARE(found->end, slot->end);
        }
    }

    void assign_data()
    {
        QTest::addColumn<QList<MaintenanceRules::Candidate>>("candidates");
        QTest::addColumn<qint64>("expected"); // 0: nobody
        QTest::addColumn<QString>("why");
        const QList<Busy> none;
        const QList<Busy> fullMonday{{at(2, 8), at(2, 16)}};
        QTest::newRow("only the one with the skill")
            << QList<MaintenanceRules::Candidate>{{tech(1, {C::Heating}), 0, none}, {tech(2, {C::Plumbing}), 5, none}}
            << qint64(2) << QString();
        QTest::newRow("least open work")
            << QList<MaintenanceRules::Candidate>{{tech(1, {C::Plumbing}), 3, none}, {tech(2, {C::Plumbing}), 1, none},
                                                  {tech(3, {C::Plumbing}), 2, none}}
            << qint64(2) << QString();
        QTest::newRow("equal work: the lowest id")
            << QList<MaintenanceRules::Candidate>{{tech(4, {C::Plumbing}), 1, none}, {tech(3, {C::Plumbing}), 1, none}}
            << qint64(3) << QString();
        Technician absent = tech(1, {C::Plumbing});
        absent.absentDays = {QDate(2026, 3, 2)};
        QTest::newRow("least work but absent: the next")
            << QList<MaintenanceRules::Candidate>{{absent, 0, none}, {tech(2, {C::Plumbing}), 4, none}} << qint64(2)
            << QString();
        QTest::newRow("least work but not working Mondays: the next")
            << QList<MaintenanceRules::Candidate>{{tech(1, {C::Plumbing}, {2, 3, 4, 5}), 0, none},
                                                  {tech(2, {C::Plumbing}), 4, none}}
            << qint64(2) << QString();
        QTest::newRow("least work but fully booked: the next")
            << QList<MaintenanceRules::Candidate>{{tech(1, {C::Plumbing}), 0, fullMonday},
                                                  {tech(2, {C::Plumbing}), 4, none}}
            << qint64(2) << QString();
        Technician inactive = tech(1, {C::Plumbing});
        inactive.active = false;
        QTest::newRow("inactive: nobody") << QList<MaintenanceRules::Candidate>{{inactive, 0, none}} << qint64(0)
                                          << u"No active technician has the skill plumbing."_s;
        QTest::newRow("nobody with the skill")
            << QList<MaintenanceRules::Candidate>{{tech(1, {C::Heating}), 0, none}} << qint64(0)
            << u"No active technician has the skill plumbing."_s;
        QTest::newRow("skilled but all booked")
            << QList<MaintenanceRules::Candidate>{{tech(1, {C::Plumbing}), 0, fullMonday}} << qint64(0)
            << u"free slot"_s;
    }
    void assign()
    {
        QFETCH(QList<MaintenanceRules::Candidate>, candidates);
        QFETCH(qint64, expected);
        QFETCH(QString, why);
        QString reason;
        // Monday 08:00, emergency: due at midnight.
        const auto picked =
            MaintenanceRules::assign(C::Plumbing, candidates, at(2, 8), at(3, 0), 60, false, &reason);
        QCOMPARE(picked ? picked->technicianId : 0, expected);
        if (expected == 0)
            QVERIFY2(reason.contains(why), qPrintable(reason));
        else
            QVERIFY(picked->slot.start >= at(2, 8));
    }

    void estimate_data()
    {
        QTest::addColumn<int>("category");
        QTest::addColumn<int>("priority");
        QTest::addColumn<int>("cents"); // -1: none
        QTest::addColumn<int>("minutes");
        QTest::newRow("plumbing high") << int(C::Plumbing) << int(P::High) << 12000 << 90;
        QTest::newRow("plumbing routine") << int(C::Plumbing) << int(P::Routine) << 8000 << 90;
        QTest::newRow("locks emergency") << int(C::Locks) << int(P::Emergency) << 12000 << 45;
        QTest::newRow("no rate: no estimate, an hour") << int(C::Pest) << int(P::Low) << -1 << 60;
    }
    void estimate()
    {
        QFETCH(int, category);
        QFETCH(int, priority);
        QFETCH(int, cents);
        QFETCH(int, minutes);
        const QList<MaintenanceRate> rates{{C::Plumbing, P::High, 12000, 90},
                                           {C::Plumbing, P::Routine, 8000, 90},
                                           {C::Locks, P::Emergency, 12000, 45}};
        const auto e = MaintenanceRules::estimate(rates, C(category), P(priority));
        QCOMPARE(e ? *e : -1, cents);
        QCOMPARE(MaintenanceRules::visitMinutes(rates, C(category), P(priority)), minutes);
    }

    void transitions_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addColumn<bool>("allowed");
        const QList<std::pair<S, S>> allowed{{S::Open, S::Assigned},        {S::Open, S::Cancelled},
                                             {S::Assigned, S::Scheduled},   {S::Assigned, S::InProgress},
                                             {S::Assigned, S::Cancelled},   {S::Scheduled, S::InProgress},
                                             {S::Scheduled, S::Cancelled},  {S::InProgress, S::Done},
                                             {S::InProgress, S::Cancelled}};
        for (S from : Maintenance::states())
            for (S to : Maintenance::states())
                QTest::addRow("%s to %s", qPrintable(Maintenance::stateCode(from)), qPrintable(Maintenance::stateCode(to)))
                    << int(from) << int(to) << allowed.contains({from, to});
    }
    void transitions()
    {
        QFETCH(int, from);
        QFETCH(int, to);
        QFETCH(bool, allowed);
        QCOMPARE(MaintenanceRules::canTransition(S(from), S(to)), allowed);
        QCOMPARE(MaintenanceRules::refusal(7, S(from), S(to)).isEmpty(), allowed);
        if (!allowed)
            QVERIFY(MaintenanceRules::refusal(7, S(from), S(to)).contains(u"request 7"_s));
    }

    void attachments_data()
    {
        QTest::addColumn<QString>("filename");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("refusal"); // empty: accepted
        const QByteArray png = QByteArray::fromBase64(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
        QTest::newRow("a PNG photo") << u"leak.png"_s << png << QString();
        QTest::newRow("a PNG named .jpg: the content decides") << u"leak.jpg"_s << png << QString();
        QTest::newRow("a PDF") << u"quote.pdf"_s << QByteArray("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n") << QString();
        QTest::newRow("plain text") << u"notes.txt"_s << QByteArray("The tap drips.\n") << QString();
        QTest::newRow("a program") << u"photo.exe"_s << QByteArray("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16)
                                   << u"photo.exe is not a photo or document"_s;
        QTest::newRow("a program named .jpg: the content decides")
            << u"holiday.jpg"_s << QByteArray("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16)
            << u"holiday.jpg is not a photo or document"_s;
        QTest::newRow("unknown bytes named .png") << u"photo.png"_s << QByteArray("\x01\x02\x03\x00\xff\xfe", 6)
                                                  << u"photo.png is not a photo or document"_s;
        QTest::newRow("a shell script") << u"fix.sh"_s << QByteArray("#!/bin/sh\nrm -rf /\n")
                                        << u"fix.sh is not a photo or document"_s;
        QTest::newRow("empty") << u"empty.png"_s << QByteArray() << u"empty.png is empty"_s;
        QTest::newRow("too large") << u"huge.txt"_s << QByteArray(MaintenanceRules::kMaxAttachmentBytes + 1, 'a')
                                   << u"huge.txt is 10.0 MB; attachments may be at most 10 MB"_s;
    }
    void attachments()
    {
        QFETCH(QString, filename);
        QFETCH(QByteArray, content);
        QFETCH(QString, refusal);
        const QString type = MaintenanceRules::detectMimeType(filename, content);
        const QString why = MaintenanceRules::attachmentRefusal(filename, content.size(), type);
        if (refusal.isEmpty())
            QVERIFY2(why.isEmpty(), qPrintable(why + u" / "_s + type));
        else
            QVERIFY2(why.contains(refusal), qPrintable(why));
    }

    void planPeriods_data()
    {
        QTest::addColumn<QDate>("startsOn");
        QTest::addColumn<int>("months");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<int>("period");
        QTest::newRow("before the start") << QDate(2026, 1, 15) << 3 << QDate(2026, 1, 14) << -1;
        QTest::newRow("the first day") << QDate(2026, 1, 15) << 3 << QDate(2026, 1, 15) << 0;
        QTest::newRow("a day before the second") << QDate(2026, 1, 15) << 3 << QDate(2026, 4, 14) << 0;
        QTest::newRow("the second") << QDate(2026, 1, 15) << 3 << QDate(2026, 4, 15) << 1;
        QTest::newRow("a year later, 6 months") << QDate(2026, 1, 31) << 6 << QDate(2027, 2, 1) << 2;
        QTest::newRow("month ends clip") << QDate(2026, 1, 31) << 1 << QDate(2026, 2, 28) << 1;
    }
    void planPeriods()
    {
        QFETCH(QDate, startsOn);
        QFETCH(int, months);
        QFETCH(QDate, today);
        QFETCH(int, period);
        MaintenancePlan p;
        p.startsOn = startsOn;
        p.periodMonths = months;
        QCOMPARE(p.currentPeriod(today), period);
    }
};

QTEST_GUILESS_MAIN(TestMaintenanceRules)
#include "tst_maintenancerules.moc"
