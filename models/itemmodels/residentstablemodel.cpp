#include "models/itemmodels/residentstablemodel.h"

#include "models/housing/residentrepository.h"

ResidentsTableModel::ResidentsTableModel(DbExecutor &executor, QObject *parent)
    : RecordTableModel(executor, parent)
{
}

int ResidentsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ResidentRepository::ColumnCount;
}

QVariant ResidentsTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    if (role >= IdRole)
        return recordRoleData(index, role);
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole)
        return {};
    const Resident r = residentAt(index.row());
    switch (index.column()) {
    case ResidentRepository::StudentId: return r.studentId;
    case ResidentRepository::FirstName: return r.firstName;
    case ResidentRepository::LastName: return r.lastName;
    case ResidentRepository::Email: return r.email;
    case ResidentRepository::Phone: return r.phone;
    case ResidentRepository::Status: return Resident::statusLabel(r.status);
    default: return {};
    }
}

QVariant ResidentsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return RecordTableModel::headerData(section, orientation, role);
    switch (section) {
    case ResidentRepository::StudentId: return tr("Student ID");
    case ResidentRepository::FirstName: return tr("First name");
    case ResidentRepository::LastName: return tr("Last name");
    case ResidentRepository::Email: return tr("E-mail");
    case ResidentRepository::Phone: return tr("Phone");
    case ResidentRepository::Status: return tr("Status");
    default: return {};
    }
}

Resident ResidentsTableModel::residentAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return recordAt(row).value<Resident>();
}

std::function<Result<RecordTableModel::Page>(Database &)> ResidentsTableModel::pageLoader(const PageRequest &request) const
{
    return [request](Database &db) -> Result<Page> {
        const Result<QList<Resident>> rows = ResidentRepository(db, Actor{}).page(request);
        if (!rows)
            return rows.error();
        Page page;
        page.records.reserve(rows->size());
        for (const Resident &r : rows.value())
            page.records.append(QVariant::fromValue(r));
        page.atEnd = rows->size() < request.limit;
        return page;
    };
}

std::function<Result<qint64>(Database &)> ResidentsTableModel::countLoader(const ListFilter &filter) const
{
    return [filter](Database &db) { return ResidentRepository(db, Actor{}).count(filter); };
}

QVariant ResidentsTableModel::sortValueOf(const QVariant &record, int column) const
{
    return ResidentRepository::sortValue(record.value<Resident>(), column);
}

qint64 ResidentsTableModel::idOf(const QVariant &record) const
{
    return record.value<Resident>().id;
}

int ResidentsTableModel::versionOf(const QVariant &record) const
{
    return record.value<Resident>().version;
}
