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
    QNetworkRequest req(request.url);
    req.setTransferTimeout(qMax(1, request.timeoutMs));
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    req.setRawHeader("Accept", "text/csv, text/plain;q=0.9, */*;q=0.1");
    if (!request.ifNoneMatch.isEmpty())
        req.setRawHeader("If-None-Match", request.ifNoneMatch.toLatin1());
    if (!request.ifModifiedSince.isEmpty())
        req.setRawHeader("If-Modified-Since", request.ifModifiedSince.toLatin1());
    if (!request.authorization.isEmpty())
        req.setRawHeader("Authorization", request.authorization.toUtf8());

    std::unique_ptr<QNetworkReply> reply(manager.get(req));
    reply->setReadBufferSize(kReadBuffer);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QStringList sslErrors;
    QString writeError;
    // Only a 200's body is kept; an error page is read and dropped.
    const auto drain = [&] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        while (reply->bytesAvailable() > 0) {
            const QByteArray block = reply->read(kReadBuffer);
            if (block.isEmpty())
                break;
            if (status != 200 || !writeError.isEmpty())
                continue;
            if (file.write(block) != block.size()) {
                writeError = tr("cannot write the temporary file %1: %2").arg(request.targetPath, file.errorString());
                reply->abort();
                return;
            }
            hash.addData(block);
            out.bytes += block.size();
        }
    };
    QObject::connect(reply.get(), &QNetworkReply::readyRead, reply.get(), drain);
    QObject::connect(reply.get(), &QNetworkReply::sslErrors, reply.get(), [&](const QList<QSslError> &errors) {
        for (const QSslError &e : errors)
            sslErrors.append(e.errorString());
    });
    if (!reply->isFinished()) {
        QCoro::Task<bool> finishing = qCoro(reply.get()).waitForFinished(); // named: GCC 12 bug 100611
        co_await finishing;
    }
    drain();
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
        out.error = tr("TLS error: %1").arg(sslErrors.isEmpty() ? reply->errorString() : sslErrors.join(u"; "_s));
    } else if (error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError) {
        const int seconds = qMax(1, request.timeoutMs / 1000);
        out.error = tr("no answer within %n second(s)", nullptr, seconds);
    } else if (error != QNetworkReply::NoError) {
        out.error = tr("the server cannot be reached: %1").arg(reply->errorString());
    } else if (out.status != 200) {
        out.error = tr("the server answered HTTP %1 %2, not 200 OK with the file").arg(out.status).arg(reason).trimmed();
    }
    if (!out.error.isEmpty() || out.notModified)
        out.bytes = 0;
    co_return out;
}
