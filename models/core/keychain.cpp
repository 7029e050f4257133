#include "models/core/keychain.h"

#include <QCoroFuture>
#include <QFuture>
#include <QPromise>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

enum class KeychainOp { Read, Write, Delete };

QString keychainErrorText(QKeychain::Job *job)
{
    return Keychain::tr("%1 (keychain error %2)").arg(job->errorString()).arg(int(job->error()));
}

// Runs one QtKeychain job on the application's main thread and returns its reply as a
// future that any thread can co_await (see the class comment for why the main thread).
QFuture<Keychain::Secret> keychainCall(KeychainOp op, QString key, QString value,
                                       std::chrono::milliseconds timeout)
{
    auto promise = std::make_shared<QPromise<Keychain::Secret>>();
    QFuture<Keychain::Secret> future = promise->future();
    promise->start();
    QCoreApplication *app = QCoreApplication::instance();
    if (!app) {
        promise->addResult(
            Keychain::Secret{{}, Keychain::tr("the keychain needs a running application"), false});
        promise->finish();
        return future;
    }
    QMetaObject::invokeMethod(
        app,
        [promise, op, key = std::move(key), value = std::move(value), timeout] {
            QKeychain::Job *job = nullptr;
            switch (op) {
            case KeychainOp::Read:
                job = new QKeychain::ReadPasswordJob(Keychain::service());
                break;
            case KeychainOp::Write: {
                auto *write = new QKeychain::WritePasswordJob(Keychain::service());
                write->setTextData(value);
                job = write;
                break;
            }
            case KeychainOp::Delete:
                job = new QKeychain::DeletePasswordJob(Keychain::service());
                break;
            }
            job->setAutoDelete(true); // QtKeychain deletes it after finished()
            job->setInsecureFallback(false);
            job->setKey(key);
            auto done = std::make_shared<bool>(false);
            const auto answer = [promise, done](Keychain::Secret reply) {
                if (std::exchange(*done, true))
                    return;
                promise->addResult(std::move(reply));
                promise->finish();
            };
            QObject::connect(job, &QKeychain::Job::finished, job, [answer, op](QKeychain::Job *finished) {
                Keychain::Secret reply;
                if (finished->error() != QKeychain::NoError) {
                    reply.notFound = finished->error() == QKeychain::EntryNotFound;
                    reply.error = keychainErrorText(finished);
                } else if (op == KeychainOp::Read) {
                    reply.value = static_cast<QKeychain::ReadPasswordJob *>(finished)->textData();
                }
                answer(std::move(reply));
            });
            QTimer::singleShot(timeout, job, [answer] {
                answer(Keychain::Secret{{}, Keychain::tr("the system keychain did not answer"), false});
            });
            job->start();
        },
        Qt::QueuedConnection);
    return future;
}

} // namespace

QString Keychain::service()
{
    return u"Residesk"_s;
}

QCoro::Task<Keychain::Secret> Keychain::read(QString key, std::chrono::milliseconds timeout)
{
    auto future = keychainCall(KeychainOp::Read, std::move(key), {}, timeout);
    co_return co_await future;
}

QCoro::Task<QString> Keychain::store(QString key, QString value, std::chrono::milliseconds timeout)
{
    auto future = keychainCall(KeychainOp::Write, std::move(key), std::move(value), timeout);
    const Secret reply = co_await future;
    co_return reply.error;
}

QCoro::Task<QString> Keychain::remove(QString key, std::chrono::milliseconds timeout)
{
    auto future = keychainCall(KeychainOp::Delete, std::move(key), {}, timeout);
    const Secret reply = co_await future;
    co_return reply.notFound ? QString() : reply.error;
}
