#include "tasks/sync/registrarfetch.h"

#include <QCoroNetworkReply>
#include <QCryptographicHash>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>
#include <QStringList>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
// The most the reply buffers before the socket waits for us to write it out.
constexpr qint64 kReadBuffer = 256 * 1024;
} // namespace

QString RegistrarFetch::basicAuthorization(const QString &user, const QString &password)
{
    return u"Basic "_s + QString::fromLatin1((user + u':' + password).toUtf8().toBase64());
}

QString RegistrarFetch::bearerAuthorization(const QString &token)
{
    return u"Bearer "_s + token.trimmed();
}

namespace {
// Scheme, host and port: where credentials may go.
bool sameOrigin(const QUrl &a, const QUrl &b)
{
    const auto port = [](const QUrl &u) {
        return u.port(u.scheme() == u"https"_s ? 443 : 80);
    };
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0 &&
           a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && port(a) == port(b);
}
constexpr int kMaxRedirects = 10;
} // namespace

QCoro::Task<RegistrarFetch::Outcome> RegistrarFetch::get(Request request)
{
    Outcome out;
    QFile file(request.targetPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        out.error = tr("cannot write the temporary file %1: %2").arg(request.targetPath, file.errorString());
        co_return out;
    }
    QNetworkAccessManager manager;
    manager.setAutoDeleteReplies(false);
    // Redirects are followed here, not by Qt, which would send the Authorization header
    // along to whatever server a redirect names: the credentials go only to the origin
    // (scheme, host and port) of the configured URL.
    QUrl url = request.url;
    std::unique_ptr<QNetworkReply> reply;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QStringList sslErrors;
    QString writeError;
    for (int hop = 0;; ++hop) {
        QNetworkRequest req(url);
        req.setTransferTimeout(qMax(1, request.timeoutMs));
        req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
        req.setRawHeader("Accept", "text/csv, text/plain;q=0.9, */*;q=0.1");
        if (!request.ifNoneMatch.isEmpty())
            req.setRawHeader("If-None-Match", request.ifNoneMatch.toLatin1());
        if (!request.ifModifiedSince.isEmpty())
            req.setRawHeader("If-Modified-Since", request.ifModifiedSince.toLatin1());
        if (!request.authorization.isEmpty() && sameOrigin(url, request.url))
            req.setRawHeader("Authorization", request.authorization.toUtf8());

        reply.reset(manager.get(req));
        reply->setReadBufferSize(kReadBuffer);
        // Only a 200's body is kept; an error page or a redirect's body is read and dropped.
        const auto drain = [&] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            while (reply->bytesAvailable() > 0) {
                const QByteArray block = reply->read(kReadBuffer);
                if (block.isEmpty())
                    break;
                if (status != 200 || !writeError.isEmpty())
                    continue;
                if (file.write(block) != block.size()) {
                    writeError = tr("cannot write the temporary file %1: %2")
                                     .arg(request.targetPath, file.errorString());
                    reply->abort();
                    return;
                }
                hash.addData(block);
                out.bytes += block.size();
            }
        };
        QObject::connect(reply.get(), &QNetworkReply::readyRead, reply.get(), drain);
        QObject::connect(reply.get(), &QNetworkReply::sslErrors, reply.get(),
                         [&](const QList<QSslError> &errors) {
                             for (const QSslError &e : errors)
                                 sslErrors.append(e.errorString());
                         });
        if (!reply->isFinished()) {
            QCoro::Task<bool> finishing = qCoro(reply.get()).waitForFinished(); // named: GCC 12 bug 100611
            co_await finishing;
        }
        drain();

        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QUrl target = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
        const bool redirect =
            (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) &&
            target.isValid() && writeError.isEmpty() && sslErrors.isEmpty();
        if (!redirect)
            break;
        const QUrl next = url.resolved(target);
        if (hop + 1 >= kMaxRedirects) {
            out.error = tr("the server redirected more than %n time(s)", nullptr, kMaxRedirects);
            co_return out;
        }
        if (next.scheme() != u"https"_s && (next.scheme() != u"http"_s || url.scheme() == u"https"_s)) {
            out.error = tr("the server redirected to %1, which is not followed from %2")
                            .arg(next.toDisplayString(QUrl::RemoveUserInfo), url.scheme());
            co_return out;
        }
        url = next;
    }
    file.close();

    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.etag = QString::fromLatin1(reply->rawHeader("ETag"));
    out.lastModified = QString::fromLatin1(reply->rawHeader("Last-Modified"));
    out.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toString();
    out.sha256 = QString::fromLatin1(hash.result().toHex());
    const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    const QNetworkReply::NetworkError error = reply->error();

    if (!writeError.isEmpty()) {
        out.error = writeError;
    } else if (out.status == 304) {
        out.notModified = true;
    } else if (out.status >= 400) {
        out.error = tr("the server answered HTTP %1 %2").arg(out.status).arg(reason).trimmed();
    } else if (error == QNetworkReply::SslHandshakeFailedError || !sslErrors.isEmpty()) {
        out.error =
            tr("TLS error: %1").arg(sslErrors.isEmpty() ? reply->errorString() : sslErrors.join(u"; "_s));
    } else if (error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError) {
        const int seconds = qMax(1, request.timeoutMs / 1000);
        out.error = tr("no answer within %n second(s)", nullptr, seconds);
    } else if (error != QNetworkReply::NoError) {
        out.error = tr("the server cannot be reached: %1").arg(reply->errorString());
    } else if (out.status != 200) {
        out.error = tr("the server answered HTTP %1 %2, not 200 OK with the file")
                        .arg(out.status)
                        .arg(reason)
                        .trimmed();
    }
    if (!out.error.isEmpty() || out.notModified)
        out.bytes = 0;
    co_return out;
}
