#include "models/maintenance/maintenance.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace {

template<typename E> QString joinCodes(const QList<E> &all, QString (*code)(E))
{
    QStringList codes;
    for (E e : all)
        codes << code(e);
    return codes.join(u", "_s);
}

} // namespace

QList<Maintenance::Category> Maintenance::categories()
{
    return {Category::Plumbing, Category::Electrical, Category::Heating, Category::Furniture,
            Category::Cleaning, Category::Pest,       Category::Locks,   Category::Other};
}

QList<Maintenance::Priority> Maintenance::priorities()
{
    return {Priority::Emergency, Priority::High, Priority::Routine, Priority::Low};
}

QList<Maintenance::State> Maintenance::states()
{
    return {State::Open, State::Assigned, State::Scheduled, State::InProgress, State::Done, State::Cancelled};
}

QString Maintenance::categoryCode(Category category)
{
    switch (category) {
    case Category::Plumbing:
        return u"plumbing"_s;
    case Category::Electrical:
        return u"electrical"_s;
    case Category::Heating:
        return u"heating"_s;
    case Category::Furniture:
        return u"furniture"_s;
    case Category::Cleaning:
        return u"cleaning"_s;
    case Category::Pest:
        return u"pest"_s;
    case Category::Locks:
        return u"locks"_s;
    case Category::Other:
        return u"other"_s;
    }
    return u"other"_s;
}

std::optional<Maintenance::Category> Maintenance::categoryFromCode(const QString &code)
{
    for (Category c : categories())
        if (categoryCode(c) == code.trimmed().toLower())
            return c;
    return std::nullopt;
}

const char *Maintenance::categorySource(Category category)
{
    switch (category) {
    case Category::Plumbing:
        return QT_TRANSLATE_NOOP("Maintenance", "Plumbing");
    case Category::Electrical:
        return QT_TRANSLATE_NOOP("Maintenance", "Electrical");
    case Category::Heating:
        return QT_TRANSLATE_NOOP("Maintenance", "Heating");
    case Category::Furniture:
        return QT_TRANSLATE_NOOP("Maintenance", "Furniture");
    case Category::Cleaning:
        return QT_TRANSLATE_NOOP("Maintenance", "Cleaning");
    case Category::Pest:
        return QT_TRANSLATE_NOOP("Maintenance", "Pest control");
    case Category::Locks:
        return QT_TRANSLATE_NOOP("Maintenance", "Locks and keys");
    case Category::Other:
        break;
    }
    return QT_TRANSLATE_NOOP("Maintenance", "Other");
}

QString Maintenance::categoryLabel(Category category)
{
    return tr(categorySource(category));
}

QString Maintenance::priorityCode(Priority priority)
{
    switch (priority) {
    case Priority::Emergency:
        return u"emergency"_s;
    case Priority::High:
        return u"high"_s;
    case Priority::Routine:
        return u"routine"_s;
    case Priority::Low:
        return u"low"_s;
    }
    return u"routine"_s;
}

std::optional<Maintenance::Priority> Maintenance::priorityFromCode(const QString &code)
{
    for (Priority p : priorities())
        if (priorityCode(p) == code.trimmed().toLower())
            return p;
    return std::nullopt;
}

const char *Maintenance::prioritySource(Priority priority)
{
    switch (priority) {
    case Priority::Emergency:
        return QT_TRANSLATE_NOOP("Maintenance", "Emergency");
    case Priority::High:
        return QT_TRANSLATE_NOOP("Maintenance", "High");
    case Priority::Routine:
        break;
    case Priority::Low:
        return QT_TRANSLATE_NOOP("Maintenance", "Low");
    }
    return QT_TRANSLATE_NOOP("Maintenance", "Routine");
}

QString Maintenance::priorityLabel(Priority priority)
{
    return tr(prioritySource(priority));
}

QString Maintenance::stateCode(State state)
{
    switch (state) {
    case State::Open:
        return u"open"_s;
    case State::Assigned:
        return u"assigned"_s;
    case State::Scheduled:
        return u"scheduled"_s;
    case State::InProgress:
        return u"in_progress"_s;
    case State::Done:
        return u"done"_s;
    case State::Cancelled:
        return u"cancelled"_s;
    }
    return u"open"_s;
}

std::optional<Maintenance::State> Maintenance::stateFromCode(const QString &code)
{
    for (State s : states())
        if (stateCode(s) == code.trimmed().toLower())
            return s;
    return std::nullopt;
}

QString Maintenance::stateLabel(State state)
{
    switch (state) {
    case State::Open:
        return tr("Open");
    case State::Assigned:
        return tr("Assigned");
    case State::Scheduled:
        return tr("Scheduled");
    case State::InProgress:
        return tr("In progress");
    case State::Done:
        return tr("Done");
    case State::Cancelled:
        return tr("Cancelled");
    }
    return tr("Open");
}

QString Maintenance::categoryCodes()
{
    return joinCodes(categories(), &categoryCode);
}

QString Maintenance::priorityCodes()
{
    return joinCodes(priorities(), &priorityCode);
}

QString Maintenance::stateCodes()
{
    return joinCodes(states(), &stateCode);
}

QString Maintenance::money(std::optional<int> cents)
{
    if (!cents)
        return {};
    return u"%1.%2"_s.arg(*cents / 100).arg(*cents % 100, 2, 10, QLatin1Char('0'));
}

QString ResponseTarget::unitCode(Unit unit)
{
    switch (unit) {
    case Unit::SameDay:
        return u"same_day"_s;
    case Unit::Hours:
        return u"hours"_s;
    case Unit::WorkingDays:
        return u"working_days"_s;
    }
    return u"same_day"_s;
}

std::optional<ResponseTarget::Unit> ResponseTarget::unitFromCode(const QString &code)
{
    for (Unit u : {Unit::SameDay, Unit::Hours, Unit::WorkingDays})
        if (unitCode(u) == code)
            return u;
    return std::nullopt;
}

QString ResponseTarget::label() const
{
    switch (unit) {
    case Unit::SameDay:
        return Maintenance::tr("same day");
    case Unit::Hours:
        return Maintenance::tr("%n h", nullptr, amount);
    case Unit::WorkingDays:
        return Maintenance::tr("%n working day(s)", nullptr, amount);
    }
    return {};
}

QList<ResponseTarget> ResponseTarget::defaults()
{
    using P = Maintenance::Priority;
    return {{P::Emergency, 0, Unit::SameDay},
            {P::High, 24, Unit::Hours},
            {P::Routine, 3, Unit::WorkingDays},
            {P::Low, 10, Unit::WorkingDays}};
}

QString Technician::skillCodes() const
{
    QStringList codes;
    for (Maintenance::Category c : skills)
        codes << Maintenance::categoryCode(c);
    return codes.join(u',');
}

QString Technician::workingDayCodes() const
{
    QStringList codes;
    for (int d : workingDays)
        codes << QString::number(d);
    return codes.join(u',');
}

QString Technician::hoursText(int minutes)
{
    return u"%1:%2"_s.arg(minutes / 60, 2, 10, QLatin1Char('0')).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QString MaintenanceRequest::placeLabel() const
{
    if (roomId == 0 || roomNumber.isEmpty())
        return Maintenance::tr("%1 (common area)").arg(buildingCode);
    return buildingCode + u'/' + roomNumber;
}

int MaintenancePlan::currentPeriod(const QDate &today) const
{
    if (!startsOn.isValid() || periodMonths <= 0 || today < startsOn)
        return -1;
    const int months = (today.year() - startsOn.year()) * 12 + (today.month() - startsOn.month());
    int k = months / periodMonths;
    while (k > 0 && periodStart(k) > today)
        --k;
    while (periodStart(k + 1) <= today)
        ++k;
    return k;
}
