#pragma once

#include "tasks/sms/smssettings.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QString>

// One text message POSTed to the HTTP gateway (QNetworkAccessManager awaited through
// QCoro; no thread blocks). Run it on a thread with an event loop (a job's runner
// thread). Never throws.
//
// The outcome follows the e-mail outbox's rules (tasks/mail/outbox.h, step 4):
//  - 2xx: Sent, with the status and the start of the answer as the reply;
//  - 4xx: Permanent (the gateway refused this message), except 401/403 (the
//    credentials: a problem of the settings, scope Server), 408 and 429 (Transient);
//  - 5xx: Transient (the gateway did not take it; tried again later);
//  - no connection (refused, unknown host, TLS, a timeout before the request was
//    written): Transient, scope Server — nothing went out;
//  - the request went out but no answer came (a timeout or a closed connection after
//    the body was written): Uncertain — the gateway may have taken it; never sent again
//    automatically.
class SmsGateway
{
    Q_DECLARE_TR_FUNCTIONS(SmsGateway)
public:
    struct Outcome
    {
        enum class Kind { Sent, Transient, Permanent, Uncertain };
        enum class Scope { Message, Server };
        Kind kind = Kind::Transient;
        Scope scope = Scope::Message;
        int status = 0; // the HTTP status, 0 when none came
        QString reply;  // "HTTP 200: …" when sent
        QString error;  // translated cause otherwise
        bool isSent() const { return kind == Kind::Sent; }
    };

    explicit SmsGateway(SmsSettings settings);

    // `to` in E.164.
    QCoro::Task<Outcome> send(QString to, QString text, QString name = {}) const;

private:
    SmsSettings m_settings;
};
