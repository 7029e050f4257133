#pragma once

#include "models/core/actor.h"
#include "models/core/listquery.h"
#include "models/db/result.h"
#include "models/housing/resident.h"
#include "tasks/jobclock.h"
#include "tasks/mail/outboxmessage.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

class Database;
struct Allocation;

// A bulk e-mail to residents: the residents a filter selects (status, and building:
// those holding a bed there today), a subject and body template with placeholders
// ({first_name}, {last_name}, {student_id}, {email}, and from the room the resident
// holds today {room} (its number) and {building} (its building's name), empty for a
// resident without one), one outbox e-mail per resident. Each e-mail's dedupe key is
// "mailing/<mailing key>/resident/<id>", and the mailing key is derived from the
// subject, body and filter (or given explicitly), so running the same mailing again —
// a retried job, a second click, a script run twice — queues nothing twice.
//
// SQL on the calling thread's connection (a DbExecutor write thread or the command
// line), never the GUI thread. A value type.
//
//   ResidentMailing mailing({.subject = u"Water off on {first_name}'s floor"_s, .body = text, .status =
//   u"active"_s}); if (auto errors = mailing.validate(); !errors.isEmpty()) ... auto preview =
//   mailing.preview(db, 3);           // the first three messages auto done = mailing.enqueue(db, actor); //
//   {queued, existing, drain job}
class ResidentMailing
{
    Q_DECLARE_TR_FUNCTIONS(ResidentMailing)
public:
    struct Options
    {
        QString subject;      // template
        QString body;         // template
        QString status;       // resident status code; empty: every resident
        QString buildingCode; // only residents holding a bed in this building today
        QString mailingKey;   // empty: derived from subject, body and filter
    };

    explicit ResidentMailing(Options options, const JobClock &clock = JobClock::system());

    // "first_name", "last_name", "student_id", "email", "room", "building"
    static QStringList placeholders();
    // Unknown placeholders (named), an empty subject, an unknown status. An unknown
    // building code is found by the calls that read the database (field "building").
    QList<FieldError> validate() const;
    // The template with the resident's values in place of the placeholders.
    // {room} and {building} come from `current` (the resident's allocation; null: empty).
    static QString render(const QString &text, const Resident &resident);
    static QString render(const QString &text, const Resident &resident, const Allocation *current);
    QString mailingKey() const;

    Result<QList<OutboxMessage>> preview(Database &db, int count) const;
    Result<qint64> countRecipients(Database &db) const;

    struct Summary
    {
        int matched = 0;  // residents the filter selected
        int queued = 0;   // new e-mails
        int existing = 0; // already queued by an earlier run of the same mailing
        qint64 drainJobId = 0;
        QString mailingKey;
    };
    // Enqueues in chunks of `chunk` residents, one transaction each (each chunk is
    // idempotent by its dedupe keys, so an interrupted run is completed by a re-run).
    Result<Summary> enqueue(Database &db, const Actor &actor, int chunk = 500) const;

private:
    OutboxMessage messageFor(const Resident &resident, const Allocation *current) const;
    Result<ListFilter> filter(Database &db) const;
    Result<QList<OutboxMessage>> messagesFor(Database &db, const QList<Resident> &residents) const;

    Options m_options;
    const JobClock &m_clock;
};
