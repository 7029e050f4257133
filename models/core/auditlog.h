#pragma once

#include "models/db/result.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

class Database;

// One line of the audit trail: who did what to which record, when, with the fields
// before and after (JSON objects of the fields that matter; empty when there was no
// "before", as for a create).
struct AuditEntry
{
    qint64 id = 0;
    qint64 atMs = 0; // ms since the epoch, UTC
    QString username;
    QString entity; // "protocol", "report", "work_order", "client"
    qint64 entityId = 0;
    QString action; // "create", "update", "transition", "finalize" …
    QJsonObject before;
    QJsonObject after;
    qint64 jobId = 0; // 0: not done by a job
    // Optional: before/after already rendered as compact JSON object text. When set,
    // written instead of `before`/`after` (bulk writers render thousands of entries
    // much faster as text than through QJsonObject).
    QString beforeJson = {};
    QString afterJson = {};
};
Q_DECLARE_METATYPE(AuditEntry)

// Writes and reads audit entries (table audit_entries) on the calling thread's
// connection. write() and writeMany() run inside the caller's open transaction, so an
// entry commits if and only if the change it records commits; they open none of
// their own.
//
//   Transaction tx(db);
//   ... UPDATE protocols ...
//   if (auto r = AuditLog(db).write(entry); !r) return r.error();
//   tx.commit();
class AuditLog
{
public:
    explicit AuditLog(Database &db);

    VoidResult write(const AuditEntry &entry);
    // Batched multi-row inserts: thousands of entries cost a few statements.
    VoidResult writeMany(const QList<AuditEntry> &entries);

    // Oldest first.
    Result<QList<AuditEntry>> forEntity(const QString &entity, qint64 entityId);
    Result<QList<AuditEntry>> forJob(qint64 jobId);
    Result<qint64> count(const QString &entity = {});

    static qint64 nowMs();

private:
    Result<QList<AuditEntry>> query(const QString &where, const QVariantList &values);

    Database &m_db;
};
