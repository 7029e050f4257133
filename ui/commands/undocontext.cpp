#include "ui/commands/undocontext.h"

#include "models/db/dbexecutor.h"

#include <QCoroFuture>
#include <QUndoStack>

void RecordVersions::remember(int metaTypeId, qint64 id, int version)
{
    if (id <= 0)
        return;
    const QMutexLocker lock(&m_mutex);
    int &known = m_versions[qMakePair(metaTypeId, id)];
    known = qMax(known, version);
}

int RecordVersions::expected(int metaTypeId, qint64 id, int fallback) const
{
    const QMutexLocker lock(&m_mutex);
    return m_versions.value(qMakePair(metaTypeId, id), fallback);
}

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
        message =
            tr("The database cannot be reached. Nothing was changed; try again when the connection returns.");
    Q_EMIT failed(what, message);
}

void UndoContext::notifyChanged(int metaTypeId)
{
    Q_EMIT recordsChanged(metaTypeId);
}

QCoro::Task<> UndoContext::runStep(QPointer<UndoContext> context, std::function<VoidResult(Database &)> work,
                                   QString what, int metaTypeId)
{
    if (!context)
        co_return;
    // A named future, not a temporary: GCC 12 destroys temporaries of a co_await
    // full-expression twice (GCC bug 100611).
    auto future = context->executor().write(std::move(work));
    const VoidResult result = co_await future;
    if (!context)
        co_return;
    if (!result)
        context->reportFailure(what, result.error());
    context->notifyChanged(metaTypeId);
}
