#include "models/itemmodels/audittablemodel.h"

#include <QDateTime>
#include <QJsonValue>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace {

QString valueText(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return u"∅"_s;
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 15);
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    return {};
}

} // namespace

AuditTableModel::AuditTableModel(DbExecutor &executor, QObject *parent)
    : RecordTableModel(executor, parent)
{}

int AuditTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AuditTableModel::changeSummary(const AuditEntry &entry)
{
    QStringList parts;
    if (!entry.before.isEmpty() && !entry.after.isEmpty()) {
        // A change holds no bookkeeping (version, updated_at, updated_by: AuditLog leaves
        // them out); who and when are in their own columns.
        for (auto it = entry.after.constBegin(); it != entry.after.constEnd(); ++it) {
            const QJsonValue old = entry.before.value(it.key());
            if (old != it.value())
                parts << u"%1: %2 → %3"_s.arg(it.key(), valueText(old), valueText(it.value()));
        }
    } else {
        const QJsonObject &row = entry.after.isEmpty() ? entry.before : entry.after;
        for (auto it = row.constBegin(); it != row.constEnd(); ++it) {
            if (it.key().endsWith(u"_at") || it.key().endsWith(u"_by"))
                continue;
            parts << u"%1: %2"_s.arg(it.key(), valueText(it.value()));
        }
    }
    return parts.join(u"; "_s);
}

QVariant AuditTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    if (role >= IdRole)
        return recordRoleData(index, role);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const AuditEntry e = entryAt(index.row());
    switch (index.column()) {
    case AuditLog::Time:
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(e.atMs), QLocale::ShortFormat);
    case AuditLog::Person:
        return e.username;
    case AuditLog::Login:
        return e.sessionLogin;
    case AuditLog::Entity:
        return e.entity;
    case AuditLog::Record:
        return e.recordText();
    case AuditLog::Action:
        return e.action;
    case AuditLog::Job:
        return e.jobId > 0 ? QVariant(e.jobId) : QVariant();
    case Changes: {
        const QString summary = changeSummary(e);
        return role == Qt::ToolTipRole ? QString(summary).replace(u"; "_s, u"\n"_s) : summary;
    }
    default:
        return {};
    }
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return RecordTableModel::headerData(section, orientation, role);
    switch (section) {
    case AuditLog::Time:
        return tr("Time");
    case AuditLog::Person:
        return tr("Person");
    case AuditLog::Login:
        return tr("Signed in as");
    case AuditLog::Entity:
        return tr("Table");
    case AuditLog::Record:
        return tr("Record");
    case AuditLog::Action:
        return tr("Action");
    case AuditLog::Job:
        return tr("Job");
    case Changes:
        return tr("Changes");
    default:
        return {};
    }
}

AuditEntry AuditTableModel::entryAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return recordAt(row).value<AuditEntry>();
}

void AuditTableModel::setAuditFilter(const AuditFilter &filter)
{
    if (filter == m_auditFilter)
        return;
    m_auditFilter = filter;
    reload();
}

std::function<Result<RecordTableModel::Page>(Database &)>
AuditTableModel::pageLoader(const PageRequest &request) const
{
    const AuditFilter filter = m_auditFilter;
    return [request, filter](Database &db) -> Result<Page> {
        const Result<QList<AuditEntry>> rows = AuditLog(db).page(filter, request);
        if (!rows)
            return rows.error();
        Page page;
        page.records.reserve(rows->size());
        for (const AuditEntry &e : rows.value())
            page.records.append(QVariant::fromValue(e));
        page.atEnd = rows->size() < request.limit;
        return page;
    };
}

std::function<Result<qint64>(Database &)> AuditTableModel::countLoader(const ListFilter &) const
{
    const AuditFilter filter = m_auditFilter;
    return [filter](Database &db) {
        return AuditLog(db).count(filter);
    };
}

QVariant AuditTableModel::sortValueOf(const QVariant &record, int column) const
{
    return AuditLog::sortValue(record.value<AuditEntry>(), column);
}

qint64 AuditTableModel::idOf(const QVariant &record) const
{
    return record.value<AuditEntry>().id;
}

int AuditTableModel::versionOf(const QVariant &) const
{
    return 1; // entries never change
}
