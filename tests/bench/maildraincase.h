#pragma once

#include "tests/bench/benchcase.h"

// mail_drain: 200 e-mails (one with a 100 KiB PDF-like attachment in ten) queued in
// the outbox, then sent by one mail.send job in an in-process engine through a real
// local SMTP server (tests/support/smtpsink.py: aiosmtpd, STARTTLS, AUTH); e-mails
// per second from the drain's start to its end (the job's started_at and
// finished_at), median over --runs. Every e-mail goes through the full at-most-once
// bookkeeping (attempt committed before, outcome after). Unit "mails/s".
class MailDrainCase
{
public:
    static QString name() { return QStringLiteral("mail_drain"); }
    static QString description()
    {
        return QStringLiteral(
            "mails/s of one mail.send job sending 200 outbox e-mails to a local STARTTLS+AUTH sink");
    }
    static int run(const BenchOptions &options);
};
