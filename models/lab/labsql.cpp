#include "models/lab/labsql_p.h"

#include "models/db/database.h"
#include "models/db/events.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcLab, "residesk.lab")

namespace LabSql {

QVariant timeParam(DatabaseBackend backend, const QDateTime &time)
{
    if (!time.isValid())
        return backend == DatabaseBackend::PostgreSQL ? QVariant(QMetaType::fromType<QDateTime>())
                                                      : QVariant(QMetaType::fromType<QString>());
    const QDateTime utc = time.toUTC();
    if (backend == DatabaseBackend::PostgreSQL)
        return utc;
    return utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + QLatin1Char('Z');
}

QDateTime readTime(const QVariant &value)
{
    if (value.isNull())
        return {};
    if (value.metaType() == QMetaType::fromType<QDateTime>())
        return value.toDateTime().toUTC();
    QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(value.toString(), Qt::ISODate);
    return t.toUTC();
}

QVariant nullableId(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

qint64 readId(const QVariant &value)
{
    return value.isNull() ? 0 : value.toLongLong();
}

void announceChange(Database &db, const QString &table)
{
    if (const VoidResult r = Events::publishRecordsChanged(db, table); !r)
        qCWarning(lcLab) << "cannot announce a change to" << table << r.error().message << r.error().detail;
}

} // namespace LabSql
