#include "models/core/batchinsert.h"

#include "models/db/database.h"
#include "models/db/sqlstatement.h"

#include <QStringList>

BatchInsert::BatchInsert(Database &db, QString head, int columns, QString tail)
    : m_db(db)
    , m_head(std::move(head))
    , m_tail(std::move(tail))
    , m_columns(qMax(1, columns))
    , m_rowsPerStatement(rowsPerStatement(db, columns))
{
    m_pending.reserve(m_rowsPerStatement * m_columns);
}

BatchInsert::~BatchInsert() = default;

int BatchInsert::rowsPerStatement(const Database &db, int columns)
{
    if (!db.isPostgreSQL())
        return 10;
    // Well below PostgreSQL's 65,535 parameters a statement.
    return qBound(1, 4000 / qMax(1, columns), 500);
}

QString BatchInsert::statementText(int rows) const
{
    QString row = QStringLiteral("(?");
    for (int c = 1; c < m_columns; ++c)
        row += QStringLiteral(", ?");
    row += QLatin1Char(')');
    QStringList all;
    all.reserve(rows);
    for (int r = 0; r < rows; ++r)
        all << row;
    return m_head + QStringLiteral(" VALUES ") + all.join(QStringLiteral(", ")) + m_tail;
}

VoidResult BatchInsert::add(const QVariantList &row)
{
    Q_ASSERT(row.size() == m_columns);
    m_pending.append(row);
    if (m_pending.size() >= qsizetype(m_rowsPerStatement) * m_columns)
        return write(m_rowsPerStatement);
    return {};
}

VoidResult BatchInsert::flush()
{
    const int rows = int(m_pending.size() / m_columns);
    if (rows == 0)
        return {};
    return write(rows);
}

VoidResult BatchInsert::write(int rows)
{
    std::unique_ptr<SqlStatement> partial;
    SqlStatement *st = nullptr;
    if (rows == m_rowsPerStatement) {
        if (!m_full)
            m_full = std::make_unique<SqlStatement>(m_db, statementText(rows));
        st = m_full.get();
    } else {
        partial = std::make_unique<SqlStatement>(m_db, statementText(rows));
        st = partial.get();
    }
    for (const QVariant &v : std::as_const(m_pending))
        st->bind(v);
    m_pending.clear();
    if (auto r = st->exec(); !r)
        return r;
    m_inserted += qMax(0, st->numRowsAffected());
    return {};
}
