#include "tests/support/registrarserver.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

RegistrarServer::RegistrarServer()
{
    QDir().mkpath(m_dir.filePath(u"files"_s));
}

RegistrarServer::~RegistrarServer()
{
    stop();
}

bool RegistrarServer::start(QString *error)
{
    const auto fail = [error](const QString &text) {
        if (error)
            *error = text;
        return false;
    };
    if (!m_dir.isValid())
        return fail(u"cannot create a temporary folder for the registrar server"_s);
    stop();
    QStringList args{QStringLiteral(RESIDESK_REGISTRARSERVER), u"--dir"_s, m_dir.filePath(u"files"_s), u"--log"_s,
                     m_dir.filePath(u"requests.log"_s)};
    if (m_tls) {
        const QString cert = m_dir.filePath(u"cert.pem"_s);
        const QString key = m_dir.filePath(u"key.pem"_s);
        if (!QFile::exists(cert)) {
            QProcess openssl;
            openssl.start(u"openssl"_s, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-days"_s,
                                         u"2"_s, u"-subj"_s, u"/CN=127.0.0.1"_s, u"-addext"_s,
                                         u"subjectAltName=IP:127.0.0.1"_s, u"-keyout"_s, key, u"-out"_s, cert});
            if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0)
                return fail(u"openssl req failed: "_s + QString::fromUtf8(openssl.readAllStandardError()));
        }
        args << u"--cert"_s << cert << u"--key"_s << key;
    }
    if (!m_auth.isEmpty())
        args << u"--auth"_s << m_auth;
    if (!m_validators)
        args << u"--no-validators"_s;
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->start(u"/usr/bin/python3"_s, args);
    if (!m_process->waitForStarted(10000))
        return fail(u"cannot start /usr/bin/python3 for the registrar server: "_s + m_process->errorString());
    QByteArray out;
    while (!out.contains('\n')) {
        if (!m_process->waitForReadyRead(30000)) {
            const QString why = QString::fromUtf8(m_process->readAllStandardError());
            stop();
            return fail(u"the registrar server (tests/support/registrarserver.py) did not start: "_s + why);
        }
        out += m_process->readAllStandardOutput();
    }
    const QList<QByteArray> words = out.trimmed().split(' ');
    if (words.size() != 2 || words.at(0) != "READY")
        return fail(u"the registrar server said "_s + QString::fromUtf8(out));
    m_port = words.at(1).toInt();
    return m_port > 0 || fail(u"the registrar server reported no port"_s);
}

void RegistrarServer::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(15000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_process.reset();
}

bool RegistrarServer::put(const QString &name, const QByteArray &bytes)
{
    QFile file(m_dir.filePath(u"files/"_s + name));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(bytes) == bytes.size();
}

QString RegistrarServer::filePath(const QString &name) const
{
    return m_dir.filePath(u"files/"_s + name);
}

QString RegistrarServer::url(const QString &path) const
{
    return u"%1://127.0.0.1:%2/%3"_s.arg(m_tls ? u"https"_s : u"http"_s).arg(m_port).arg(path);
}

QList<QJsonObject> RegistrarServer::requests() const
{
    QList<QJsonObject> out;
    QFile log(m_dir.filePath(u"requests.log"_s));
    if (!log.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray &line : log.readAll().split('\n')) {
        if (!line.trimmed().isEmpty())
            out.append(QJsonDocument::fromJson(line).object());
    }
    return out;
}
