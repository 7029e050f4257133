#pragma once

#include "models/db/result.h"
#include "models/lab/report.h"
#include "tasks/mail/outboxemail.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

class Database;

// What became of the e-mail a finalized report sends to its client, as the outbox has
// it now. The report's finalize job names it (its result or checkpoint: "email_id", or
// "email_skipped" for a client without an address); the outbox row says whether it is
// queued, being sent, sent, failed or uncertain, and why; for an e-mail still queued,
// the last e-mail drain (mail.send) that failed after it was queued says why it has not
// gone out (no mail settings, a refused login …). Only "sent" means the server took it.
//
// read() runs SQL on the calling thread's connection: the report.finalize task on its
// runner thread, the window on the executor's read pool. A value type.
//
//   auto future = executor.read([report](Database &db) { return ReportEmail::read(db, report); });
//   const Result<ReportEmail> email = co_await future;
//   label->setText(email ? email->text() : QString());   // "E-mail to … sent at …."
struct ReportEmail
{
    Q_DECLARE_TR_FUNCTIONS(ReportEmail)

public:
    enum class Kind {
        None,    // not finalized, or its finalize job is no longer kept (pruned)
        Skipped, // the client has no e-mail address
        Email,   // an outbox e-mail
    };

    Kind kind = Kind::None;
    QString skipped;    // Skipped: why
    OutboxEmail email;  // Email: the outbox row (attachments not read)
    QString drainError; // Email, queued: why the last drain since it was queued stopped

    // The e-mail of this finalized report (Kind::None for a report not finalized).
    static Result<ReportEmail> read(Database &db, const Report &report);
    // The e-mail a finalize job's result or checkpoint names.
    static Result<ReportEmail> read(Database &db, const QJsonObject &finalizeRecord);

    // One sentence for people: "E-mail to office@… queued.", "E-mail to … sent at 10/03/26
    // 14:02.", "E-mail to … failed: 550 …", "E-mail to … queued, not sent: <why>";
    // empty for Kind::None.
    QString text() const;
    // Failed, uncertain, or queued and stopped by a drain: someone should look.
    bool needsAttention() const;
};
