#include "tasks/sms/smsgateway.h"

#include <QCoroNetworkReply>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
constexpr qsizetype kReplyMax = 500; // what is kept of the gateway's answer
} // namespace

SmsGateway::SmsGateway(SmsSettings settings)
    : m_settings(std::move(settings))
{}

QCoro::Task<SmsGateway::Outcome> SmsGateway::send(QString to, QString text, QString name) const
{
    Outcome out;
    const QByteArray body = m_settings.renderBody(to, text, name);
    QNetworkAccessManager manager;
    manager.setAutoDeleteReplies(false);
    QNetworkRequest request(m_settings.url);
    request.setTransferTimeout(qMax(1, m_settings.timeoutMs));
    // A redirect of a POST could send the message twice: answered as it comes.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setHeader(QNetworkRequest::ContentTypeHeader, m_settings.mimeType());
    request.setRawHeader("Accept", "application/json, text/plain;q=0.9, */*;q=0.1");
    if (const QString auth = m_settings.authorization(); !auth.isEmpty())
        request.setRawHeader("Authorization", auth.toUtf8());

    std::unique_ptr<QNetworkReply> reply(manager.post(request, body));
    // Whether the whole request was handed to the connection: from then on the gateway
    // may have the message, and a missing answer makes the outcome unknown.
    bool written = false;
    QStringList sslErrors;
    QObject::connect(reply.get(), &QNetworkReply::uploadProgress, reply.get(),
                     [&](qint64 sent, qint64 total) {
                         if (total > 0 && sent >= total)
                             written = true;
                     });
    QObject::connect(reply.get(), &QNetworkReply::sslErrors, reply.get(),
                     [&](const QList<QSslError> &errors) {
                         for (const QSslError &e : errors)
                             sslErrors.append(e.errorString());
                     });
    if (!reply->isFinished()) {
        QCoro::Task<bool> finishing = qCoro(reply.get()).waitForFinished(); // named: GCC 12 bug 100611
        co_await finishing;
    }
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    const QString answer = QString::fromUtf8(reply->readAll().left(kReplyMax)).simplified();
    const QNetworkReply::NetworkError error = reply->error();
    const QString statusText = u"HTTP %1 %2"_s.arg(out.status).arg(reason).trimmed();
    const QString withAnswer = answer.isEmpty() ? statusText : statusText + u": "_s + answer;

    if (out.status >= 200 && out.status < 300) {
        out.kind = Outcome::Kind::Sent;
        out.reply = withAnswer;
    } else if (out.status == 401 || out.status == 403) {
        out.kind = Outcome::Kind::Permanent;
        out.scope = Outcome::Scope::Server;
        out.error = tr("the gateway refused the credentials (%1)").arg(withAnswer);
    } else if (out.status == 408 || out.status == 429) {
        out.kind = Outcome::Kind::Transient;
        out.error = tr("the gateway asked to try again later (%1)").arg(withAnswer);
    } else if (out.status >= 400 && out.status < 500) {
        out.kind = Outcome::Kind::Permanent;
        out.error = tr("the gateway refused the message (%1)").arg(withAnswer);
    } else if (out.status >= 500) {
        out.kind = Outcome::Kind::Transient;
        out.error = tr("the gateway failed (%1)").arg(withAnswer);
    } else if (out.status > 0) {
        // 1xx or 3xx as the final answer: the gateway did not say it took the message.
        out.kind = Outcome::Kind::Uncertain;
        out.error =
            tr("the gateway answered %1, which does not say whether it took the message").arg(withAnswer);
    } else if (!written) {
        // Nothing reached the gateway: the server, not the message, is the problem.
        out.kind = Outcome::Kind::Transient;
        out.scope = Outcome::Scope::Server;
        if (error == QNetworkReply::SslHandshakeFailedError || !sslErrors.isEmpty())
            out.error =
                tr("TLS error: %1").arg(sslErrors.isEmpty() ? reply->errorString() : sslErrors.join(u"; "_s));
        else if (error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError)
            out.error = tr("the gateway cannot be reached: no connection within %n second(s)", nullptr,
                           qMax(1, m_settings.timeoutMs / 1000));
        else
            out.error = tr("the gateway cannot be reached: %1").arg(reply->errorString());
    } else {
        out.kind = Outcome::Kind::Uncertain;
        if (error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError)
            out.error =
                tr("the message was sent but the gateway did not answer within %n second(s); it may or "
                   "may not have been taken",
                   nullptr, qMax(1, m_settings.timeoutMs / 1000));
        else
            out.error =
                tr("the message was sent but the connection broke before the gateway answered (%1); it "
                   "may or may not have been taken")
                    .arg(reply->errorString());
    }
    co_return out;
}
