// The outbox store on a real database (SQLite and PostgreSQL): enqueue joins the
// caller's transaction and is idempotent by key, and the steps of the at-most-once
// protocol (claim, attempt, outcome, orphans, a person's decision).
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "tasks/jobclock.h"
#include "tasks/jobstore.h"
#include "tasks/mail/outbox.h"
#include "tests/support/testdatabase.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kStart = 1'800'000'000'000;
constexpr qint64 kLease = 30'000;

OutboxMessage message(const QString &to, const QString &key = {})
{
    OutboxMessage m;
    m.toAddress = to;
    m.toName = u"Ana Pérez"_s;
    m.subject = u"Your report"_s;
    m.bodyText = u"Hello,\nthe report is attached.\n"_s;
    m.dedupeKey = key;
    return m;
}

Actor actor()
{
    return TestDatabase::actorFor(TestDatabase::Person::Admin, u"alice"_s, Actor::Role::Admin);
}

} // namespace

class TestOutbox : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    ManualClock m_clock{kStart};

    Database &db() { return m_t->db(); }
    Outbox outbox() { return Outbox(db(), m_clock); }

    qint64 scalar(const QString &sql, const QVariantList &values = {})
    {
        SqlStatement st(db(), sql);
        for (const QVariant &v : values)
            st.bind(v);
        if (auto r = st.exec(); !r) {
            qWarning("%s", qPrintable(r.error().detail));
            return -1;
        }
        return st.next() ? st.value(0).toLongLong() : -1;
    }

    qint64 enqueued(const OutboxMessage &m)
    {
        const Result<Outbox::Enqueued> r = outbox().enqueue(m, actor());
        if (!r) {
            qWarning("%s", qPrintable(r.error().text()));
            return 0;
        }
        return r->id;
    }

    // The mail.send drain job claimed by `owner` (as an engine would), or 0.
    qint64 claimDrainJob(const QString &owner)
    {
        const Result<QList<Job>> jobs =
            JobStore(db(), m_clock).claim(owner, {{u"mail.send"_s, 1}}, 1, kLease);
        if (!jobs || jobs->isEmpty())
            return 0;
        return jobs->first().id;
    }

    // A running mail.send job of its own for `owner` (a live drain on that worker).
    qint64 liveDrain(const QString &owner)
    {
        JobRequest request;
        request.kind = u"mail.send"_s;
        if (!JobStore(db(), m_clock).enqueue(request, actor()))
            return 0;
        return claimDrainJob(owner);
    }

    // An e-mail taken through claim and beginAttempt by `owner` under job `jobId`.
    std::optional<Outbox::Attempt> startSending(qint64 emailId, const QString &owner, qint64 jobId)
    {
        const Result<QList<OutboxEmail>> claimed = outbox().claimDue(owner, 10, 600000);
        if (!claimed)
            return std::nullopt;
        const Result<std::optional<Outbox::Attempt>> begun = outbox().beginAttempt(emailId, owner, jobId);
        if (!begun)
            return std::nullopt;
        return begun.value();
    }

    OutboxEmail email(qint64 id)
    {
        const Result<OutboxEmail> e = outbox().get(id, true);
        return e ? e.value() : OutboxEmail{};
    }

private Q_SLOTS:
    void init()
    {
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
        m_clock.set(kStart);
    }

    void cleanup() { m_t.reset(); }

    void enqueueStoresTheEmailItsAttachmentAndOneDrainJob()
    {
        OutboxMessage m = message(u"ana@example.org"_s, u"report-finalized/42/r2"_s);
        const QByteArray pdf =
            QByteArray("%PDF-1.4\n") + QByteArray(5000, '\x01') + QByteArray("\x00\xff", 2);
        m.attachments.append({0, u"report-42.pdf"_s, u"application/pdf"_s, pdf, 0});
        m.relatedEntity = u"report"_s;
        m.relatedId = 42;
        const Result<Outbox::Enqueued> first = outbox().enqueue(m, actor());
        QVERIFY2(first, qPrintable(first.error().text()));
        QVERIFY(!first->existed);
        QVERIFY(first->drainJobId > 0);

        const OutboxEmail e = email(first->id);
        QCOMPARE(e.state, OutboxState::Queued);
        QCOMPARE(e.toAddress, u"ana@example.org"_s);
        QCOMPARE(e.toName, u"Ana Pérez"_s);
        QCOMPARE(e.attempts, 0);
        QCOMPARE(e.maxAttempts, Outbox::kDefaultMaxAttempts);
        QCOMPARE(e.nextAttemptAt, kStart);
        QCOMPARE(e.createdBy, actor().username);
        QCOMPARE(e.relatedEntity, u"report"_s);
        QCOMPARE(e.relatedId, 42);
        QCOMPARE(e.version, 1);
        QVERIFY2(QRegularExpression(u"^<[0-9a-f-]{36}@residesk\\.local>$"_s).match(e.messageId).hasMatch(),
                 qPrintable(e.messageId));
        QCOMPARE(e.attachmentCount, 1);
        QCOMPARE(e.attachments.size(), 1);
        QCOMPARE(e.attachments.first().filename, u"report-42.pdf"_s);
        QCOMPARE(e.attachments.first().mimeType, u"application/pdf"_s);
        QCOMPARE(e.attachments.first().size, pdf.size());
        QCOMPARE(e.attachments.first().content, pdf);

        // A second e-mail merges into the queued drain: one job for both.
        const Result<Outbox::Enqueued> second = outbox().enqueue(message(u"ben@example.org"_s), actor());
        QVERIFY(second);
        QCOMPARE(second->drainJobId, first->drainJobId);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM jobs WHERE kind = 'mail.send'"_s), 1);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM jobs WHERE unique_key = 'mail.send' AND state = 'queued'"_s),
                 1);
    }

    void sameDedupeKeyTwiceIsOneEmail()
    {
        // Both inside one caller transaction: the duplicate must not abort it (PostgreSQL).
        Transaction tx(db());
        QVERIFY(tx.ok());
        const Result<Outbox::Enqueued> a =
            outbox().enqueue(message(u"ana@example.org"_s, u"protocol-received/job7/1234"_s), actor());
        QVERIFY2(a, qPrintable(a.error().text()));
        OutboxMessage changed = message(u"other@example.org"_s, u"protocol-received/job7/1234"_s);
        changed.subject = u"Something else"_s;
        const Result<Outbox::Enqueued> b = outbox().enqueue(changed, actor());
        QVERIFY2(b, qPrintable(b.error().text()));
        QVERIFY(!a->existed);
        QVERIFY(b->existed);
        QCOMPARE(b->id, a->id);
        // The transaction is still usable after the duplicate.
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM outbox_emails"_s), 1);
        QVERIFY(tx.commit());
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM outbox_emails"_s), 1);
        QCOMPARE(email(a->id).toAddress, u"ana@example.org"_s); // the first one wins, untouched

        // And again later, outside any transaction.
        const Result<Outbox::Enqueued> c =
            outbox().enqueue(message(u"ana@example.org"_s, u"protocol-received/job7/1234"_s), actor());
        QVERIFY(c);
        QVERIFY(c->existed);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM outbox_emails"_s), 1);
    }

    void enqueueInARolledBackTransactionLeavesNothing()
    {
        {
            Transaction tx(db());
            QVERIFY(tx.ok());
            OutboxMessage m = message(u"ana@example.org"_s, u"report-finalized/7/r1"_s);
            m.attachments.append({0, u"r.pdf"_s, u"application/pdf"_s, QByteArray("%PDF"), 0});
            const Result<Outbox::Enqueued> r = outbox().enqueue(m, actor());
            QVERIFY2(r, qPrintable(r.error().text()));
            QCOMPARE(scalar(u"SELECT COUNT(*) FROM outbox_emails"_s), 1); // visible inside
            tx.rollback();
        }
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM outbox_emails"_s), 0);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM outbox_attachments"_s), 0);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM jobs WHERE kind = 'mail.send'"_s), 0);
        // The key is free again: the change that asked for the e-mail did not happen.
        const Result<Outbox::Enqueued> again =
            outbox().enqueue(message(u"ana@example.org"_s, u"report-finalized/7/r1"_s), actor());
        QVERIFY(again);
        QVERIFY(!again->existed);
    }

    void invalidMessagesNameTheField_data()
    {
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("field");
        QTest::newRow("bad address") << u"not-an-address"_s << u"Hello"_s << u"to"_s;
        QTest::newRow("no subject") << u"ana@example.org"_s << u"  "_s << u"subject"_s;
        QTest::newRow("header injection")
            << u"ana@example.org"_s << u"Hi\r\nBcc: all@example.org"_s << u"subject"_s;
    }

    void invalidMessagesNameTheField()
    {
        QFETCH(QString, to);
        QFETCH(QString, subject);
        QFETCH(QString, field);
        OutboxMessage m = message(to);
        m.subject = subject;
        const Result<Outbox::Enqueued> r = outbox().enqueue(m, actor());
        QVERIFY(!r);
        QCOMPARE(r.error().code, DbError::Code::Validation);
        bool named = false;
        for (const FieldError &e : r.error().fields)
            named = named || e.field == field;
        QVERIFY2(named, qPrintable(r.error().text()));
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM outbox_emails"_s), 0);
    }

    void enqueueManyQueuesTheValidOnesAndListsTheRefused()
    {
        Transaction tx(db());
        QVERIFY(tx.ok());
        QVERIFY(enqueued(message(u"ana@example.org"_s, u"protocol-received/job9/1"_s)) > 0);
        QList<OutboxMessage> batch{
            message(u"ana@example.org"_s, u"protocol-received/job9/1"_s), // there already
            message(u"not-an-address"_s, u"protocol-received/job9/2"_s),
            message(u"ben@example.org"_s, u"protocol-received/job9/3"_s),
            message(u"not-an-address"_s, u"protocol-received/job9/4"_s),
            message(u"ben@example.org"_s, u"protocol-received/job9/5"_s)};
        batch[2].relatedEntity = u"protocol"_s;
        batch[2].relatedId = 3;
        batch[4].attachments.append({0, u"r.pdf"_s, u"application/pdf"_s, QByteArray("%PDF"), 0});
        const Result<Outbox::EnqueuedMany> r = outbox().enqueueMany(batch, actor());
        QVERIFY2(r, qPrintable(r.error().text()));
        QCOMPARE(r->added, 1);
        QCOMPARE(r->existed, 1);
        QVERIFY(r->drainJobId > 0);
        QCOMPARE(r->refused.size(), 3);
        QCOMPARE(r->refused.at(0).first, 1);
        QVERIFY2(r->refused.at(0).second.contains(u"not-an-address"_s), qPrintable(r->refused.at(0).second));
        QCOMPARE(r->refused.at(1).first, 3); // the same bad address, remembered: still refused
        QCOMPARE(r->refused.at(2).first, 4);
        QVERIFY(tx.commit());

        QCOMPARE(scalar(u"SELECT COUNT(*) FROM outbox_emails"_s), 2);
        QCOMPARE(
            scalar(u"SELECT COUNT(*) FROM outbox_emails WHERE dedupe_key IN "
                   "('protocol-received/job9/2', 'protocol-received/job9/4', 'protocol-received/job9/5')"_s),
            0);
        const qint64 id =
            scalar(u"SELECT id FROM outbox_emails WHERE dedupe_key = 'protocol-received/job9/3'"_s);
        const OutboxEmail e = email(id);
        QCOMPARE(e.state, OutboxState::Queued);
        QCOMPARE(e.toAddress, u"ben@example.org"_s);
        QCOMPARE(e.subject, u"Your report"_s);
        QCOMPARE(e.bodyText, u"Hello,\nthe report is attached.\n"_s);
        QCOMPARE(e.relatedEntity, u"protocol"_s);
        QCOMPARE(e.relatedId, 3);
        QCOMPARE(e.createdBy, actor().username);
        QCOMPARE(e.nextAttemptAt, kStart);
        QVERIFY2(QRegularExpression(u"^<[0-9a-f-]{36}@residesk\\.local>$"_s).match(e.messageId).hasMatch(),
                 qPrintable(e.messageId));
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM jobs WHERE kind = 'mail.send'"_s), 1);

        // Nothing valid: nothing written, no drain asked for.
        const Result<Outbox::EnqueuedMany> none = outbox().enqueueMany({message(u"x"_s, u"k"_s)}, actor());
        QVERIFY(none);
        QCOMPARE(none->added, 0);
        QCOMPARE(none->refused.size(), 1);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM outbox_emails"_s), 2);
    }

    void attemptIsRecordedBeforeSendingAndItsOutcomeAfter()
    {
        const qint64 id = enqueued(message(u"ana@example.org"_s));
        const qint64 job = claimDrainJob(u"w1"_s);
        QVERIFY(job > 0);

        // Not claimed by w1 yet: no attempt.
        Result<std::optional<Outbox::Attempt>> early = outbox().beginAttempt(id, u"w1"_s, job);
        QVERIFY(early);
        QVERIFY(!early->has_value());

        const Result<QList<OutboxEmail>> claimed = outbox().claimDue(u"w1"_s, 10, 600000);
        QVERIFY(claimed);
        QCOMPARE(claimed->size(), 1);
        QCOMPARE(claimed->first().state, OutboxState::Queued); // a claim is only a reservation
        // Another worker's claim finds nothing.
        QCOMPARE(outbox().claimDue(u"w2"_s, 10, 600000)->size(), 0);
        // Someone else's job cannot start the attempt.
        QVERIFY(!outbox().beginAttempt(id, u"w2"_s, job)->has_value());

        const Result<std::optional<Outbox::Attempt>> begun = outbox().beginAttempt(id, u"w1"_s, job);
        QVERIFY(begun && begun->has_value());
        OutboxEmail e = email(id);
        QCOMPARE(e.state, OutboxState::Sending);
        QCOMPARE(e.attempts, 1);
        QCOMPARE(e.sendingOwner, u"w1"_s);
        QCOMPARE(e.sendingJobId, job);
        QCOMPARE(e.sendingStartedAt, kStart);
        // Twice is impossible: it is no longer queued.
        QVERIFY(!outbox().beginAttempt(id, u"w1"_s, job)->has_value());

        m_clock.advance(1500);
        const Result<OutboxEmail> sent =
            outbox().recordSent(*begun.value(), u"250 2.0.0 Ok: queued as 0001"_s);
        QVERIFY2(sent, qPrintable(sent.error().text()));
        QCOMPARE(sent->state, OutboxState::Sent);
        QCOMPARE(sent->sentAt, kStart + 1500);
        QCOMPARE(sent->serverReply, u"250 2.0.0 Ok: queued as 0001"_s);
        QVERIFY(sent->claimOwner.isEmpty());
        // Recording again (a stale caller) changes nothing.
        QCOMPARE(outbox().recordFailed(*begun.value(), u"late"_s).error().code, DbError::Code::LeaseLost);
        QCOMPARE(email(id).state, OutboxState::Sent);
    }

    void anOrphanedAttemptBecomesUncertainAndIsNeverSentAgain()
    {
        const qint64 id = enqueued(message(u"ana@example.org"_s));
        const qint64 job = claimDrainJob(u"w1"_s);
        QVERIFY(job > 0);
        const std::optional<Outbox::Attempt> attempt = startSending(id, u"w1"_s, job);
        QVERIFY(attempt);

        // While w1's lease lives, the attempt is w1's.
        QCOMPARE(outbox().markOrphansUncertain().value(), 0);
        QCOMPARE(email(id).state, OutboxState::Sending);

        // w1 dies: its lease expires (a new worker takes the job over).
        m_clock.advance(kLease + 1);
        QVERIFY(claimDrainJob(u"w2"_s) == job);
        QCOMPARE(outbox().markOrphansUncertain().value(), 1);
        OutboxEmail e = email(id);
        QCOMPARE(e.state, OutboxState::Uncertain);
        QVERIFY(e.lastError.contains(u"may or may not"_s));
        QCOMPARE(e.attempts, 1);

        // Never claimed again by a drain.
        m_clock.advance(24 * 3600 * 1000);
        QCOMPARE(outbox().claimDue(u"w2"_s, 10, 600000)->size(), 0);

        // A person decides: send again. Recorded, and queued now.
        QCOMPARE(
            outbox().resolveUncertain(id, Outbox::Resolution::Resend, actor(), e.version + 7).error().code,
            DbError::Code::Conflict);
        const Result<OutboxEmail> resent =
            outbox().resolveUncertain(id, Outbox::Resolution::Resend, actor(), e.version);
        QVERIFY2(resent, qPrintable(resent.error().text()));
        QCOMPARE(resent->state, OutboxState::Queued);
        QCOMPARE(resent->resolution, u"resent"_s);
        QCOMPARE(resent->resolvedBy, actor().username);
        QCOMPARE(resent->resolvedAt, m_clock.nowMs());
        QCOMPARE(resent->version, e.version + 1);
        QCOMPARE(outbox().claimDue(u"w2"_s, 10, 600000)->size(), 1);
        // The dead worker's late word no longer counts: a person decided.
        QCOMPARE(outbox().recordSent(*attempt, u"250 late"_s).error().code, DbError::Code::LeaseLost);
        QCOMPARE(email(id).state, OutboxState::Queued);
        // Only uncertain e-mails take a decision.
        QCOMPARE(outbox().resolveUncertain(id, Outbox::Resolution::MarkSent, actor()).error().code,
                 DbError::Code::InvalidState);
    }

    void markAsSentIsRecorded()
    {
        const qint64 id = enqueued(message(u"ana@example.org"_s));
        const qint64 job = claimDrainJob(u"w1"_s);
        const std::optional<Outbox::Attempt> attempt = startSending(id, u"w1"_s, job);
        QVERIFY(attempt);
        QVERIFY(outbox().recordUncertain(*attempt, u"connection lost after the body"_s));
        const Result<OutboxEmail> marked =
            outbox().resolveUncertain(id, Outbox::Resolution::MarkSent, actor());
        QVERIFY2(marked, qPrintable(marked.error().text()));
        QCOMPARE(marked->state, OutboxState::Sent);
        QCOMPARE(marked->resolution, u"marked_sent"_s);
        QCOMPARE(marked->resolvedBy, actor().username);
        QVERIFY(marked->sentAt > 0);
    }

    void aLateOutcomeOfAPresumedDeadSenderStillCounts()
    {
        const qint64 id = enqueued(message(u"ana@example.org"_s));
        const qint64 job = claimDrainJob(u"w1"_s);
        const std::optional<Outbox::Attempt> attempt = startSending(id, u"w1"_s, job);
        QVERIFY(attempt);
        m_clock.advance(kLease + 1);
        QCOMPARE(outbox().markOrphansUncertain().value(), 1);
        // w1 was only slow: its real outcome replaces the guess.
        const Result<OutboxEmail> sent = outbox().recordSent(*attempt, u"250 Ok"_s);
        QVERIFY2(sent, qPrintable(sent.error().text()));
        QCOMPARE(sent->state, OutboxState::Sent);
    }

    void transientFailuresWaitThenFail()
    {
        OutboxMessage m = message(u"ana@example.org"_s);
        m.maxAttempts = 2;
        const qint64 id = enqueued(m);
        const qint64 job = claimDrainJob(u"w1"_s);

        std::optional<Outbox::Attempt> attempt = startSending(id, u"w1"_s, job);
        QVERIFY(attempt);
        const Result<OutboxEmail> waiting =
            outbox().recordTransient(*attempt, u"Connection refused"_s, kStart + 60000);
        QVERIFY(waiting);
        QCOMPARE(waiting->state, OutboxState::Queued);
        QCOMPARE(waiting->nextAttemptAt, kStart + 60000);
        QCOMPARE(waiting->lastError, u"Connection refused"_s);
        // Not due before its time.
        QCOMPARE(outbox().claimDue(u"w1"_s, 10, 600000)->size(), 0);
        QCOMPARE(outbox().countDue().value(), 0);
        QCOMPARE(outbox().nextAttemptAt().value(), kStart + 60000);

        m_clock.set(kStart + 60000);
        QVERIFY(JobStore(db(), m_clock).heartbeat(u"w1"_s, {job}, kLease)->contains(job)); // w1 lives on
        attempt = startSending(id, u"w1"_s, job);
        QVERIFY(attempt);
        const Result<OutboxEmail> failed =
            outbox().recordTransient(*attempt, u"421 try later"_s, kStart + 180000);
        QVERIFY(failed);
        QCOMPARE(failed->state, OutboxState::Failed); // no attempts left
        QCOMPARE(failed->attempts, 2);

        // A person retries it: queued again with fresh attempts.
        QCOMPARE(outbox().resolveUncertain(id, Outbox::Resolution::Resend, actor()).error().code,
                 DbError::Code::InvalidState);
        const Result<OutboxEmail> retried = outbox().retry(id, actor(), failed->version);
        QVERIFY2(retried, qPrintable(retried.error().text()));
        QCOMPARE(retried->state, OutboxState::Queued);
        QCOMPARE(retried->attempts, 0);
        QCOMPARE(outbox().retry(id, actor()).error().code, DbError::Code::InvalidState);
    }

    void permanentFailureIsFailedWithTheReply()
    {
        const qint64 id = enqueued(message(u"nobody@example.org"_s));
        const qint64 job = claimDrainJob(u"w1"_s);
        const std::optional<Outbox::Attempt> attempt = startSending(id, u"w1"_s, job);
        QVERIFY(attempt);
        const Result<OutboxEmail> failed = outbox().recordFailed(*attempt, u"550 5.1.1 no such user"_s);
        QVERIFY(failed);
        QCOMPARE(failed->state, OutboxState::Failed);
        QCOMPARE(failed->lastError, u"550 5.1.1 no such user"_s);
        QCOMPARE(failed->toJson().value(u"error"_s).toString(), u"550 5.1.1 no such user"_s);
    }

    void anEnqueueWhileTheDrainRunsQueuesAnotherDrain()
    {
        enqueued(message(u"ana@example.org"_s));
        const qint64 running = claimDrainJob(u"w1"_s);
        QVERIFY(running > 0);
        // The running drain may be past its last scan: a second drain must follow it.
        const Result<Outbox::Enqueued> late = outbox().enqueue(message(u"ben@example.org"_s), actor());
        QVERIFY(late);
        QVERIFY(late->drainJobId != running);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM jobs WHERE kind = 'mail.send' AND state = 'queued' "
                        "AND unique_key = ?"_s,
                        {QString::fromLatin1(Outbox::kAfterRunningDrainKey)}),
                 1);
        // More e-mails merge into that one.
        const Result<Outbox::Enqueued> later = outbox().enqueue(message(u"cy@example.org"_s), actor());
        QVERIFY(later);
        QCOMPARE(later->drainJobId, late->drainJobId);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM jobs WHERE kind = 'mail.send'"_s), 2);
    }

    void aQueuedDrainCannotStartBeforeTheEnqueueingTransactionEnds()
    {
        if (!db().isPostgreSQL())
            QSKIP(
                "PostgreSQL row locks; on SQLite the enqueuing write transaction blocks every other writer, "
                "the claim included");
        enqueued(message(u"ana@example.org"_s)); // a queued drain exists
        std::unique_ptr<Database> worker = m_t->openAnother();
        {
            Transaction tx(db());
            QVERIFY(tx.ok());
            const Result<Outbox::Enqueued> late = outbox().enqueue(message(u"ben@example.org"_s), actor());
            QVERIFY(late);
            // Merged into the queued drain, which no worker may start (and scan) while
            // this e-mail is not yet visible.
            const Result<QList<Job>> early =
                JobStore(*worker, m_clock).claim(u"w1"_s, {{u"mail.send"_s, 1}}, 1, kLease);
            QVERIFY(early);
            QCOMPARE(early->size(), 0);
            QVERIFY(tx.commit());
        }
        const Result<QList<Job>> after =
            JobStore(*worker, m_clock).claim(u"w1"_s, {{u"mail.send"_s, 1}}, 1, kLease);
        QVERIFY(after);
        QCOMPARE(after->size(), 1);
        QCOMPARE(Outbox(*worker, m_clock).countDue().value(), 2);
    }

    void claimsAreDisjointAndReleased()
    {
        for (int i = 0; i < 5; ++i)
            enqueued(message(u"r%1@example.org"_s.arg(i)));
        for (const QString &owner : {u"w1"_s, u"w2"_s, u"w3"_s, u"w4"_s})
            QVERIFY(liveDrain(owner) > 0);
        const Result<QList<OutboxEmail>> a = outbox().claimDue(u"w1"_s, 3, 600000);
        const Result<QList<OutboxEmail>> b = outbox().claimDue(u"w2"_s, 3, 600000);
        QVERIFY(a && b);
        QCOMPARE(a->size(), 3);
        QCOMPARE(b->size(), 2);
        QList<qint64> ids;
        for (const OutboxEmail &e : a.value() + b.value())
            ids << e.id;
        std::sort(ids.begin(), ids.end());
        QCOMPARE(std::unique(ids.begin(), ids.end()), ids.end());

        QVERIFY(outbox().releaseClaims(u"w1"_s, {a->at(0).id}, kStart + 5000));
        QCOMPARE(outbox().claimDue(u"w3"_s, 10, 600000)->size(), 0); // released, but waits
        m_clock.set(kStart + 5000);
        QCOMPARE(outbox().claimDue(u"w3"_s, 10, 600000)->size(), 1);
        // An expired claim is free again.
        m_clock.advance(600001);
        QVERIFY(JobStore(db(), m_clock).heartbeat(u"w4"_s, {liveDrain(u"w4"_s)}, kLease));
        QCOMPARE(outbox().claimDue(u"w4"_s, 10, 600000)->size(), 5);
    }

    void aDeadDrainsClaimsAreFreeAtOnce()
    {
        for (int i = 0; i < 3; ++i)
            enqueued(message(u"r%1@example.org"_s.arg(i)));
        QVERIFY(claimDrainJob(u"w1"_s) > 0);
        QCOMPARE(outbox().claimDue(u"w1"_s, 10, 3600000)->size(), 3);
        QCOMPARE(outbox().countDue().value(), 0); // all reserved by a live drain
        QVERIFY(liveDrain(u"w2"_s) > 0);
        QCOMPARE(outbox().claimDue(u"w2"_s, 10, 3600000)->size(), 0);
        // w1 dies: its lease runs out long before its hour-long claims would.
        m_clock.advance(kLease + 1);
        QVERIFY(JobStore(db(), m_clock).heartbeat(u"w2"_s, {liveDrain(u"w2"_s)}, kLease));
        QCOMPARE(outbox().countDue().value(), 3);
        QCOMPARE(outbox().claimDue(u"w2"_s, 10, 3600000)->size(), 3);
    }

    void aWorkersOwnEarlierClaimsAndAttemptsAreTakenOver()
    {
        // w1's drain is cut off from the database mid-batch: its job goes back to the
        // queue with w1's claims and an attempt under way, and w1 runs the job again.
        for (int i = 0; i < 3; ++i)
            enqueued(message(u"r%1@example.org"_s.arg(i)));
        const qint64 job = claimDrainJob(u"w1"_s);
        QVERIFY(job > 0);
        const Result<QList<OutboxEmail>> batch = outbox().claimDue(u"w1"_s, 10, 600000);
        QVERIFY(batch);
        QCOMPARE(batch->size(), 3);
        const qint64 first = batch->first().id;
        QVERIFY(outbox().beginAttempt(first, u"w1"_s, job)->has_value());
        QVERIFY(JobStore(db(), m_clock).release(job, u"w1"_s));
        QCOMPARE(claimDrainJob(u"w1"_s), job);

        // To another worker's drain they are w1's, and w1 lives …
        QCOMPARE(outbox().markOrphansUncertain(u"w2"_s).value(), 0);
        QCOMPARE(outbox().countDue(u"w2"_s).value(), 0);
        QCOMPARE(outbox().claimDue(u"w2"_s, 10, 600000)->size(), 0);
        // … to w1's drain, an earlier drain's: the attempt is uncertain, the claims its own.
        QCOMPARE(outbox().countDue(u"w1"_s).value(), 2);
        QCOMPARE(outbox().markOrphansUncertain(u"w1"_s).value(), 1);
        QCOMPARE(email(first).state, OutboxState::Uncertain);
        QCOMPARE(email(first).attempts, 1);
        QCOMPARE(outbox().claimDue(u"w1"_s, 10, 600000)->size(), 2);
    }

    void nextDrainAtSaysWhenWhatWaitsIsFree()
    {
        QCOMPARE(outbox().nextDrainAt(u"w2"_s).value(), 0); // nothing waits
        const qint64 a = enqueued(message(u"a@example.org"_s));
        QCOMPARE(outbox().nextDrainAt(u"w2"_s).value(), kStart); // due now
        const qint64 job = claimDrainJob(u"w1"_s);
        QVERIFY(job > 0);
        QCOMPARE(outbox().claimDue(u"w1"_s, 10, 600000)->size(), 1);
        // Held by w1's live drain: free when its lease ends, unless renewed …
        QCOMPARE(outbox().nextDrainAt(u"w2"_s).value(), kStart + kLease + 1);
        // … but to w1 itself, now (an earlier drain's claim).
        QCOMPARE(outbox().nextDrainAt(u"w1"_s).value(), kStart);
        // A claim that ends before the lease: when it ends.
        QVERIFY(outbox().releaseClaims(u"w1"_s, {a}));
        QCOMPARE(outbox().claimDue(u"w1"_s, 10, 5000)->size(), 1);
        QCOMPARE(outbox().nextDrainAt(u"w2"_s).value(), kStart + 5001);
        // Being sent under w1's live lease: judged when the lease ends, unless renewed.
        QVERIFY(outbox().beginAttempt(a, u"w1"_s, job)->has_value());
        QCOMPARE(outbox().nextDrainAt(u"w2"_s).value(), kStart + kLease + 1);
        m_clock.advance(10000);
        QVERIFY(JobStore(db(), m_clock).heartbeat(u"w1"_s, {job}, kLease)->contains(job));
        QCOMPARE(outbox().nextDrainAt(u"w2"_s).value(), kStart + 10000 + kLease + 1);
        // w1 dies: now.
        m_clock.advance(kLease + 1);
        QCOMPARE(outbox().nextDrainAt(u"w2"_s).value(), m_clock.nowMs());
        QCOMPARE(outbox().markOrphansUncertain(u"w2"_s).value(), 1);
        QCOMPARE(outbox().nextDrainAt(u"w2"_s).value(), 0);
        // An e-mail for later: at its time.
        OutboxMessage later = message(u"b@example.org"_s);
        later.notBefore = m_clock.nowMs() + 60000;
        QVERIFY(enqueued(later) > 0);
        QCOMPARE(outbox().nextDrainAt(u"w2"_s).value(), m_clock.nowMs() + 60000);
    }

    void aWaitingDrainIsBroughtForwardNeverPutOff()
    {
        const Result<EnqueueResult> late = Outbox::ensureDrain(db(), m_clock, actor(), kStart + 3600000);
        QVERIFY(late);
        QVERIFY(!late->merged);
        const Result<EnqueueResult> sooner = Outbox::ensureDrain(db(), m_clock, actor(), kStart + 30000);
        QVERIFY(sooner);
        QCOMPARE(sooner->id, late->id);
        QCOMPARE(JobStore(db(), m_clock).get(late->id)->runAfter, kStart + 30000);
        QVERIFY(Outbox::ensureDrain(db(), m_clock, actor(), kStart + 7200000));
        QCOMPARE(JobStore(db(), m_clock).get(late->id)->runAfter, kStart + 30000);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM jobs WHERE kind = 'mail.send'"_s), 1);
    }

    // The drain holding the key may be another person's, whose job the enqueuing person
    // cannot see on PostgreSQL (row-level security): it is still brought forward.
    void anotherPersonsWaitingDrainIsBroughtForward()
    {
        using Person = TestDatabase::Person;
        const Actor housing = TestDatabase::actorFor(Person::Housing, u"hana"_s, Actor::Role::Housing);
        const Actor vet = TestDatabase::actorFor(Person::Vet, u"vera"_s, Actor::Role::Vet);
        const Result<EnqueueResult> late =
            Outbox::ensureDrain(m_t->dbAs(Person::Housing), m_clock, housing, kStart + 3600000);
        QVERIFY2(late, qPrintable(late ? QString() : late.error().text()));
        QVERIFY(!late->merged);
        const Result<EnqueueResult> sooner =
            Outbox::ensureDrain(m_t->dbAs(Person::Vet), m_clock, vet, kStart + 30000);
        QVERIFY2(sooner, qPrintable(sooner ? QString() : sooner.error().text()));
        QCOMPARE(sooner->id, late->id);
        QCOMPARE(JobStore(db(), m_clock).get(late->id)->runAfter, kStart + 30000);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM jobs WHERE kind = 'mail.send'"_s), 1);
    }

    // ... and share-locked while the enqueuing transaction runs, so that no worker starts
    // it (and scans the outbox) before the new e-mail is visible; no second drain is queued.
    void anotherPersonsQueuedDrainCannotStartBeforeTheEnqueueingTransactionEnds()
    {
        if (!db().isPostgreSQL())
            QSKIP("PostgreSQL row locks and row-level security; on SQLite the enqueuing write transaction "
                  "blocks "
                  "every other writer, the claim included (one person there)");
        using Person = TestDatabase::Person;
        const Actor housing = TestDatabase::actorFor(Person::Housing, u"hana"_s, Actor::Role::Housing);
        const Actor vet = TestDatabase::actorFor(Person::Vet, u"vera"_s, Actor::Role::Vet);
        const Result<Outbox::Enqueued> first =
            Outbox(m_t->dbAs(Person::Housing), m_clock).enqueue(message(u"ana@example.org"_s), housing);
        QVERIFY2(first, qPrintable(first ? QString() : first.error().text()));
        Database &vetDb = m_t->dbAs(Person::Vet);
        {
            Transaction tx(vetDb);
            QVERIFY(tx.ok());
            const Result<Outbox::Enqueued> second =
                Outbox(vetDb, m_clock).enqueue(message(u"ben@example.org"_s), vet);
            QVERIFY2(second, qPrintable(second ? QString() : second.error().text()));
            QCOMPARE(second->drainJobId, first->drainJobId);
            const Result<QList<Job>> early =
                JobStore(db(), m_clock).claim(u"w1"_s, {{u"mail.send"_s, 1}}, 1, kLease);
            QVERIFY(early);
            QCOMPARE(early->size(), 0);
            QVERIFY(tx.commit());
        }
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM jobs WHERE kind = 'mail.send'"_s), 1);
        const Result<QList<Job>> after =
            JobStore(db(), m_clock).claim(u"w1"_s, {{u"mail.send"_s, 1}}, 1, kLease);
        QVERIFY(after);
        QCOMPARE(after->size(), 1);
        QCOMPARE(outbox().countDue().value(), 2);
    }

    void listFiltersSearchesAndCounts()
    {
        const qint64 a = enqueued(message(u"ana@example.org"_s));
        OutboxMessage m = message(u"ben@example.org"_s);
        m.toName = u"Ben Okafor"_s;
        m.subject = u"Water outage"_s;
        const qint64 b = enqueued(m);
        const qint64 job = claimDrainJob(u"w1"_s);
        const std::optional<Outbox::Attempt> attempt = startSending(a, u"w1"_s, job);
        QVERIFY(attempt);
        QVERIFY(outbox().recordFailed(*attempt, u"550 no"_s));

        Result<QList<OutboxEmail>> all = outbox().list({});
        QVERIFY(all);
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->first().id, b); // newest first
        Outbox::ListFilter failed;
        failed.state = OutboxState::Failed;
        QCOMPARE(outbox().list(failed)->size(), 1);
        QCOMPARE(outbox().list(failed)->first().id, a);
        Outbox::ListFilter search;
        search.search = u"OUTAGE"_s;
        QCOMPARE(outbox().list(search)->size(), 1);
        search.search = u"okafor"_s;
        QCOMPARE(outbox().list(search)->first().id, b);
        search.search = u"100%_!"_s; // wildcards are literal
        QCOMPARE(outbox().list(search)->size(), 0);
        Outbox::ListFilter page;
        page.beforeId = b;
        QCOMPARE(outbox().list(page)->size(), 1);

        const QHash<OutboxState, int> counts = outbox().countByState().value();
        QCOMPARE(counts.value(OutboxState::Queued), 1);
        QCOMPARE(counts.value(OutboxState::Failed), 1);
        QCOMPARE(counts.value(OutboxState::Sent), 0);
    }

    void theDatabaseRefusesInconsistentRows()
    {
        const qint64 id = enqueued(message(u"ana@example.org"_s));
        // 'sending' without an owner, an unknown state: CHECK constraints.
        QVERIFY(!SqlStatement::run(db(), u"UPDATE outbox_emails SET state = 'sending' WHERE id = ?"_s, {id}));
        QVERIFY(!SqlStatement::run(db(), u"UPDATE outbox_emails SET state = 'lost' WHERE id = ?"_s, {id}));
        QVERIFY(!SqlStatement::run(db(), u"UPDATE outbox_emails SET state = 'sent' WHERE id = ?"_s, {id}));
        // Deleting an e-mail deletes its attachments.
        OutboxMessage m = message(u"ben@example.org"_s);
        m.attachments.append({0, u"a.txt"_s, u"text/plain"_s, QByteArray("x"), 0});
        const qint64 withFile = enqueued(m);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM outbox_attachments"_s), 1);
        QVERIFY(SqlStatement::run(db(), u"DELETE FROM outbox_emails WHERE id = ?"_s, {withFile}));
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM outbox_attachments"_s), 0);
    }
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
