#include "ui/commands/undocontext.h"

#include <QUndoStack>

UndoContext::UndoContext(DbExecutor &executor, Actor actor, QObject *parent)
    : QObject(parent)
    , m_executor(executor)
    , m_actor(std::move(actor))
    , m_undoStack(new QUndoStack(this))
{
    m_undoStack->setObjectName(QStringLiteral("undoStack"));
}

void UndoContext::reportFailure(const QString &what, const DbError &error)
{
    QString message = error.text();
    if (error.isConnectionProblem())
        message = tr("The database cannot be reached. Nothing was changed; try again when the connection returns.");
    Q_EMIT failed(what, message);
}

void UndoContext::notifyChanged(int metaTypeId)
{
    Q_EMIT recordsChanged(metaTypeId);
}
