#pragma once

#include "tasks/mail/mailsettings.h"
#include "tasks/mail/outboxemail.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QFuture>
#include <QString>

#include <memory>

class QThreadPool;

// What one SMTP conversation came to, classified for the outbox protocol
// (tasks/mail/outbox.h): whether the message may have reached the server decides
// between "safe to try again" and "uncertain".
struct SmtpResult
{
    enum class Kind {
        Sent,      // the server accepted the message (2xx after the body)
        Transient, // not delivered, may work later (unreachable, timeout before DATA, 4xx)
        Permanent, // not delivered, will not work as it is (5xx: bad address, login refused)
        Uncertain, // the body was sent but the final reply never came: maybe delivered
    };
    // Server: every e-mail would fail the same way now (unreachable, TLS, login);
    // the drain stops its batch instead of trying each e-mail.
    enum class Scope { Message, Server };

    Kind kind = Kind::Transient;
    Scope scope = Scope::Message;
    int curlCode = 0;
    long responseCode = 0;    // the last SMTP reply code
    QString reply;            // the server's reply that decided ("250 2.0.0 Ok: queued as …")
    QString error;            // for people: what failed, with the reply; empty when sent
    bool dataStarted = false; // the server said 354 and the body went out

    bool isSent() const { return kind == Kind::Sent; }
};

// Sends one outbox e-mail over SMTP with libcurl: smtp:// with STARTTLS required
// (CURLUSESSL_ALL) or plain for a local relay, smtps:// with implicit TLS; AUTH with
// the configured user; certificate verification always on (a CA file may be given);
// connect and overall timeouts. The message is built with curl's MIME API: a
// text/plain UTF-8 part (quoted-printable) and each attachment base64 with its file
// name and type; headers From, To (display names RFC 2047-encoded when not ASCII),
// Subject (encoded), Date, Message-ID (the outbox's, stable across attempts) and
// MIME-Version. The server's replies are read through CURLOPT_DEBUGFUNCTION, which
// also tells whether the body was handed over (see SmtpResult::Kind).
//
// send() blocks for up to the configured timeout: call it on a pool thread, never on
// the GUI thread. sendAsync() runs it on a small dedicated pool and returns a future
// for a coroutine to co_await (named local). Thread-safe; copies share one SMTP
// connection, which stays open between messages (one drain talks to the server over
// one connection) and is closed with the last copy; sends on it are sequential.
//
//   SmtpSender sender(settings);
//   auto future = sender.sendAsync(email);     // email with attachment content
//   const SmtpResult result = co_await future;
class SmtpSender
{
    Q_DECLARE_TR_FUNCTIONS(SmtpSender)
public:
    explicit SmtpSender(MailSettings settings);

    SmtpResult send(const OutboxEmail &email) const;
    QFuture<SmtpResult> sendAsync(const OutboxEmail &email) const;

    // The threads that run blocking SMTP conversations (a few; SMTP waits, it does not compute).
    static QThreadPool &pool();

    // Header helpers (public for tests): an RFC 2047 encoded-word sequence for
    // non-ASCII text (the text itself when it is plain ASCII), and a mailbox
    // "Name <address>" with the name quoted or encoded as needed.
    static QByteArray encodeHeaderText(const QString &text);
    static QByteArray formatMailbox(const QString &name, const QString &address);

private:
    struct Session;
    MailSettings m_settings;
    std::shared_ptr<Session> m_session; // shared by the copies a sendAsync() makes
};
