#include "models/itemmodels/reportstablemodel.h"

#include <QLocale>

ReportsTableModel::ReportsTableModel(DbExecutor &executor, QObject *parent)
    : RecordTableModel(executor, parent)
{}

void ReportsTableModel::setReportFilter(const ReportFilter &filter)
{
    if (m_filterSet && filter == m_reportFilter)
        return;
    m_filterSet = true;
    m_reportFilter = filter;
    reload();
}

ReportFilter ReportsTableModel::effectiveFilter(const ListFilter &filter) const
{
    ReportFilter f = m_reportFilter;
    if (f.search.trimmed().isEmpty())
        f.search = filter.search;
    if (!f.state && !filter.status.isEmpty())
        f.state = Report::stateFromCode(filter.status);
    return f;
}

int ReportsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ReportRepository::ColumnCount;
}

QVariant ReportsTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    if (role >= IdRole)
        return recordRoleData(index, role);
    if (role == Qt::TextAlignmentRole && index.column() == ReportRepository::Revision)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole)
        return {};
    const Report r = reportAt(index.row());
    switch (index.column()) {
    case ReportRepository::ProtocolNumber:
        return r.protocolNumber;
    case ReportRepository::Revision:
        return r.revision;
    case ReportRepository::State:
        if (r.isFinalizing())
            return tr("Finalizing");
        if (r.supersededById != 0)
            return tr("Superseded");
        return Report::stateLabel(r.state);
    case ReportRepository::SignedBy:
        return r.signerName;
    case ReportRepository::SignedAt:
        if (!r.signedAt.isValid())
            return QString();
        if (role == Qt::EditRole)
            return r.signedAt;
        return QLocale().toString(r.signedAt.toLocalTime(), QLocale::ShortFormat);
    default:
        return {};
    }
}

QVariant ReportsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return RecordTableModel::headerData(section, orientation, role);
    switch (section) {
    case ReportRepository::ProtocolNumber:
        return tr("Protocol");
    case ReportRepository::Revision:
        return tr("Revision");
    case ReportRepository::State:
        return tr("State");
    case ReportRepository::SignedBy:
        return tr("Signed by");
    case ReportRepository::SignedAt:
        return tr("Signed");
    default:
        return {};
    }
}

Report ReportsTableModel::reportAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return recordAt(row).value<Report>();
}

std::function<Result<RecordTableModel::Page>(Database &)>
ReportsTableModel::pageLoader(const PageRequest &request) const
{
    const ReportFilter filter = effectiveFilter(request.filter);
    return [request, filter](Database &db) -> Result<Page> {
        const Result<QList<Report>> rows = ReportRepository(db, Actor{}).page(filter, request);
        if (!rows)
            return rows.error();
        Page page;
        page.records.reserve(rows->size());
        for (const Report &r : rows.value())
            page.records.append(QVariant::fromValue(r));
        page.atEnd = rows->size() < request.limit;
        return page;
    };
}

std::function<Result<qint64>(Database &)> ReportsTableModel::countLoader(const ListFilter &listFilter) const
{
    const ReportFilter filter = effectiveFilter(listFilter);
    return [filter](Database &db) {
        return ReportRepository(db, Actor{}).count(filter);
    };
}

QVariant ReportsTableModel::sortValueOf(const QVariant &record, int column) const
{
    return ReportRepository::sortValue(record.value<Report>(), column);
}

qint64 ReportsTableModel::idOf(const QVariant &record) const
{
    return record.value<Report>().id;
}

int ReportsTableModel::versionOf(const QVariant &record) const
{
    return record.value<Report>().version;
}
