#include "ui/pages/roomspage.h"

#include "models/housing/buildingrepository.h"
#include "models/itemmodels/recordfilterproxymodel.h"
#include "models/itemmodels/roomstablemodel.h"
#include "ui/dialogs/roomdialog.h"

#include <QComboBox>
#include <QLineEdit>

RoomsPage::RoomsPage(UndoContext &context, QWidget *parent)
    : RecordPage(context, QStringLiteral("rooms"), parent)
    , m_rooms(new RoomsTableModel(context.executor(), this))
    , m_building(new QComboBox(this))
    , m_status(new QComboBox(this))
{
    newAction->setToolTip(tr("Add a room"));
    editAction->setToolTip(tr("Edit the selected room"));
    deleteAction->setToolTip(tr("Delete the selected room"));
    searchEdit()->setPlaceholderText(tr("Search by room number…"));
    setEmptyText(
        tr("No rooms yet.\n\nAdd a building first (Buildings), then its rooms here with New (Ctrl+N)."));

    m_building->setObjectName(QStringLiteral("buildingFilter"));
    m_building->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_building->setMinimumContentsLength(18); // a long name does not widen the page
    m_building->addItem(tr("All buildings"), qint64(0));
    connect(m_building, &QComboBox::currentIndexChanged, this,
            [this] { proxy()->setBuildingFilter(m_building->currentData().toLongLong()); });
    addFilter(tr("&Building:"), m_building);

    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->addItem(tr("All"), QString());
    for (const auto status : {Room::Status::Available, Room::Status::Maintenance, Room::Status::OutOfService})
        m_status->addItem(Room::statusLabel(status), Room::statusCode(status));
    connect(m_status, &QComboBox::currentIndexChanged, this,
            [this] { proxy()->setStatusFilter(m_status->currentData().toString()); });
    addFilter(tr("&Status:"), m_status);
    // The building's code is a column.
    followTables({QStringLiteral("buildings")});
    setModel(m_rooms);
}

void RoomsPage::refreshBuildings()
{
    loadBuildings();
}

QCoro::Task<> RoomsPage::loadBuildings()
{
    QPointer<RoomsPage> self(this);
    const Actor actor = context().actor();
    // Named locals, not temporaries: GCC 12 destroys temporaries of a co_await
    // full-expression twice (GCC bug 100611).
    auto work = [actor](Database &db) {
        return BuildingRepository(db, actor).all();
    };
    auto future = context().executor().read(std::move(work));
    const Result<QList<Building>> result = co_await future;
    if (!self || !result)
        co_return;
    const qint64 selected = m_building->currentData().toLongLong();
    const QSignalBlocker blocker(m_building);
    while (m_building->count() > 1)
        m_building->removeItem(1);
    for (const Building &b : result.value())
        m_building->addItem(tr("%1 — %2").arg(b.code, b.name), b.id);
    const int index = m_building->findData(selected);
    m_building->setCurrentIndex(qMax(0, index));
    if (index < 0 && selected != 0) // the selected building is gone
        proxy()->setBuildingFilter(0);
}

void RoomsPage::newRecord()
{
    if (raiseOpenDialog())
        return;
    Room room;
    room.buildingId = m_building->currentData().toLongLong();
    openDialog(new RoomDialog(context(), room, this));
}

void RoomsPage::editRecord(int sourceRow)
{
    openDialog(new RoomDialog(context(), m_rooms->roomAt(sourceRow), this));
}

void RoomsPage::deleteRecord(int sourceRow)
{
    const Room room = m_rooms->roomAt(sourceRow);
    confirmDelete<RoomRepository>(room, tr("room “%1”").arg(RoomDialog::displayName(room)));
}

QString RoomsPage::countText(qint64 count) const
{
    return count == 1 ? tr("1 room") : tr("%L1 rooms").arg(count);
}
