#pragma once

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

// A real SMTP server for a test: tests/support/smtpsink.py (aiosmtpd, run with
// /usr/bin/python3) on a free loopback port, with STARTTLS (a self-signed certificate
// made at start with `openssl req`), AUTH for one user, and every accepted message
// stored in a folder. It can be stopped and started again on the same port (the
// server going down and coming back); messages() reads what it received, across
// restarts. A sink that cannot start fails the test loudly (start() returns false
// and says why). Lives on the test's thread.
//
//   SmtpSink sink;
//   QVERIFY2(sink.start(&error), qPrintable(error));
//   qputenv("RESIDESK_SMTP_URL", sink.url().toUtf8());        // smtp://residesk@127.0.0.1:PORT
//   qputenv("RESIDESK_SMTP_PASSWORD", sink.password().toUtf8());
//   qputenv("RESIDESK_SMTP_CA_FILE", sink.caFile().toUtf8());
//   ... send ...
//   QCOMPARE(sink.messages().size(), 1);
class SmtpSink
{
public:
    SmtpSink();
    ~SmtpSink();

    // Seconds the server waits after storing a message before it answers the end of
    // DATA (takes effect at the next start()).
    void setDataDelay(double seconds) { m_dataDelay = seconds; }
    // "starttls" (default, required), "tls" (implicit, smtps://) or "none" (plain, no
    // login: a local relay); takes effect at the next start().
    void setSecurity(const QString &security) { m_security = security; }

    bool start(QString *error = nullptr);
    void stop();
    bool isRunning() const;

    quint16 port() const { return m_port; }
    QString user() const { return QStringLiteral("residesk"); }
    QString password() const { return QStringLiteral("sink-password-42"); }
    QString caFile() const;
    // smtp://residesk@127.0.0.1:PORT, smtps://residesk@127.0.0.1:PORT (tls) or
    // smtp://127.0.0.1:PORT?security=none (none).
    QString url() const;
    QString directory() const;

    // Every stored message (NNNN.json), in the order received.
    QList<QJsonObject> messages() const;
    // How many stored messages carry this Message-ID.
    int deliveries(const QString &messageId) const;

    // The environment for a `residesk` process that sends through this sink.
    void addTo(QProcessEnvironment &env) const;
    // The same for this process (qputenv).
    void exportToEnvironment() const;

private:
    QTemporaryDir m_dir;
    quint16 m_port = 0;
    double m_dataDelay = 0;
    QString m_security = QStringLiteral("starttls");
    std::unique_ptr<QProcess> m_process;
};
