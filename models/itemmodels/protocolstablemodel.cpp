#include "models/itemmodels/protocolstablemodel.h"

#include <QLocale>

ProtocolsTableModel::ProtocolsTableModel(DbExecutor &executor, QObject *parent)
    : RecordTableModel(executor, parent)
{}

void ProtocolsTableModel::setProtocolFilter(const ProtocolFilter &filter)
{
    if (m_filterSet && filter == m_protocolFilter)
        return;
    m_filterSet = true;
    m_protocolFilter = filter;
    reload();
}

ProtocolFilter ProtocolsTableModel::effectiveFilter(const ListFilter &filter) const
{
    ProtocolFilter f = m_protocolFilter;
    if (f.search.trimmed().isEmpty())
        f.search = filter.search;
    if (!f.state && !filter.status.isEmpty())
        f.state = Protocol::stateFromCode(filter.status);
    return f;
}

int ProtocolsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ProtocolRepository::ColumnCount;
}

QVariant ProtocolsTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    if (role >= IdRole)
        return recordRoleData(index, role);
    if (role == Qt::TextAlignmentRole && index.column() == ProtocolRepository::Samples)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole)
        return {};
    const Protocol p = protocolAt(index.row());
    const auto time = [role](const QDateTime &t) -> QVariant {
        if (!t.isValid())
            return QString();
        if (role == Qt::EditRole)
            return t;
        return QLocale().toString(t.toLocalTime(), QLocale::ShortFormat);
    };
    switch (index.column()) {
    case ProtocolRepository::Number:
        return p.number;
    case ProtocolRepository::Client:
        return p.clientName;
    case ProtocolRepository::Species:
        return p.species;
    case ProtocolRepository::AnimalId:
        return p.animalId;
    case ProtocolRepository::Samples:
        return p.sampleCount;
    case ProtocolRepository::State:
        return Protocol::stateLabel(p.state);
    case ProtocolRepository::SubmittedAt:
        return time(p.submittedAt);
    case ProtocolRepository::ReceivedAt:
        return time(p.receivedAt);
    default:
        return {};
    }
}

QVariant ProtocolsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return RecordTableModel::headerData(section, orientation, role);
    switch (section) {
    case ProtocolRepository::Number:
        return tr("Number");
    case ProtocolRepository::Client:
        return tr("Client");
    case ProtocolRepository::Species:
        return tr("Species");
    case ProtocolRepository::AnimalId:
        return tr("Animal ID");
    case ProtocolRepository::Samples:
        return tr("Samples");
    case ProtocolRepository::State:
        return tr("State");
    case ProtocolRepository::SubmittedAt:
        return tr("Submitted");
    case ProtocolRepository::ReceivedAt:
        return tr("Received");
    default:
        return {};
    }
}

Protocol ProtocolsTableModel::protocolAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return recordAt(row).value<Protocol>();
}

std::function<Result<RecordTableModel::Page>(Database &)>
ProtocolsTableModel::pageLoader(const PageRequest &request) const
{
    const ProtocolFilter filter = effectiveFilter(request.filter);
    return [request, filter](Database &db) -> Result<Page> {
        const Result<QList<Protocol>> rows = ProtocolRepository(db, Actor{}).page(filter, request);
        if (!rows)
            return rows.error();
        Page page;
        page.records.reserve(rows->size());
        for (const Protocol &p : rows.value())
            page.records.append(QVariant::fromValue(p));
        page.atEnd = rows->size() < request.limit;
        return page;
    };
}

std::function<Result<qint64>(Database &)> ProtocolsTableModel::countLoader(const ListFilter &listFilter) const
{
    const ProtocolFilter filter = effectiveFilter(listFilter);
    return [filter](Database &db) {
        return ProtocolRepository(db, Actor{}).count(filter);
    };
}

QVariant ProtocolsTableModel::sortValueOf(const QVariant &record, int column) const
{
    return ProtocolRepository::sortValue(record.value<Protocol>(), column);
}

qint64 ProtocolsTableModel::idOf(const QVariant &record) const
{
    return record.value<Protocol>().id;
}

int ProtocolsTableModel::versionOf(const QVariant &record) const
{
    return record.value<Protocol>().version;
}
