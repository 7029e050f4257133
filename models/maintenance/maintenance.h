#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

// The vocabulary of maintenance: categories, priorities, states and response targets,
// with their stable codes (stored in the database, used by the command line) and
// translated labels. Value types only; the rules are in MaintenanceRules, the SQL in
// the repositories.
struct Maintenance
{
    Q_GADGET
    Q_DECLARE_TR_FUNCTIONS(Maintenance)
public:
    enum class Category { Plumbing, Electrical, Heating, Furniture, Cleaning, Pest, Locks, Other };
    Q_ENUM(Category)
    enum class Priority { Emergency, High, Routine, Low };
    Q_ENUM(Priority)
    // open → assigned → scheduled → in_progress → done; any but done → cancelled.
    enum class State { Open, Assigned, Scheduled, InProgress, Done, Cancelled };
    Q_ENUM(State)

    static QList<Category> categories();
    static QList<Priority> priorities();
    static QList<State> states();

    static QString categoryCode(Category category); // "plumbing"
    static std::optional<Category> categoryFromCode(const QString &code);
    static QString categoryLabel(Category category); // translated
    // The English source of the label, for a translation other than the installed one
    // (tasks/i18n/messagetranslator.h), under the context "Maintenance".
    static const char *categorySource(Category category);
    static QString priorityCode(Priority priority);  // "emergency"
    static std::optional<Priority> priorityFromCode(const QString &code);
    static QString priorityLabel(Priority priority);
    static const char *prioritySource(Priority priority); // as categorySource()
    static QString stateCode(State state); // "in_progress"
    static std::optional<State> stateFromCode(const QString &code);
    static QString stateLabel(State state);
    // "plumbing, electrical, …" for messages and --help.
    static QString categoryCodes();
    static QString priorityCodes();
    static QString stateCodes();
    // Done or cancelled: nothing more happens to it.
    static bool isFinished(State state) { return state == State::Done || state == State::Cancelled; }
    // "12.50" from 1250 cents; "" for no estimate.
    static QString money(std::optional<int> cents);
};

// How soon a priority must be answered (table maintenance_targets).
struct ResponseTarget
{
    enum class Unit { SameDay, Hours, WorkingDays };
    Maintenance::Priority priority = Maintenance::Priority::Routine;
    int amount = 0;
    Unit unit = Unit::SameDay;
    int version = 1;

    static QString unitCode(Unit unit);
    static std::optional<Unit> unitFromCode(const QString &code);
    // "same day", "24 h", "3 working days" (translated).
    QString label() const;
    // The defaults: emergency same day, high 24 h, routine 3 working days, low 10.
    static QList<ResponseTarget> defaults();
};

// Estimate and visit length per category and priority (table maintenance_rates).
struct MaintenanceRate
{
    Maintenance::Category category = Maintenance::Category::Other;
    Maintenance::Priority priority = Maintenance::Priority::Routine;
    int amountCents = 0;
    int minutes = 60;
};

struct Technician
{
    qint64 id = 0;
    QString name;
    QString email;
    QList<Maintenance::Category> skills;
    QList<int> workingDays{1, 2, 3, 4, 5}; // ISO weekdays, 1 = Monday
    int dayStarts = 8 * 60;                // minutes after midnight
    int dayEnds = 16 * 60;
    bool active = true;
    QList<QDate> absentDays;
    // The language their job e-mails are written in: "en", "es", or empty for the
    // office's default (models/core/recipientlanguage.h).
    QString language;
    int version = 0;

    bool hasSkill(Maintenance::Category category) const { return skills.contains(category); }
    bool worksOn(const QDate &day) const
    {
        return workingDays.contains(day.dayOfWeek()) && !absentDays.contains(day);
    }
    QString skillCodes() const;   // "plumbing,heating"
    QString workingDayCodes() const; // "1,2,3,4,5"
    static QString hoursText(int minutes); // "08:00"
};
Q_DECLARE_METATYPE(Technician)

struct MaintenanceRequest
{
    qint64 id = 0;
    qint64 buildingId = 0;
    qint64 roomId = 0; // 0: the building's common area
    Maintenance::Category category = Maintenance::Category::Other;
    Maintenance::Priority priority = Maintenance::Priority::Routine;
    QString description;
    qint64 reportedByResidentId = 0; // 0: reported by staff
    QString reportedByStaff;         // the staff member's login when no resident
    bool permissionToEnter = false;
    Maintenance::State state = Maintenance::State::Open;
    qint64 technicianId = 0;
    std::optional<int> estimateCents;
    QDateTime slotStart; // UTC; null until scheduled
    QDateTime slotEnd;
    QDateTime reportedAt; // UTC
    QDateTime dueAt;      // UTC: reportedAt plus the priority's target
    bool needsAttention = false;
    QDateTime overdueFlaggedAt;
    bool tookRoomOut = false;
    QDateTime finishedAt;
    qint64 planId = 0;
    int planPeriod = -1;
    int version = 0;

    // Read-only, from the list view.
    QString buildingCode;
    QString buildingName;
    QString roomNumber;
    QString roomType;
    QString roomStatus;
    QString technicianName;
    QString technicianEmail;
    QString reporterName;
    QDateTime createdAt;
    QString createdBy;
    QDateTime updatedAt;
    QString updatedBy;

    // "NH/101", or "NH (common area)".
    QString placeLabel() const;
    // Past its due time at `now` and not finished.
    bool isOverdue(const QDateTime &now) const
    {
        return !Maintenance::isFinished(state) && dueAt.isValid() && dueAt < now;
    }
};
Q_DECLARE_METATYPE(MaintenanceRequest)

struct MaintenanceComment
{
    qint64 id = 0;
    qint64 requestId = 0;
    QString body;
    QString author;
    QDateTime createdAt;
};

struct MaintenanceAttachment
{
    qint64 id = 0;
    qint64 requestId = 0;
    QString filename;
    QString mimeType;
    qint64 size = 0;
    QByteArray content;   // empty when read without content
    QByteArray thumbnail; // PNG, small; empty for documents
    QDateTime createdAt;
    QString createdBy;
};
Q_DECLARE_METATYPE(MaintenanceAttachment)

// Preventive maintenance: every periodMonths from startsOn, a request for the
// building's common area (building only) or one per room of roomType.
struct MaintenancePlan
{
    qint64 id = 0;
    QString title;
    qint64 buildingId = 0; // 0: every building (then roomType is required)
    QString roomType;      // empty: the building's common area
    Maintenance::Category category = Maintenance::Category::Other;
    Maintenance::Priority priority = Maintenance::Priority::Routine;
    QString description;
    int periodMonths = 3;
    QDate startsOn;
    int lastPeriod = -1; // the last period created; -1: none yet
    bool active = true;
    int version = 0;
    QString buildingCode; // read-only

    // The first day of period `index` (0-based).
    QDate periodStart(int index) const { return startsOn.addMonths(index * periodMonths); }
    // The last period that has begun on `today` (-1 before startsOn).
    int currentPeriod(const QDate &today) const;
};
Q_DECLARE_METATYPE(MaintenancePlan)
