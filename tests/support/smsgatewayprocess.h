#pragma once

// tests/support/smsgateway.py on a free loopback port, for the tests of text messages
// in the window and on the command line: it records every POST (path, content type,
// Authorization header, body) and answers by path (/ok, /bad, /fail, /hang, /auth).
// The test target defines RESIDESK_SMSGATEWAY, the script's path.
#include <QByteArray>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

class SmsGatewayProcess
{
public:
    ~SmsGatewayProcess() { stop(); }

    // `auth`: the Authorization header /auth accepts (empty: none is accepted).
    bool start(const QString &auth, QString *error)
    {
        m_process = std::make_unique<QProcess>();
        QStringList args{QStringLiteral(RESIDESK_SMSGATEWAY), QStringLiteral("--log"), logPath()};
        if (!auth.isEmpty())
            args << QStringLiteral("--auth") << auth;
        m_process->start(QStringLiteral("/usr/bin/python3"), args);
        QByteArray out;
        while (!out.contains('\n')) {
            if (!m_process->waitForReadyRead(30000)) {
                *error = QStringLiteral("the gateway did not start: ") +
                         QString::fromUtf8(m_process->readAllStandardError());
                return false;
            }
            out += m_process->readAllStandardOutput();
        }
        const QList<QByteArray> words = out.trimmed().split(' ');
        m_port = words.size() == 2 && words.at(0) == "READY" ? words.at(1).toInt() : 0;
        if (m_port <= 0)
            *error = QStringLiteral("the gateway said ") + QString::fromUtf8(out);
        return m_port > 0;
    }

    void stop()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
        m_process.reset();
    }

    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1/%2").arg(m_port).arg(path);
    }

    // Every POST so far, oldest first.
    QList<QJsonObject> posts() const
    {
        QList<QJsonObject> out;
        QFile log(logPath());
        if (!log.open(QIODevice::ReadOnly))
            return out;
        for (const QByteArray &line : log.readAll().split('\n')) {
            if (!line.trimmed().isEmpty())
                out.append(QJsonDocument::fromJson(line).object());
        }
        return out;
    }

private:
    QString logPath() const { return m_dir.filePath(QStringLiteral("posts.log")); }

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
};
