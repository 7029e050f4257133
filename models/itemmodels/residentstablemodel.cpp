#include "models/itemmodels/residentstablemodel.h"

#include "models/housing/allocation/allocationrepository.h"
#include "models/housing/residentrepository.h"

#include <QDate>
#include <QHash>

namespace {
// A loaded row: the resident and where they hold a bed today ("NH/101", or empty).
struct ResidentRow
{
    Resident resident;
    QString room;
};
} // namespace
Q_DECLARE_METATYPE(ResidentRow)

ResidentsTableModel::ResidentsTableModel(DbExecutor &executor, QObject *parent)
    : RecordTableModel(executor, parent)
{}

int ResidentsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ResidentsTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    if (role == RecordRole) // the Resident, as every record model gives its struct
        return QVariant::fromValue(residentAt(index.row()));
    if (role >= IdRole)
        return recordRoleData(index, role);
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole)
        return {};
    if (index.column() == RoomColumn)
        return recordAt(index.row()).value<ResidentRow>().room;
    const Resident r = residentAt(index.row());
    switch (index.column()) {
    case ResidentRepository::StudentId:
        return r.studentId;
    case ResidentRepository::FirstName:
        return r.firstName;
    case ResidentRepository::LastName:
        return r.lastName;
    case ResidentRepository::Email:
        return r.email;
    case ResidentRepository::Phone:
        return r.phone;
    case ResidentRepository::Status:
        return Resident::statusLabel(r.status);
    default:
        return {};
    }
}

QVariant ResidentsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return RecordTableModel::headerData(section, orientation, role);
    switch (section) {
    case ResidentRepository::StudentId:
        return tr("Student ID");
    case ResidentRepository::FirstName:
        return tr("First name");
    case ResidentRepository::LastName:
        return tr("Last name");
    case ResidentRepository::Email:
        return tr("E-mail");
    case ResidentRepository::Phone:
        return tr("Phone");
    case ResidentRepository::Status:
        return tr("Status");
    case RoomColumn:
        return tr("Room today");
    default:
        return {};
    }
}

Resident ResidentsTableModel::residentAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return recordAt(row).value<ResidentRow>().resident;
}

std::function<Result<RecordTableModel::Page>(Database &)>
ResidentsTableModel::pageLoader(const PageRequest &request) const
{
    return [request](Database &db) -> Result<Page> {
        const Result<QList<Resident>> rows = ResidentRepository(db, Actor{}).page(request);
        if (!rows)
            return rows.error();
        // Where each holds a bed today: one more query for the page.
        QList<qint64> ids;
        ids.reserve(rows->size());
        for (const Resident &r : rows.value())
            ids.append(r.id);
        const Result<QHash<qint64, QString>> rooms =
            AllocationRepository(db, Actor{}).roomsOn(ids, QDate::currentDate());
        if (!rooms)
            return rooms.error();
        Page page;
        page.records.reserve(rows->size());
        for (const Resident &r : rows.value())
            page.records.append(QVariant::fromValue(ResidentRow{r, rooms->value(r.id)}));
        page.atEnd = rows->size() < request.limit;
        return page;
    };
}

std::function<Result<qint64>(Database &)> ResidentsTableModel::countLoader(const ListFilter &filter) const
{
    return [filter](Database &db) {
        return ResidentRepository(db, Actor{}).count(filter);
    };
}

QVariant ResidentsTableModel::sortValueOf(const QVariant &record, int column) const
{
    return ResidentRepository::sortValue(record.value<ResidentRow>().resident, column);
}

qint64 ResidentsTableModel::idOf(const QVariant &record) const
{
    return record.value<ResidentRow>().resident.id;
}

int ResidentsTableModel::versionOf(const QVariant &record) const
{
    return record.value<ResidentRow>().resident.version;
}
