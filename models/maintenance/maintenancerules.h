#pragma once

#include "models/maintenance/maintenance.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

#include <optional>

// The pure rules of maintenance, with no database: when a request is due, which
// technician takes it, what it is estimated to cost, the first free slot for the visit,
// which state changes are allowed, and which attachments are accepted. Thread-safe
// (no state); times keep the time spec they are given (the processing job passes local
// time, since technicians' hours are local; tests pass UTC).
//
//   const QDateTime due = MaintenanceRules::dueAt(target, reportedAt);
//   QString why;
//   auto picked = MaintenanceRules::assign(category, candidates, now, due, 90, true, &why);
//   if (!picked) notifyStaff(why);   // "No technician with the skill plumbing is free before …"
class MaintenanceRules
{
    Q_DECLARE_TR_FUNCTIONS(MaintenanceRules)
public:
    static constexpr qint64 kMaxAttachmentBytes = 10 * 1024 * 1024;
    static constexpr int kSlotStepMinutes = 15;

    // The end of the target: same_day → midnight after the day reported; hours →
    // reportedAt + hours; working_days → midnight after the n-th working day (Monday
    // to Friday) after the day reported (0: the day reported itself, if it is one).
    static QDateTime dueAt(const ResponseTarget &target, const QDateTime &reportedAt);
    static bool countsWorkingDays(const ResponseTarget &target)
    {
        return target.unit == ResponseTarget::Unit::WorkingDays;
    }

    struct Busy
    {
        QDateTime start;
        QDateTime end;
    };
    struct Slot
    {
        QDateTime start;
        QDateTime end;
        bool operator==(const Slot &) const = default;
    };
    // The first `minutes` long slot that starts at or after `from` (rounded up to the
    // next quarter hour) and ends by `due`: on a day the technician works and is not
    // absent (and a weekday when `workingDaysOnly`), inside their hours, overlapping
    // none of `busy`.
    static std::optional<Slot> firstSlot(const Technician &technician, const QList<Busy> &busy,
                                         const QDateTime &from, const QDateTime &due, int minutes,
                                         bool workingDaysOnly);

    struct Candidate
    {
        Technician technician;
        int openWork = 0;  // requests assigned, scheduled or in progress
        QList<Busy> busy;  // their slots
    };
    struct Assignment
    {
        qint64 technicianId = 0;
        Slot slot;
    };
    // The active technician with the skill and the least open work (then the lowest id)
    // who has a free slot before `due`; none: empty, and `why` says why for people.
    static std::optional<Assignment> assign(Maintenance::Category category, const QList<Candidate> &candidates,
                                            const QDateTime &from, const QDateTime &due, int minutes,
                                            bool workingDaysOnly, QString *why = nullptr);

    // The rate's amount for category and priority; empty when there is no rate.
    static std::optional<int> estimate(const QList<MaintenanceRate> &rates, Maintenance::Category category,
                                       Maintenance::Priority priority);
    // The visit's length (the rate's minutes; 60 without a rate).
    static int visitMinutes(const QList<MaintenanceRate> &rates, Maintenance::Category category,
                            Maintenance::Priority priority);

    static bool canTransition(Maintenance::State from, Maintenance::State to);
    // Why `from` → `to` is refused for request `id` (translated); empty if allowed.
    static QString refusal(qint64 id, Maintenance::State from, Maintenance::State to);

    // What attachments may be: photos (PNG, JPEG, GIF, WebP) and documents (PDF, plain
    // text), up to kMaxAttachmentBytes. The type is the content's, not the name's.
    static QStringList acceptedMimeTypes();
    static QString detectMimeType(const QString &filename, const QByteArray &content);
    // Why the file is refused, naming it ("holiday.exe is a program
    // (application/x-executable); attach photos (PNG, JPEG, GIF, WebP) or documents
    // (PDF, text)."); empty when accepted.
    static QString attachmentRefusal(const QString &filename, qint64 size, const QString &mimeType);
    static bool isImage(const QString &mimeType) { return mimeType.startsWith(QLatin1String("image/")); }
};
