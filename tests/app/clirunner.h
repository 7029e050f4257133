#pragma once

// Shared helpers of the command-line tests: run the built `residesk` binary
// (RESIDESK_BINARY) with QProcess and read its output.
#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

namespace CliRunner {

struct Run
{
    int exitCode = -1;   // -1: did not start or timed out; -2: crashed / killed
    QByteArray out;
    QByteArray err;
    QString errText() const { return QString::fromUtf8(err); }
    QString outText() const { return QString::fromUtf8(out); }
};

inline QString binary()
{
    return qEnvironmentVariable("RESIDESK_BINARY");
}

inline QProcessEnvironment environment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("RESIDESK_DATABASE"));
    return env;
}

// Runs `residesk args...` to the end.
inline Run run(const QStringList &args, int timeoutMs = 120000)
{
    QProcess p;
    p.setProcessEnvironment(environment());
    p.start(binary(), args);
    Run r;
    if (!p.waitForStarted(10000)) {
        r.err = p.errorString().toUtf8();
        return r;
    }
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.out = p.readAllStandardOutput();
        r.err = "timed out; stderr: " + p.readAllStandardError();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// Starts `residesk args...` in the background (the caller waits, signals or kills it).
inline std::unique_ptr<QProcess> start(const QStringList &args)
{
    auto p = std::make_unique<QProcess>();
    p->setProcessEnvironment(environment());
    p->start(binary(), args);
    return p;
}

// One JSON object per line (the worker's --json output); lines that are not objects
// are skipped.
inline QList<QJsonObject> jsonLines(const QByteArray &out)
{
    QList<QJsonObject> objects;
    for (const QByteArray &line : out.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject())
            objects.append(doc.object());
    }
    return objects;
}

inline QJsonArray jsonArray(const QByteArray &out)
{
    return QJsonDocument::fromJson(out).array();
}

inline QJsonObject jsonObject(const QByteArray &out)
{
    return QJsonDocument::fromJson(out).object();
}

} // namespace CliRunner
