#pragma once

#include <QCoreApplication>
#include <QCoroTask>
#include <QString>
#include <QUrl>

// One HTTP(S) GET of the registrar's export, awaited (QNetworkAccessManager through
// QCoro; no thread ever blocks), streamed to a file as it arrives (the body is never
// held whole in memory) and hashed on the way (SHA-256).
//
// Conditional: with the validators of the last applied copy it sends If-None-Match /
// If-Modified-Since, and a 304 answer (notModified) writes nothing to the file. The
// timeout counts the seconds without any data (connect, answer or body). Redirects are
// followed (at most 10) unless they go from https to http; the Authorization header goes
// only to the origin (scheme, host, port) of the request's URL, never to another server
// a redirect names.
//
// Thread and lifetime: run it on a thread with an event loop (a job's runner thread);
// the QNetworkAccessManager lives inside the coroutine and on that thread. Never throws.
//
//   RegistrarFetch::Request request{url, …, u"/tmp/…/export.csv"_s};
//   auto fetching = RegistrarFetch::get(request);      // named: GCC 12 bug 100611
//   const RegistrarFetch::Outcome got = co_await fetching;
//   if (!got.error.isEmpty()) fail(got.error);           // "the server answered HTTP 500 …"
class RegistrarFetch
{
    Q_DECLARE_TR_FUNCTIONS(RegistrarFetch)
public:
    struct Request
    {
        QUrl url;
        QString authorization; // the Authorization header's value; empty: none
        QString ifNoneMatch;   // an ETag
        QString ifModifiedSince;
        int timeoutMs = 60000;
        QString targetPath; // the body goes here (created or truncated)
    };

    struct Outcome
    {
        QString error;            // translated cause, without the URL; empty: success
        bool notModified = false; // 304: the file is untouched
        int status = 0;           // the HTTP status, 0 when none came
        QString etag;
        QString lastModified;
        QString contentType;
        QString sha256; // hex, of the body
        qint64 bytes = 0;
    };

    static QCoro::Task<Outcome> get(Request request);

    // The Authorization header for basic (user and password) or bearer authentication.
    static QString basicAuthorization(const QString &user, const QString &password);
    static QString bearerAuthorization(const QString &token);
};
