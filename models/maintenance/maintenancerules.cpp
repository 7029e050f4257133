#include "models/maintenance/maintenancerules.h"

#include <QLocale>
#include <QMimeDatabase>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QDateTime startOfNextDay(const QDate &day, const QDateTime &like)
{
    return QDateTime(day.addDays(1), QTime(0, 0), like.timeSpec());
}

bool isWeekday(const QDate &day)
{
    return day.dayOfWeek() <= 5;
}

QDateTime roundUp(const QDateTime &t, int stepMinutes)
{
    const qint64 stepMs = qint64(stepMinutes) * 60 * 1000;
    const QDateTime midnight(t.date(), QTime(0, 0), t.timeSpec());
    const qint64 ms = midnight.msecsTo(t);
    const qint64 rounded = (ms + stepMs - 1) / stepMs * stepMs;
    return midnight.addMSecs(rounded);
}

} // namespace

QDateTime MaintenanceRules::dueAt(const ResponseTarget &target, const QDateTime &reportedAt)
{
    switch (target.unit) {
    case ResponseTarget::Unit::SameDay:
        return startOfNextDay(reportedAt.date().addDays(qMax(0, target.amount)), reportedAt);
    case ResponseTarget::Unit::Hours:
        return reportedAt.addSecs(qint64(qMax(0, target.amount)) * 3600);
    case ResponseTarget::Unit::WorkingDays: {
        QDate day = reportedAt.date();
        int counted = 0;
        while (counted < target.amount) {
            day = day.addDays(1);
            if (isWeekday(day))
                ++counted;
        }
        return startOfNextDay(day, reportedAt);
    }
    }
    return reportedAt;
}

std::optional<MaintenanceRules::Slot> MaintenanceRules::firstSlot(const Technician &technician,
                                                                   const QList<Busy> &busyIn,
                                                                   const QDateTime &from, const QDateTime &due,
                                                                   int minutes, bool workingDaysOnly)
{
    if (minutes <= 0 || !from.isValid() || !due.isValid() || due <= from)
        return std::nullopt;
    QList<Busy> busy = busyIn;
    std::sort(busy.begin(), busy.end(), [](const Busy &a, const Busy &b) { return a.start < b.start; });
    const QDateTime earliest = roundUp(from, kSlotStepMinutes);
    const QDate last = due.toTimeSpec(from.timeSpec()).date();
    for (QDate day = earliest.date(); day <= last; day = day.addDays(1)) {
        if (!technician.worksOn(day) || (workingDaysOnly && !isWeekday(day)))
            continue;
        const QDateTime dayStart = QDateTime(day, QTime(0, 0), from.timeSpec()).addSecs(qint64(technician.dayStarts) * 60);
        const QDateTime dayEnd = QDateTime(day, QTime(0, 0), from.timeSpec()).addSecs(qint64(technician.dayEnds) * 60);
        QDateTime t = qMax(dayStart, earliest);
        while (true) {
            const QDateTime end = t.addSecs(qint64(minutes) * 60);
            if (end > dayEnd || end > due)
                break;
            const auto clash = std::find_if(busy.cbegin(), busy.cend(),
                                            [&](const Busy &b) { return b.start < end && t < b.end; });
            if (clash == busy.cend())
                return Slot{t, end};
            t = roundUp(clash->end.toTimeSpec(from.timeSpec()), kSlotStepMinutes);
        }
    }
    return std::nullopt;
}

std::optional<MaintenanceRules::Assignment> MaintenanceRules::assign(Maintenance::Category category,
                                                                     const QList<Candidate> &candidates,
                                                                     const QDateTime &from, const QDateTime &due,
                                                                     int minutes, bool workingDaysOnly,
                                                                     QString *why)
{
    QList<const Candidate *> skilled;
    for (const Candidate &c : candidates)
        if (c.technician.active && c.technician.hasSkill(category))
            skilled.append(&c);
    std::stable_sort(skilled.begin(), skilled.end(), [](const Candidate *a, const Candidate *b) {
        if (a->openWork != b->openWork)
            return a->openWork < b->openWork;
        return a->technician.id < b->technician.id;
    });
    for (const Candidate *c : skilled) {
        if (const auto slot = firstSlot(c->technician, c->busy, from, due, minutes, workingDaysOnly))
            return Assignment{c->technician.id, *slot};
    }
    if (why) {
        const QString skill = Maintenance::categoryLabel(category).toLower();
        const QString dueText = QLocale::c().toString(due, u"yyyy-MM-dd HH:mm"_s);
        *why = skilled.isEmpty()
                   ? tr("No active technician has the skill %1.").arg(skill)
                   : tr("None of the %n technician(s) with the skill %1 has a free slot of %2 minutes before %3 "
                        "(working days, hours, absences and other visits considered).",
                        nullptr, int(skilled.size()))
                         .arg(skill)
                         .arg(minutes)
                         .arg(dueText);
    }
    return std::nullopt;
}

std::optional<int> MaintenanceRules::estimate(const QList<MaintenanceRate> &rates, Maintenance::Category category,
                                              Maintenance::Priority priority)
{
    for (const MaintenanceRate &r : rates)
        if (r.category == category && r.priority == priority)
            return r.amountCents;
    return std::nullopt;
}

int MaintenanceRules::visitMinutes(const QList<MaintenanceRate> &rates, Maintenance::Category category,
                                   Maintenance::Priority priority)
{
    for (const MaintenanceRate &r : rates)
        if (r.category == category && r.priority == priority)
            return r.minutes;
    return 60;
}

bool MaintenanceRules::canTransition(Maintenance::State from, Maintenance::State to)
{
    using S = Maintenance::State;
    switch (from) {
    case S::Open:
        return to == S::Assigned || to == S::Cancelled;
    case S::Assigned:
        return to == S::Scheduled || to == S::InProgress || to == S::Cancelled;
    case S::Scheduled:
        return to == S::InProgress || to == S::Cancelled;
    case S::InProgress:
        return to == S::Done || to == S::Cancelled;
    case S::Done:
    case S::Cancelled:
        return false;
    }
    return false;
}

QString MaintenanceRules::refusal(qint64 id, Maintenance::State from, Maintenance::State to)
{
    using S = Maintenance::State;
    if (canTransition(from, to))
        return {};
    const QString now = Maintenance::stateLabel(from).toLower();
    if (from == to)
        return tr("Maintenance request %1 is already %2.").arg(id).arg(now);
    if (Maintenance::isFinished(from))
        return tr("Maintenance request %1 is %2; a finished request does not change any more.").arg(id).arg(now);
    QString needed;
    switch (to) {
    case S::Assigned:
        needed = tr("only an open request can be assigned");
        break;
    case S::Scheduled:
        needed = tr("only an assigned request can be scheduled");
        break;
    case S::InProgress:
        needed = tr("only an assigned or scheduled request can be started");
        break;
    case S::Done:
        needed = tr("only a request in progress can be marked done");
        break;
    case S::Open:
        needed = tr("a request never goes back to open");
        break;
    case S::Cancelled:
        needed = tr("it cannot be cancelled");
        break;
    }
    return tr("Maintenance request %1 is %2; %3.").arg(id).arg(now, needed);
}

QStringList MaintenanceRules::acceptedMimeTypes()
{
    return {u"image/png"_s, u"image/jpeg"_s, u"image/gif"_s, u"image/webp"_s, u"application/pdf"_s,
            u"text/plain"_s};
}

QString MaintenanceRules::detectMimeType(const QString &filename, const QByteArray &content)
{
    static const QMimeDatabase mimes;
    // The content decides; the name only breaks ties between text types. A binary
    // content's own type wins over any name (a program named photo.jpg is a program),
    // and a binary content nothing recognises is refused whatever its name.
    const QMimeType byContent = mimes.mimeTypeForData(content);
    if (!content.isEmpty() && !byContent.inherits(u"text/plain"_s))
        return byContent.name();
    const QMimeType type = mimes.mimeTypeForFileNameAndData(filename, content);
    if (type.inherits(u"text/plain"_s) && !type.inherits(u"image/svg+xml"_s) &&
        type.name() != u"text/plain"_s && !content.contains('\0')) {
        // A .csv or .log is text for our purposes; scripts and markup are not.
        if (type.name() == u"text/csv"_s || type.name() == u"text/x-log"_s)
            return u"text/plain"_s;
    }
    return type.name();
}

QString MaintenanceRules::attachmentRefusal(const QString &filename, qint64 size, const QString &mimeType)
{
    const QString name = filename.isEmpty() ? tr("The file") : filename;
    if (size <= 0)
        return tr("%1 is empty; nothing to attach.").arg(name);
    if (size > kMaxAttachmentBytes)
        return tr("%1 is %2 MB; attachments may be at most %3 MB. Make the photo smaller or attach part of "
                  "the document.")
            .arg(name)
            .arg(QLocale::c().toString(double(size) / (1024 * 1024), 'f', 1))
            .arg(kMaxAttachmentBytes / (1024 * 1024));
    if (!acceptedMimeTypes().contains(mimeType))
        return tr("%1 is not a photo or document Residesk accepts (its content is %2); attach photos (PNG, "
                  "JPEG, GIF, WebP) or documents (PDF, plain text).")
            .arg(name, mimeType.isEmpty() ? tr("unknown") : mimeType);
    return {};
}
