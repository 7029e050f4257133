#pragma once

#include "models/db/transaction.h"
#include "tasks/jobclock.h"
#include "tasks/jobstore.h"
#include "ui/outbox/outboxchannel.h"

// The fields every outbox record has under the same names (OutboxEmail, SmsRecord), as
// a row shows them; the channel adds the rest (to, content, tooltips, answer).
template<typename Record> OutboxRow outboxRowBase(const Record &record)
{
    OutboxRow r;
    r.id = record.id;
    r.state = record.state;
    r.version = record.version;
    r.updatedAt = record.updatedAt;
    r.name = record.toName;
    r.attempts = record.attempts;
    r.maxAttempts = record.maxAttempts;
    r.lastError = record.lastError;
    r.resolution = record.resolution;
    r.resolvedBy = record.resolvedBy;
    r.createdAt = record.createdAt;
    r.sentAt = record.sentAt;
    return r;
}

// Fills a channel's data functions from an outbox store with the e-mail outbox's
// interface (tasks/mail/outbox.h, tasks/sms/smsoutbox.h): list() and countByState() for
// the rows, retry(), resolveUncertain(), and for "Send now" makeWaitingDue() and
// ensureDrain() in one transaction. `toRow` turns one of the store's records into what
// the dock shows; it runs on the executor's read pool.
//
//   setOutboxStoreData<SmsOutbox, SmsRecord>(channel, &toRow);
template<typename Store, typename Record>
void setOutboxStoreData(OutboxChannel &channel, OutboxRow (*toRow)(const Record &))
{
    channel.load = [toRow](Database &db, const OutboxQuery &query) {
        Store store(db);
        typename Store::ListFilter filter;
        filter.state = query.state;
        filter.search = query.search;
        filter.limit = query.limit;
        OutboxPage page;
        if (const Result<QList<Record>> records = store.list(filter); records) {
            QList<OutboxRow> rows;
            rows.reserve(records->size());
            for (const Record &record : records.value())
                rows.append(toRow(record));
            page.rows = std::move(rows);
        } else {
            page.rows = records.error();
        }
        page.counts = store.countByState();
        return page;
    };
    channel.retry = [](Database &db, qint64 id, int version, const Actor &actor) -> VoidResult {
        if (const Result<Record> r = Store(db).retry(id, actor, version); !r)
            return r.error();
        return {};
    };
    channel.decide = [](Database &db, qint64 id, int version, OutboxDecision decision,
                        const Actor &actor) -> VoidResult {
        const auto resolution =
            decision == OutboxDecision::MarkSent ? Store::Resolution::MarkSent : Store::Resolution::Resend;
        if (const Result<Record> r = Store(db).resolveUncertain(id, resolution, actor, version); !r)
            return r.error();
        return {};
    };
    channel.drainNow = [](Database &db, const Actor &actor) -> Result<EnqueueResult> {
        Transaction tx(db);
        if (!tx.ok())
            return tx.error();
        // "Send now" also means now for messages waiting for a retry (the person has
        // probably just fixed the server or gateway settings).
        if (const Result<int> due = Store(db).makeWaitingDue(); !due)
            return due.error();
        Result<EnqueueResult> drain = Store::ensureDrain(db, JobClock::system(), actor);
        if (!drain)
            return drain;
        if (auto r = tx.commit(); !r)
            return r.error();
        return drain;
    };
}
