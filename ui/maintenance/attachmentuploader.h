#pragma once

#include "models/core/actor.h"

#include <QCoroTask>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <atomic>
#include <memory>

class DbExecutor;
class QThreadPool;

// Stores files as attachments of one maintenance request, several at once, without
// ever blocking the GUI thread: each file is read, checked (size first, then its type
// judged by content: MaintenanceRules) and, for a photo, thumbnailed (QImage scaled) on
// `filePool` with QtConcurrent, all files at the same time; each accepted file is then
// written by the DbExecutor's write thread in a transaction of its own. So a refused,
// unreadable or interrupted file leaves no row, and the others are stored whole.
//
// cancel() (the request window closes) stops what has not been stored yet: reading
// stops at its next chunk, and a write not yet begun is skipped; a write already
// running commits its one file completely or not at all. Files that change or vanish
// while being read are refused ("… changed while it was read").
//
// GUI thread only. It may be deleted while work is under way: the work holds only
// values and a shared stop flag; the pool and the executor outlive it.
//
//   auto *uploader = new AttachmentUploader(executor, actor, requestId, pool, this);
//   connect(uploader, &AttachmentUploader::fileDone, this, [](const QString &name, bool stored, const QString
//   &why) {…}); uploader->upload(paths);
class AttachmentUploader : public QObject
{
    Q_OBJECT
public:
    // Longest side of a thumbnail, in pixels.
    static constexpr int kThumbnailSize = 160;

    AttachmentUploader(DbExecutor &executor, Actor actor, qint64 requestId, QThreadPool *filePool,
                       QObject *parent = nullptr);
    ~AttachmentUploader() override;

    // Starts storing the files; returns at once. May be called again while busy.
    void upload(const QStringList &paths);
    void cancel();
    bool isBusy() const { return m_pending > 0; }
    int pending() const { return m_pending; }
    // The most files read at the same time so far (for tests of the concurrency).
    int peakConcurrentReads() const { return m_peak->load(); }

Q_SIGNALS:
    // One file is through: stored, or not with the reason (translated, naming the file).
    void fileDone(const QString &fileName, bool stored, const QString &message);
    // Every file given so far is through.
    void finished(int stored, int notStored);

private:
    QCoro::Task<> uploadOne(QString path);

    DbExecutor &m_executor;
    Actor m_actor;
    qint64 m_requestId;
    QThreadPool *m_pool;
    std::shared_ptr<std::atomic_bool> m_stop = std::make_shared<std::atomic_bool>(false);
    std::shared_ptr<std::atomic_int> m_reading = std::make_shared<std::atomic_int>(0);
    std::shared_ptr<std::atomic_int> m_peak = std::make_shared<std::atomic_int>(0);
    int m_pending = 0;
    int m_stored = 0;
    int m_notStored = 0;
};
