#pragma once

#include "models/core/actor.h"
#include "models/core/listquery.h"
#include "models/db/result.h"
#include "tasks/jobclock.h"
#include "tasks/sms/smsoutbox.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

class Database;

// A bulk text message to residents: the residents a filter selects (status, building)
// whose contact preference includes text messages and who have a phone number, a text
// template with the placeholders of resident mailings (ResidentMailing::placeholders,
// rendered by ResidentMailing::render), one SMS outbox message per resident. The dedupe
// key is "mailing/<key>/resident/<id>/sms", the key derived from the text and filter
// (or given), so running the same mailing again queues nothing twice.
//
// SQL on the calling thread's connection, never the GUI thread. A value type.
class ResidentTexting
{
    Q_DECLARE_TR_FUNCTIONS(ResidentTexting)
public:
    struct Options
    {
        QString text;         // template
        QString status;       // resident status code; empty: every resident
        QString buildingCode; // only residents holding a bed in this building today
        QString mailingKey;   // empty: derived from the text and filter
    };

    explicit ResidentTexting(Options options, const JobClock &clock = JobClock::system());

    // An empty text, one longer than SmsOutbox::kTextMax, unknown placeholders (named).
    QList<FieldError> validate() const;
    QString mailingKey() const;

    Result<qint64> countRecipients(Database &db) const;
    Result<QList<SmsMessage>> preview(Database &db, int count) const;

    struct Summary
    {
        int matched = 0;
        int queued = 0;
        int existing = 0;
        qint64 drainJobId = 0;
        QString mailingKey;
    };
    // In chunks of `chunk` residents, one transaction each.
    Result<Summary> enqueue(Database &db, const Actor &actor, int chunk = 500) const;

private:
    Result<ListFilter> filter(Database &db) const;
    Result<QList<SmsMessage>> messagesFor(Database &db, const QList<struct Resident> &residents) const;

    Options m_options;
    const JobClock &m_clock;
};
