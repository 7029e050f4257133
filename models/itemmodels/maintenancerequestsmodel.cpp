#include "models/itemmodels/maintenancerequestsmodel.h"

#include "models/db/dbexecutor.h"

#include <QBrush>
#include <QColor>
#include <QCoroFuture>
#include <QLocale>
#include <QPointer>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

QString localTime(const QDateTime &t)
{
    return t.isValid() ? QLocale().toString(t.toLocalTime(), u"yyyy-MM-dd HH:mm"_s) : QString();
}

} // namespace

MaintenanceRequestsModel::MaintenanceRequestsModel(DbExecutor &executor, QObject *parent)
    : QAbstractTableModel(parent)
    , m_executor(executor)
{
    m_filter.unfinishedOnly = true;
    // Requests become overdue as time passes: repaint their colour once a minute.
    auto *tick = new QTimer(this);
    tick->setInterval(60 * 1000);
    connect(tick, &QTimer::timeout, this, [this] {
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                               {Qt::ForegroundRole, OverdueRole});
    });
    tick->start();
}

int MaintenanceRequestsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MaintenanceRequestsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QDateTime MaintenanceRequestsModel::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

void MaintenanceRequestsModel::setNow(const QDateTime &now)
{
    m_now = now;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                           {Qt::ForegroundRole, OverdueRole});
}

QVariant MaintenanceRequestsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const MaintenanceRequest &r = m_rows.at(index.row());
    switch (role) {
    case IdRole:
        return r.id;
    case RecordRole:
        return QVariant::fromValue(r);
    case OverdueRole:
        return r.isOverdue(now());
    case BuildingRole:
        return r.buildingCode;
    case Qt::ForegroundRole:
        if (r.isOverdue(now()))
            return QBrush(QColor(0xc6, 0x28, 0x28));
        if (Maintenance::isFinished(r.state))
            return QBrush(QColor(0x75, 0x75, 0x75));
        return {};
    case Qt::ToolTipRole:
        if (r.isOverdue(now()))
            return tr("Overdue: it was due %1.").arg(localTime(r.dueAt));
        if (r.needsAttention)
            return tr("Needs attention: nobody could take it.");
        return r.description;
    case Qt::TextAlignmentRole:
        return index.column() == IdColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case SortRole:
        switch (Column(index.column())) {
        case IdColumn:
            return r.id;
        case PriorityColumn:
            return int(r.priority);
        case StateColumn:
            return int(r.state);
        case DueColumn:
            return r.dueAt;
        default:
            return data(index, Qt::DisplayRole).toString().toLower();
        }
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case IdColumn:
            return r.id;
        case PlaceColumn:
            return r.placeLabel();
        case CategoryColumn:
            return Maintenance::categoryLabel(r.category);
        case PriorityColumn:
            return Maintenance::priorityLabel(r.priority);
        case StateColumn:
            return r.needsAttention && r.state == Maintenance::State::Open
                       ? tr("%1 (needs attention)").arg(Maintenance::stateLabel(r.state))
                       : Maintenance::stateLabel(r.state);
        case TechnicianColumn:
            return r.technicianName;
        case DueColumn:
            return localTime(r.dueAt);
        case DescriptionColumn:
            return r.description.section(u'\n', 0, 0);
        case ColumnCount:
            break;
        }
        return {};
    default:
        return {};
    }
}

QVariant MaintenanceRequestsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case IdColumn:
        return tr("No.");
    case PlaceColumn:
        return tr("Place");
    case CategoryColumn:
        return tr("Category");
    case PriorityColumn:
        return tr("Priority");
    case StateColumn:
        return tr("State");
    case TechnicianColumn:
        return tr("Technician");
    case DueColumn:
        return tr("Due");
    case DescriptionColumn:
        return tr("Description");
    case ColumnCount:
        break;
    }
    return {};
}

bool MaintenanceRequestsModel::setFilter(const MaintenanceFilter &filter)
{
    const bool same = filter.state == m_filter.state && filter.unfinishedOnly == m_filter.unfinishedOnly &&
                      filter.overdueOnly == m_filter.overdueOnly &&
                      filter.buildingCode == m_filter.buildingCode && filter.search == m_filter.search &&
                      filter.limit == m_filter.limit;
    m_filter = filter;
    if (!same)
        reload();
    return !same;
}

void MaintenanceRequestsModel::reload()
{
    load();
}

int MaintenanceRequestsModel::rowOfId(qint64 id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

QMap<QString, QString> MaintenanceRequestsModel::buildings() const
{
    QMap<QString, QString> out;
    for (const MaintenanceRequest &r : m_rows)
        out.insert(r.buildingCode, r.buildingName);
    return out;
}

QCoro::Task<> MaintenanceRequestsModel::load()
{
    QPointer<MaintenanceRequestsModel> self(this);
    const quint64 generation = ++m_generation;
    m_loading = true;
    MaintenanceFilter filter = m_filter;
    if (filter.overdueOnly && !filter.now.isValid())
        filter.now = now();
    // The list is read only; nobody is acting.
    auto work = [filter](Database &db) {
        return MaintenanceRepository(db, Actor{}).list(filter);
    };
    auto future = m_executor.read(std::move(work)); // named: GCC bug 100611
    const Result<QList<MaintenanceRequest>> rows = co_await future;
    if (!self || generation != m_generation)
        co_return;
    m_loading = false;
    if (!rows) {
        Q_EMIT loadFailed(rows.error());
        co_return;
    }
    beginResetModel();
    m_rows = rows.value();
    endResetModel();
    Q_EMIT loaded();
}
