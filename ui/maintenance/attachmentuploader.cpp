#include "ui/maintenance/attachmentuploader.h"

#include "models/db/databasefileguard.h"
#include "models/db/dbexecutor.h"
#include "models/db/transaction.h"
#include "models/maintenance/maintenancerepository.h"
#include "models/maintenance/maintenancerules.h"

#include <QBuffer>
#include <QCoroFuture>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kChunkBytes = 256 * 1024;

struct Prepared
{
    MaintenanceAttachment attachment;
    QString refusal;        // not stored, and why
    bool cancelled = false; // cancel() came first
};

struct Stored
{
    Result<MaintenanceAttachment> result;
    bool cancelled = false;
};

QString interrupted(const QString &name)
{
    return AttachmentUploader::tr("%1 was not attached: the upload was interrupted.").arg(name);
}

// On a pool thread: values in, values out.
Prepared prepare(const QString &path, qint64 requestId, const std::shared_ptr<std::atomic_bool> &stop,
                 const std::shared_ptr<std::atomic_int> &reading,
                 const std::shared_ptr<std::atomic_int> &peak)
{
    const int now = ++*reading;
    for (int seen = peak->load(); now > seen && !peak->compare_exchange_weak(seen, now);) {
    }
    struct Leave
    {
        std::atomic_int &reading;
        ~Leave() { --reading; }
    } leave{*reading};

    Prepared out;
    const QFileInfo info(path);
    const QString name = info.fileName();
    out.attachment.requestId = requestId;
    out.attachment.filename = name;
    // Never open the database file or its companions (SQLite's locks would be lost).
    if (const std::optional<QString> refused = DatabaseFileGuard::refusal(path)) {
        out.refusal = *refused;
        return out;
    }
    if (!info.exists()) {
        out.refusal = AttachmentUploader::tr("%1 cannot be read: it is no longer there.").arg(name);
        return out;
    }
    if (!info.isFile()) {
        out.refusal = AttachmentUploader::tr("%1 is not a file.").arg(name);
        return out;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        out.refusal = AttachmentUploader::tr("%1 cannot be read: %2").arg(name, file.errorString());
        return out;
    }
    const qint64 size = file.size();
    // The size first: a file too big is refused without reading it.
    if (size <= 0 || size > MaintenanceRules::kMaxAttachmentBytes) {
        out.refusal = MaintenanceRules::attachmentRefusal(name, size, QString());
        return out;
    }
    QByteArray content;
    content.reserve(size);
    while (content.size() < size) {
        if (stop->load()) {
            out.cancelled = true;
            return out;
        }
        const QByteArray chunk = file.read(qMin(kChunkBytes, size - content.size()));
        if (chunk.isEmpty())
            break;
        content.append(chunk);
    }
    if (file.error() != QFileDevice::NoError) {
        out.refusal =
            AttachmentUploader::tr("%1 could not be read completely: %2").arg(name, file.errorString());
        return out;
    }
    // Shorter or longer than when it was opened: it changed underneath.
    if (content.size() != size || !file.read(1).isEmpty()) {
        out.refusal =
            AttachmentUploader::tr("%1 changed while it was read; nothing of it was attached. Try again.")
                .arg(name);
        return out;
    }
    const QString mime = MaintenanceRules::detectMimeType(name, content);
    if (const QString why = MaintenanceRules::attachmentRefusal(name, size, mime); !why.isEmpty()) {
        out.refusal = why;
        return out;
    }
    out.attachment.mimeType = mime;
    out.attachment.size = size;
    if (MaintenanceRules::isImage(mime)) {
        QImage image;
        if (image.loadFromData(content)) {
            const QImage small =
                image.scaled(AttachmentUploader::kThumbnailSize, AttachmentUploader::kThumbnailSize,
                             Qt::KeepAspectRatio, Qt::SmoothTransformation);
            QBuffer buffer(&out.attachment.thumbnail);
            buffer.open(QIODevice::WriteOnly);
            small.save(&buffer, "PNG");
        }
    }
    out.attachment.content = std::move(content);
    if (stop->load())
        out.cancelled = true;
    return out;
}

} // namespace

AttachmentUploader::AttachmentUploader(DbExecutor &executor, Actor actor, qint64 requestId,
                                       QThreadPool *filePool, QObject *parent)
    : QObject(parent)
    , m_executor(executor)
    , m_actor(std::move(actor))
    , m_requestId(requestId)
    , m_pool(filePool ? filePool : QThreadPool::globalInstance())
{}

AttachmentUploader::~AttachmentUploader()
{
    // Whatever is not stored yet stays unstored.
    m_stop->store(true);
}

void AttachmentUploader::upload(const QStringList &paths)
{
    // Counted first: a file refused at once (its read already finished when awaited)
    // is through before the next one starts, and must not look like the last.
    m_pending += int(paths.size());
    // Each file's coroutine starts at once (eager tasks): they read in parallel.
    for (const QString &path : paths)
        uploadOne(path);
}

void AttachmentUploader::cancel()
{
    m_stop->store(true);
}

QCoro::Task<> AttachmentUploader::uploadOne(QString path)
{
    QPointer<AttachmentUploader> self(this);
    const QString name = QFileInfo(path).fileName();
    auto finish = [this, name](bool stored, const QString &message) {
        --m_pending;
        ++(stored ? m_stored : m_notStored);
        Q_EMIT fileDone(name, stored, message);
        if (m_pending == 0) {
            const int storedCount = std::exchange(m_stored, 0);
            const int refusedCount = std::exchange(m_notStored, 0);
            Q_EMIT finished(storedCount, refusedCount);
        }
    };
    auto reading = QtConcurrent::run(m_pool, prepare, path, m_requestId, m_stop, m_reading, m_peak);
    const Prepared prepared = co_await reading;
    if (!self)
        co_return;
    if (prepared.cancelled || m_stop->load()) {
        finish(false, interrupted(name));
        co_return;
    }
    if (!prepared.refusal.isEmpty()) {
        finish(false, prepared.refusal);
        co_return;
    }
    // One transaction per file, on the write thread; nothing but values goes along.
    auto work = [attachment = prepared.attachment, stop = m_stop, actor = m_actor](Database &db) {
        Stored out;
        if (stop->load()) {
            out.cancelled = true;
            return out;
        }
        Transaction tx(db);
        if (!tx.ok()) {
            out.result = tx.error();
            return out;
        }
        out.result = MaintenanceRepository(db, actor).addAttachment(attachment);
        if (!out.result)
            return out; // rolled back
        if (stop->load()) {
            tx.rollback();
            out.cancelled = true;
            return out;
        }
        if (VoidResult committed = tx.commit(); !committed)
            out.result = committed.error();
        return out;
    };
    auto writing = m_executor.write(std::move(work)); // named: GCC bug 100611
    const Stored stored = co_await writing;
    if (!self)
        co_return;
    if (stored.cancelled) {
        finish(false, interrupted(name));
        co_return;
    }
    if (!stored.result) {
        finish(false, tr("%1 was not attached: %2").arg(name, stored.result.error().message));
        co_return;
    }
    finish(true, tr("%1 attached.").arg(name));
}
