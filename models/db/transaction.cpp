#include "models/db/transaction.h"

#include "models/db/database.h"
#include "models/db/dialect.h"
#include "models/db/sqlstatement.h"

#include <QList>

namespace {
// The databases with an open Transaction on this thread (one connection per thread and
// database, and transactions do not nest, so a database appears at most once).
thread_local QList<const Database *> t_open;
} // namespace

bool Transaction::isOpen(const Database &db)
{
    return t_open.contains(&db);
}

Transaction::Transaction(Database &db, Mode mode)
    : m_db(db)
{
    const QString begin = mode == Mode::Write ? Dialect::beginWrite(db.config().backend) : QStringLiteral("BEGIN");
    const VoidResult r = SqlStatement::run(db, begin);
    m_active = r.ok();
    if (!m_active)
        m_error = r.error();
    else
        t_open.append(&db);
}

Transaction::~Transaction()
{
    if (m_active)
        rollback();
}

VoidResult Transaction::commit()
{
    if (!m_active)
        return m_error.code != DbError::Code::None
                   ? m_error
                   : DbError(DbError::Code::QueryFailed, DbError::tr("The transaction is no longer active."));
    m_active = false;
    t_open.removeOne(&m_db);
    const VoidResult r = SqlStatement::run(m_db, QStringLiteral("COMMIT"));
    if (!r) {
        SqlStatement::run(m_db, QStringLiteral("ROLLBACK"));
        return r.error();
    }
    return {};
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    t_open.removeOne(&m_db);
    SqlStatement::run(m_db, QStringLiteral("ROLLBACK"));
}
