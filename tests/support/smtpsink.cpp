#include "tests/support/smtpsink.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTcpServer>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {
quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}
} // namespace

SmtpSink::SmtpSink()
{
    m_port = freePort();
}

SmtpSink::~SmtpSink()
{
    stop();
}

QString SmtpSink::caFile() const
{
    return m_dir.filePath(u"cert.pem"_s);
}

QString SmtpSink::url() const
{
    if (m_security == u"none"_s)
        return u"smtp://127.0.0.1:%1?security=none"_s.arg(m_port);
    return u"%1://%2@127.0.0.1:%3"_s.arg(m_security == u"tls"_s ? u"smtps"_s : u"smtp"_s, user()).arg(m_port);
}

QString SmtpSink::directory() const
{
    return m_dir.filePath(u"messages"_s);
}

bool SmtpSink::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

bool SmtpSink::start(QString *error)
{
    const auto fail = [error](const QString &text) {
        if (error)
            *error = text;
        return false;
    };
    if (!m_dir.isValid())
        return fail(u"cannot create a temporary folder for the SMTP sink"_s);
    if (m_port == 0)
        return fail(u"no free loopback port for the SMTP sink"_s);
    stop();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->start(u"/usr/bin/python3"_s,
                     {QStringLiteral(RESIDESK_SMTPSINK), u"--port"_s, QString::number(m_port), u"--dir"_s,
                      directory(), u"--cert"_s, caFile(), u"--key"_s, m_dir.filePath(u"key.pem"_s),
                      u"--user"_s, m_security == u"none"_s ? QString() : user(), u"--password"_s, password(),
                      u"--data-delay"_s, QString::number(m_dataDelay), u"--security"_s, m_security});
    if (!m_process->waitForStarted(10000))
        return fail(u"cannot start /usr/bin/python3 for the SMTP sink: "_s + m_process->errorString());
    // The port may still be held for a moment by the previous run: the sink reports
    // READY only once it accepts connections.
    QByteArray out;
    while (!out.contains("READY")) {
        if (!m_process->waitForReadyRead(30000)) {
            const QString why = QString::fromUtf8(m_process->readAllStandardError());
            stop();
            return fail(u"the SMTP sink (tests/support/smtpsink.py, python3-aiosmtpd) did not start: "_s +
                        why);
        }
        out += m_process->readAllStandardOutput();
    }
    return true;
}

void SmtpSink::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate(); // SIGTERM: the sink closes its socket and exits
        if (!m_process->waitForFinished(15000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_process.reset();
}

QList<QJsonObject> SmtpSink::messages() const
{
    QList<QJsonObject> out;
    const QDir dir(directory());
    for (const QString &name : dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(name));
        if (f.open(QIODevice::ReadOnly))
            out.append(QJsonDocument::fromJson(f.readAll()).object());
    }
    return out;
}

int SmtpSink::deliveries(const QString &messageId) const
{
    int n = 0;
    for (const QJsonObject &m : messages())
        n += m.value(u"message_id"_s).toString() == messageId ? 1 : 0;
    return n;
}

void SmtpSink::addTo(QProcessEnvironment &env) const
{
    env.insert(u"RESIDESK_SMTP_URL"_s, url());
    env.insert(u"RESIDESK_SMTP_PASSWORD"_s, password());
    env.insert(u"RESIDESK_SMTP_CA_FILE"_s, caFile());
    env.insert(u"RESIDESK_MAIL_FROM"_s, u"Residesk Tests <office@residesk.test>"_s);
}

void SmtpSink::exportToEnvironment() const
{
    qputenv("RESIDESK_SMTP_URL", url().toUtf8());
    qputenv("RESIDESK_SMTP_PASSWORD", password().toUtf8());
    qputenv("RESIDESK_SMTP_CA_FILE", caFile().toUtf8());
    qputenv("RESIDESK_MAIL_FROM", "Residesk Tests <office@residesk.test>");
}
