#include "models/db/dbexecutor.h"

DbExecutor::DbExecutor(Database &db, QObject *parent)
    : QObject(parent)
    , m_db(db)
{
    m_readPool.setObjectName(QStringLiteral("residesk-db-read"));
    m_readPool.setMaxThreadCount(2);
    m_readPool.setExpiryTimeout(-1);
    m_writePool.setObjectName(QStringLiteral("residesk-db-write"));
    m_writePool.setMaxThreadCount(1);
    m_writePool.setExpiryTimeout(-1);
}

DbExecutor::~DbExecutor()
{
    waitForDone();
}

void DbExecutor::waitForDone()
{
    m_writePool.waitForDone();
    m_readPool.waitForDone();
}
