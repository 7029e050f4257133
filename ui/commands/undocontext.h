#pragma once

#include "models/core/actor.h"
#include "models/db/dberror.h"
#include "models/db/result.h"

#include <QCoroTask>
#include <QObject>
#include <QPointer>

#include <functional>

class Database;
class DbExecutor;
class QUndoStack;

// What the window's editing parts share: the executor that runs writes, the acting
// user, the undo stack, and the two things that follow a write — reporting a failure
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
};
