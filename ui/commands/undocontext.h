#pragma once

#include "models/core/actor.h"
#include "models/db/dberror.h"
#include "models/db/result.h"

#include <QCoroTask>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QPair>
#include <QPointer>

#include <functional>
#include <memory>

class Database;
class DbExecutor;
class QUndoStack;

// The version each record has after this window's own last write to it, by the
// record's meta type id (qMetaTypeId<Resident>()) and id. An undo or redo step expects
// this version, not the one its command saw when it was pushed: the window's own later
// writes to the same record (a check-in after the reservation, a second edit of the
// same resident) are no conflict, and another user's write still is. Thread-safe: the
// steps run on the executor's write thread, commands are pushed on the GUI thread.
class RecordVersions
{
public:
    // Keeps the highest version written (a record's versions only grow, a restore too),
    // so a late remember() of an older write changes nothing.
    void remember(int metaTypeId, qint64 id, int version);
    // `fallback` when this window has not written the record.
    int expected(int metaTypeId, qint64 id, int fallback) const;

private:
    mutable QMutex m_mutex;
    QHash<QPair<int, qint64>, int> m_versions;
};

// What the window's editing parts share: the executor that runs writes, the acting
// user, the undo stack, the versions its own writes produced (RecordVersions), and the
// two things that follow a write — reporting a failure
// and telling the pages that a table changed. Owned by the main window; GUI thread only.
//
//   ctx.undoStack()->push(new RecordCommand<ResidentRepository, Resident>(ctx, ...));
//   ctx.notifyChanged(qMetaTypeId<Resident>());   // the residents page reloads
class UndoContext : public QObject
{
    Q_OBJECT
public:
    UndoContext(DbExecutor &executor, Actor actor, QObject *parent = nullptr);

    DbExecutor &executor() const { return m_executor; }
    const Actor &actor() const { return m_actor; }
    QUndoStack *undoStack() const { return m_undoStack; }
    // Held by the steps of commands (they may outlive this context on the write thread).
    const std::shared_ptr<RecordVersions> &versions() const { return m_versions; }

    // `what` names the action that failed ("Undo Edit resident Ana López").
    void reportFailure(const QString &what, const DbError &error);
    // A write to the entity with this meta type id (qMetaTypeId<Resident>()) succeeded.
    void notifyChanged(int metaTypeId);

    // One step of an undo command (its redo or undo): `work` runs on the write executor;
    // then a failure is reported under `what`, and the pages of `metaTypeId` reload
    // either way (a failed step may still have found the row changed by someone else).
    static QCoro::Task<> runStep(QPointer<UndoContext> context, std::function<VoidResult(Database &)> work,
                                 QString what, int metaTypeId);

Q_SIGNALS:
    void failed(const QString &what, const QString &message);
    void recordsChanged(int metaTypeId);

private:
    DbExecutor &m_executor;
    Actor m_actor;
    QUndoStack *m_undoStack;
    std::shared_ptr<RecordVersions> m_versions = std::make_shared<RecordVersions>();
};
