#include "tasks/mail/smtpsender.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <curl/curl.h>

#include <memory>
#include <mutex>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSmtp, "residesk.mail.smtp")

namespace {

void globalInit()
{
    // curl_global_init is not thread-safe itself; once per process, before any handle.
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// What the debug callback learns about the conversation.
struct Conversation
{
    QByteArray lastCommand; // "EHLO", "AUTH", "MAIL", "RCPT", "DATA", "QUIT" …
    QByteArray lastReply;   // the last complete reply line from the server
    QByteArray commandOfLastReply;
    bool dataAccepted = false; // 354 after DATA: the body is going out
    bool finalReplySeen = false;
    QByteArray finalReply;  // the first reply after the body
    QStringList transcript; // for the debug log (no AUTH data)
};

int debugCallback(CURL *, curl_infotype type, char *data, size_t size, void *userp)
{
    auto *c = static_cast<Conversation *>(userp);
    const QByteArray text = QByteArray(data, qsizetype(size)).trimmed();
    if (text.isEmpty())
        return 0;
    if (type == CURLINFO_HEADER_OUT) {
        // A line answering a 334 challenge is AUTH data (credentials): it continues the
        // AUTH command and never reaches the log.
        if (c->lastReply.startsWith("334")) {
            c->transcript << u"> …"_s;
            return 0;
        }
        const qsizetype space = text.indexOf(' ');
        c->lastCommand = (space < 0 ? text : text.left(space)).toUpper();
        c->transcript << u"> "_s + (c->lastCommand == "AUTH" ? u"AUTH …"_s : QString::fromUtf8(text));
    } else if (type == CURLINFO_HEADER_IN) {
        // A multi-line reply arrives line by line ("250-…" then "250 …"); keep the last.
        for (const QByteArray &line : text.split('\n')) {
            const QByteArray l = line.trimmed();
            if (l.isEmpty())
                continue;
            c->transcript << u"< "_s + QString::fromUtf8(l);
            // libcurl says QUIT after a refused RCPT; the "221 Bye" must not hide the
            // refusal that decides whether the e-mail or the server was the problem.
            if (c->lastCommand == "QUIT")
                continue;
            c->lastReply = l;
            c->commandOfLastReply = c->lastCommand;
            if (c->dataAccepted && !c->finalReplySeen && c->lastCommand == "DATA" && !l.startsWith("354")) {
                c->finalReplySeen = true;
                c->finalReply = l;
            }
            if (c->lastCommand == "DATA" && l.startsWith("354"))
                c->dataAccepted = true;
        }
    }
    return 0;
}

int replyCode(const QByteArray &line)
{
    bool ok = false;
    const int code = line.left(3).toInt(&ok);
    return ok ? code : 0;
}

bool isAscii(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0x80 || c.unicode() < 0x20)
            return false;
    }
    return true;
}

struct CurlSlistDeleter
{
    void operator()(curl_slist *l) const { curl_slist_free_all(l); }
};
struct CurlMimeDeleter
{
    void operator()(curl_mime *m) const { curl_mime_free(m); }
};

curl_slist *append(curl_slist *list, const QByteArray &line)
{
    return curl_slist_append(list, line.constData());
}

} // namespace

// One libcurl easy handle kept for the sender's life: libcurl keeps the connection
// open after a message, so the next one (same server, same login) skips the TCP
// connect, TLS handshake and AUTH. Sends are sequential (the mutex makes sure).
struct SmtpSender::Session
{
    std::mutex mutex;
    CURL *handle = nullptr;
    ~Session()
    {
        if (handle)
            curl_easy_cleanup(handle); // says QUIT on an open connection
    }
};

SmtpSender::SmtpSender(MailSettings settings)
    : m_settings(std::move(settings))
    , m_session(std::make_shared<Session>())
{}

QThreadPool &SmtpSender::pool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(4);
        p->setObjectName(u"smtp"_s);
        return p;
    }();
    return *pool;
}

QFuture<SmtpResult> SmtpSender::sendAsync(const OutboxEmail &email) const
{
    return QtConcurrent::run(&pool(), [sender = *this, email] { return sender.send(email); });
}

QByteArray SmtpSender::encodeHeaderText(const QString &text)
{
    if (isAscii(text))
        return text.toUtf8();
    // Encoded words of at most 75 characters ("=?UTF-8?B?" + base64 + "?="), split on
    // whole characters (never inside a UTF-8 sequence or a surrogate pair), folded
    // with CRLF + space.
    constexpr qsizetype kMaxPayloadBytes = 45; // 60 base64 characters
    QList<QByteArray> words;
    QByteArray chunk;
    for (qsizetype i = 0; i < text.size(); ++i) {
        qsizetype n = (text.at(i).isHighSurrogate() && i + 1 < text.size()) ? 2 : 1;
        const QByteArray bytes = text.mid(i, n).toUtf8();
        if (chunk.size() + bytes.size() > kMaxPayloadBytes) {
            words << "=?UTF-8?B?" + chunk.toBase64() + "?=";
            chunk.clear();
        }
        chunk += bytes;
        i += n - 1;
    }
    if (!chunk.isEmpty())
        words << "=?UTF-8?B?" + chunk.toBase64() + "?=";
    return words.join("\r\n ");
}

QByteArray SmtpSender::formatMailbox(const QString &name, const QString &address)
{
    const QByteArray addr = '<' + address.trimmed().toUtf8() + '>';
    const QString n = name.trimmed();
    if (n.isEmpty())
        return addr;
    if (!isAscii(n))
        return encodeHeaderText(n) + ' ' + addr;
    QByteArray quoted = n.toUtf8();
    quoted.replace('\\', "\\\\").replace('"', "\\\"");
    return '"' + quoted + "\" " + addr;
}

SmtpResult SmtpSender::send(const OutboxEmail &email) const
{
    globalInit();
    SmtpResult result;
    const std::lock_guard lock(m_session->mutex);
    if (!m_session->handle)
        m_session->handle = curl_easy_init();
    if (!m_session->handle) {
        result.kind = SmtpResult::Kind::Transient;
        result.scope = SmtpResult::Scope::Server;
        result.error = tr("libcurl could not start an SMTP session.");
        return result;
    }
    CURL *h = m_session->handle;
    const MailSettings &s = m_settings;
    const QString fromAddress = email.fromAddress.isEmpty() ? s.fromAddress : email.fromAddress;
    const QString fromName = email.fromAddress.isEmpty() ? s.fromName : email.fromName;

    const QByteArray url = s.url().toUtf8();
    const QByteArray user = s.user.toUtf8();
    const QByteArray password = s.password.toUtf8();
    const QByteArray caFile = s.caFile.toLocal8Bit();
    const QByteArray mailFrom = '<' + fromAddress.toUtf8() + '>';
    const QByteArray rcpt = '<' + email.toAddress.toUtf8() + '>';

    curl_easy_setopt(h, CURLOPT_URL, url.constData());
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L); // threads: no SIGALRM for timeouts
    curl_easy_setopt(h, CURLOPT_USE_SSL,
                     long(s.security == MailSettings::Security::None ? CURLUSESSL_NONE : CURLUSESSL_ALL));
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!caFile.isEmpty())
        curl_easy_setopt(h, CURLOPT_CAINFO, caFile.constData());
    if (!user.isEmpty()) {
        curl_easy_setopt(h, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(h, CURLOPT_PASSWORD, password.constData());
    }
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, long(s.connectTimeoutMs));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, long(s.timeoutMs));
    curl_easy_setopt(h, CURLOPT_MAIL_FROM, mailFrom.constData());
    const std::unique_ptr<curl_slist, CurlSlistDeleter> recipients(append(nullptr, rcpt));
    curl_easy_setopt(h, CURLOPT_MAIL_RCPT, recipients.get());

    // Headers of the message (curl adds the multipart Content-Type itself).
    curl_slist *headerList = nullptr;
    headerList =
        append(headerList, "Date: " + QDateTime::currentDateTimeUtc().toString(Qt::RFC2822Date).toLatin1());
    headerList = append(headerList, "From: " + formatMailbox(fromName, fromAddress));
    headerList = append(headerList, "To: " + formatMailbox(email.toName, email.toAddress));
    headerList = append(headerList, "Subject: " + encodeHeaderText(email.subject));
    headerList = append(headerList, "Message-ID: " + email.messageId.toUtf8());
    headerList = append(headerList, "MIME-Version: 1.0");
    const std::unique_ptr<curl_slist, CurlSlistDeleter> headers(headerList);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());

    const std::unique_ptr<curl_mime, CurlMimeDeleter> mime(curl_mime_init(h));
    {
        curl_mimepart *text = curl_mime_addpart(mime.get());
        const QByteArray body = email.bodyText.toUtf8();
        curl_mime_data(text, body.constData(), size_t(body.size()));
        curl_mime_type(text, "text/plain; charset=UTF-8");
        curl_mime_encoder(text, "quoted-printable");
    }
    for (const OutboxAttachment &a : email.attachments) {
        curl_mimepart *part = curl_mime_addpart(mime.get());
        curl_mime_data(part, a.content.constData(), size_t(a.content.size()));
        const QByteArray filename = encodeHeaderText(a.filename).replace("\r\n ", " ");
        curl_mime_filename(part, filename.constData());
        const QByteArray type = (a.mimeType.isEmpty() ? u"application/octet-stream"_s : a.mimeType).toUtf8();
        curl_mime_type(part, type.constData());
        curl_mime_encoder(part, "base64");
    }
    curl_easy_setopt(h, CURLOPT_MIMEPOST, mime.get());

    Conversation conversation;
    curl_easy_setopt(h, CURLOPT_DEBUGFUNCTION, &debugCallback);
    curl_easy_setopt(h, CURLOPT_DEBUGDATA, &conversation);
    curl_easy_setopt(h, CURLOPT_VERBOSE, 1L);
    char errorBuffer[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errorBuffer);

    // Only after a message the server accepted does the connection stay for the next
    // one: after any failure it is closed, so that no half-finished SMTP transaction
    // (a refused recipient, a timeout) can confuse the next message's commands.
    // Runs after clearOptions (declared before it).
    bool keepConnection = false;
    const auto closeUnlessAccepted = qScopeGuard([this, &keepConnection] {
        if (!keepConnection) {
            curl_easy_cleanup(m_session->handle);
            m_session->handle = nullptr;
        }
    });
    // Declared last, so it runs first on return: the options are cleared (the
    // connection stays open for the next message) while the memory they point to —
    // MIME parts, header lists, the error buffer, the conversation — still exists.
    const auto clearOptions = qScopeGuard([h] { curl_easy_reset(h); });

    const CURLcode code = curl_easy_perform(h);
    long responseCode = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &responseCode);
    result.curlCode = int(code);
    result.responseCode = responseCode;
    result.dataStarted = conversation.dataAccepted;
    qCDebug(lcSmtp).noquote() << "SMTP" << email.messageId << conversation.transcript.join(u" | "_s);

    const QString curlText = QString::fromUtf8(errorBuffer[0] ? errorBuffer : curl_easy_strerror(code));
    const auto serverSaid = [](const QByteArray &reply) {
        return QString::fromUtf8(reply);
    };

    // 1. The server answered the body: its answer decides, whatever came after (a
    //    failed QUIT does not undo a 250).
    if (conversation.finalReplySeen) {
        const int reply = replyCode(conversation.finalReply);
        result.reply = serverSaid(conversation.finalReply);
        result.responseCode = reply;
        if (reply >= 200 && reply < 300) {
            result.kind = SmtpResult::Kind::Sent;
            keepConnection = code == CURLE_OK;
        } else {
            result.kind = reply >= 500 ? SmtpResult::Kind::Permanent : SmtpResult::Kind::Transient;
            result.error = tr("The SMTP server refused the message: %1").arg(result.reply);
        }
        return result;
    }
    if (code == CURLE_OK) {
        // Every step succeeded yet no reply was seen after the body (cannot happen with
        // a conforming server): libcurl only succeeds on a 2xx, so it was accepted.
        result.kind = SmtpResult::Kind::Sent;
        result.reply = serverSaid(conversation.lastReply);
        keepConnection = true;
        return result;
    }
    // 2. The body went out and the answer never came: the server may have it.
    if (conversation.dataAccepted) {
        result.kind = SmtpResult::Kind::Uncertain;
        result.reply = serverSaid(conversation.lastReply);
        result.error = tr("The connection to the SMTP server ended after the message was sent but before the "
                          "server confirmed it (%1): it may or may not have been delivered.")
                           .arg(curlText);
        return result;
    }
    // 3. Before the body: nothing was delivered, so trying again is safe.
    result.reply = serverSaid(conversation.lastReply);
    const int reply = replyCode(conversation.lastReply);
    const QByteArray command = conversation.commandOfLastReply;
    const QString withReply =
        result.reply.isEmpty() ? curlText : tr("%1 (server: %2)").arg(curlText, result.reply);
    switch (code) {
    case CURLE_LOGIN_DENIED:
        result.kind = SmtpResult::Kind::Permanent;
        result.scope = SmtpResult::Scope::Server;
        result.error = tr("The SMTP server refused the login of \"%1\": %2")
                           .arg(s.user, result.reply.isEmpty() ? curlText : result.reply);
        return result;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_GOT_NOTHING:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_USE_SSL_FAILED:
    case CURLE_WEIRD_SERVER_REPLY:
        // A refusal of this message's envelope or DATA command (libcurl reports it
        // as a send error): about this e-mail, not the server.
        if (reply >= 500 && (command == "MAIL" || command == "RCPT" || command == "DATA")) {
            result.kind = SmtpResult::Kind::Permanent;
            result.error = tr("The SMTP server refused the message: %1").arg(result.reply);
            return result;
        }
        if (reply >= 400 && reply < 500 && (command == "MAIL" || command == "RCPT" || command == "DATA")) {
            result.kind = SmtpResult::Kind::Transient;
            result.error = tr("The SMTP server deferred the message: %1").arg(result.reply);
            return result;
        }
        result.kind = SmtpResult::Kind::Transient;
        result.scope = SmtpResult::Scope::Server;
        result.error = tr("The SMTP server %1 could not be used: %2").arg(s.url(), withReply);
        return result;
    default:
        break;
    }
    // Anything else before the body: a reply code decides if there is one.
    if (reply >= 500) {
        result.kind = SmtpResult::Kind::Permanent;
        result.scope =
            (command == "MAIL" || command == "RCPT") ? SmtpResult::Scope::Message : SmtpResult::Scope::Server;
        result.error = tr("The SMTP server refused the message: %1").arg(result.reply);
    } else {
        result.kind = SmtpResult::Kind::Transient;
        result.scope = command == "RCPT" ? SmtpResult::Scope::Message : SmtpResult::Scope::Server;
        result.error = tr("Sending failed before the message was handed over: %1").arg(withReply);
    }
    return result;
}
