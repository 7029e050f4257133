#pragma once

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// A real HTTP(S) server for registrar sync tests: tests/support/registrarserver.py
// (Python 3's http.server, run with /usr/bin/python3) on a free loopback port, serving
// the files put() writes, with ETag / Last-Modified and 304 answers, optional HTTPS with
// a self-signed certificate made by `openssl req`, optional required Authorization, and
// /status/NNN for error answers. requests() reads its log. Lives on the test's thread.
//
//   RegistrarServer server;
//   server.put(u"residents.csv"_s, csv);
//   QVERIFY2(server.start(&error), qPrintable(error));
//   sync(server.url(u"residents.csv"_s));    // http://127.0.0.1:PORT/residents.csv
//   QCOMPARE(server.requests().last().value(u"status"_s).toInt(), 304);
class RegistrarServer
{
public:
    RegistrarServer();
    ~RegistrarServer();

    // Before start(): HTTPS with a fresh self-signed certificate; the Authorization
    // header every request must carry; no ETag or Last-Modified at all.
    void setTls(bool tls) { m_tls = tls; }
    void setRequiredAuthorization(const QString &header) { m_auth = header; }
    void setValidators(bool on) { m_validators = on; }

    bool start(QString *error = nullptr);
    void stop();

    // Writes a file the server serves (any time).
    bool put(const QString &name, const QByteArray &bytes);
    // Where the file `name` is served from, for files written piece by piece.
    QString filePath(const QString &name) const;
    QString url(const QString &path) const; // http(s)://127.0.0.1:PORT/path
    int port() const { return m_port; }
    // Every request so far, in order (see registrarserver.py for the keys).
    QList<QJsonObject> requests() const;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    bool m_tls = false;
    bool m_validators = true;
    QString m_auth;
    int m_port = 0;
};
