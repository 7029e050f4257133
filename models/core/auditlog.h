#pragma once

#include "models/core/listquery.h"
#include "models/db/result.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

class Database;

// One line of the audit trail, written by the database's triggers
// (resources/migrations/0012_audit*.sql): who changed which record, when, for which
// job, with the record before and after (JSON objects): a create has the whole new row
// (before empty), a delete the whole old row (after empty), and any other change the
// columns it changed, their values before and after, except the bookkeeping columns
// version, updated_at and updated_by (the entry's own time and person say when and by
// whom; a change of only those has both empty). (PostgreSQL's triggers record only the
// changed columns, without the bookkeeping since migration 0033; SQLite's record whole
// rows. The reader keeps the changed columns less the bookkeeping, so both backends, and
// entries written before 0033, read the same.)
struct AuditEntry
{
    qint64 id = 0;
    qint64 atMs = 0;  // ms since the epoch, UTC
    QString username; // the person acting (on PostgreSQL also the one a worker acted for)
    QString entity;   // "protocol", "report", "work_order", "client", "allocation", "person" …
    qint64 entityId = 0;
    QString action; // "create", "update", "delete", "transition", "finalize" …
    QJsonObject before;
    QJsonObject after;
    qint64 jobId = 0;     // 0: not done by a job
    QString sessionLogin; // who was signed in (a worker's login when it ran someone's job)
    QString recordKey;    // a text key (a person's login); empty for records with an id

    // "42", or the login of a person.
    QString recordText() const { return recordKey.isEmpty() ? QString::number(entityId) : recordKey; }
};
Q_DECLARE_METATYPE(AuditEntry)

// What the audit list shows: every field optional.
struct AuditFilter
{
    QString entity;    // an entity ("protocol") or its table ("protocols")
    QString username;  // the person acting
    QString record;    // an id, or a person's login
    qint64 fromMs = 0; // from this time on (ms since the epoch), 0: any
    qint64 toMs = 0;   // before this time, 0: any
    qint64 jobId = 0;

    bool operator==(const AuditFilter &) const = default;
};

// Reads the audit trail on the calling thread's connection (SQLite: table audit_entries;
// PostgreSQL: its batches, audit_batches, of which audit_entries is a view).
// Nothing in Residesk writes it: the database's triggers do, and on PostgreSQL no
// person's role may insert, change or delete a row of it (only administrators and
// workers read it).
//
//   const Result<QList<AuditEntry>> history = AuditLog(db).forEntity(u"report"_s, 17);
class AuditLog
{
public:
    // Sort columns of page() (PageRequest::sortColumn).
    enum Column { Time, Person, Login, Entity, Record, Action, Job, ColumnCount };

    explicit AuditLog(Database &db);

    // Oldest first.
    Result<QList<AuditEntry>> forEntity(const QString &entity, qint64 entityId);
    Result<QList<AuditEntry>> forJob(qint64 jobId);
    Result<qint64> count(const QString &entity = {});

    // A keyset page of the entries matching `filter` (request.filter is not used).
    Result<QList<AuditEntry>> page(const AuditFilter &filter, const PageRequest &request);
    Result<qint64> count(const AuditFilter &filter);
    // The sort value page() continues after, for the entry and column.
    static QVariant sortValue(const AuditEntry &entry, int column);

    // The entity of a table name ("protocols" → "protocol"); an entity name as it is.
    static QString entityOf(const QString &tableOrEntity);
    // The entities (record kinds) the triggers audit.
    static QStringList entities();

private:
    // " ORDER BY …" in the entries' id order.
    QString idOrder(Qt::SortOrder order) const;
    Result<QList<AuditEntry>> query(const QString &where, const QVariantList &values,
                                    const QString &tail = QStringLiteral(" ORDER BY id"));

    Database &m_db;
};
