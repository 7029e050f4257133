#include "ui/allocations/freebedspage.h"

#include "models/db/dbexecutor.h"
#include "models/housing/allocation/allocationrepository.h"
#include "ui/allocations/buildingcombobox.h"
#include "ui/commands/undocontext.h"
#include "ui/widgets/tablecolumns.h"
#include "ui/widgets/texttablemodel.h"

#include <QCoroFuture>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

struct Snapshot
{
    Result<QList<BuildingOccupancy>> occupancy;
    Result<QList<RoomAvailability>> rooms;
};

QTableView *makeTable(TextTableModel *model, const QString &name, QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setObjectName(name);
    table->setModel(model);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->setShowGrid(false);
    table->verticalHeader()->hide();
    table->setWordWrap(false); // a building's name on one line, elided if it must be
    table->setTextElideMode(Qt::ElideRight);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return table;
}

} // namespace

FreeBedsPage::FreeBedsPage(UndoContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(&context)
    , m_building(new BuildingComboBox(context.executor(), tr("All buildings"), this))
    , m_date(new QDateEdit(QDate::currentDate(), this))
    , m_occupancyModel(new TextTableModel({tr("Building"), tr("Rooms"), tr("Beds"), tr("Out of service"),
                                           tr("Taken"), tr("Checked in"), tr("Free")},
                                          1, this))
    , m_roomsModel(new TextTableModel(
          {tr("Room"), tr("Type"), tr("Status"), tr("Capacity"), tr("Taken"), tr("Free")}, 3, this))
    , m_occupancy(makeTable(m_occupancyModel, u"occupancyView"_s, this))
    , m_rooms(makeTable(m_roomsModel, u"freeBedsView"_s, this))
    , m_total(new QLabel(this))
{
    setObjectName(u"freeBedsPage"_s);
    auto *title = new QLabel(tr("Free beds"), this);
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    title->setFont(font);

    m_building->setObjectName(u"freeBedsBuilding"_s);
    m_date->setObjectName(u"freeBedsDate"_s);
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(u"yyyy-MM-dd"_s);
    m_total->setObjectName(u"freeBedsTotal"_s);
    m_occupancy->setAccessibleName(tr("Occupancy by building"));
    m_rooms->setAccessibleName(tr("Rooms with their free beds"));
    auto *buildingCaption = new QLabel(tr("&Building:"), this);
    buildingCaption->setBuddy(m_building);
    auto *dateCaption = new QLabel(tr("&Day:"), this);
    dateCaption->setBuddy(m_date);

    auto *controls = new QHBoxLayout;
    controls->addWidget(buildingCaption);
    controls->addWidget(m_building);
    controls->addSpacing(12);
    controls->addWidget(dateCaption);
    controls->addWidget(m_date);
    controls->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addWidget(title);
    layout->addLayout(controls);
    layout->addWidget(m_occupancy, 1);
    layout->addWidget(m_rooms, 2);
    layout->addWidget(m_total);

    connect(m_building, &BuildingComboBox::buildingChanged, this, &FreeBedsPage::refresh);
    connect(m_date, &QDateEdit::dateChanged, this, &FreeBedsPage::refresh);
}

void FreeBedsPage::refresh()
{
    load();
}

void FreeBedsPage::refreshBuildings()
{
    m_building->reload();
}

QCoro::Task<> FreeBedsPage::load()
{
    if (!m_context)
        co_return;
    QPointer<FreeBedsPage> self(this);
    const quint64 generation = ++m_generation;
    const QDate day = m_date->date();
    const qint64 buildingId = m_building->buildingId();
    // Named locals, not temporaries: GCC 12 destroys temporaries of a co_await
    // full-expression twice (GCC bug 100611).
    auto work = [day, buildingId](Database &db) {
        AllocationRepository repo(db, Actor::systemUser());
        return Snapshot{repo.occupancy(day), repo.availability(buildingId, day, day.addDays(1))};
    };
    auto future = m_context->executor().read(std::move(work));
    const Snapshot snapshot = co_await future;
    if (!self || generation != m_generation)
        co_return;
    if (!snapshot.occupancy || !snapshot.rooms) {
        const DbError error = !snapshot.occupancy ? snapshot.occupancy.error() : snapshot.rooms.error();
        m_total->setText(tr("The free beds could not be loaded: %1").arg(error.message));
        co_return;
    }
    const QLocale locale;
    QList<QStringList> buildings;
    buildings.reserve(snapshot.occupancy->size());
    for (const BuildingOccupancy &b : snapshot.occupancy.value()) {
        buildings.append({tr("%1 — %2").arg(b.code, b.name), locale.toString(b.rooms),
                          locale.toString(b.beds), locale.toString(b.unavailableBeds),
                          locale.toString(b.taken), locale.toString(b.checkedIn), locale.toString(b.free)});
    }
    m_occupancyModel->setRows(std::move(buildings));
    TableColumns::fitToContents(m_occupancy); // a building's code and name whole
    QList<QStringList> rooms;
    rooms.reserve(snapshot.rooms->size());
    int free = 0;
    for (const RoomAvailability &r : snapshot.rooms.value()) {
        rooms.append({r.label(), Room::typeLabel(r.type), Room::statusLabel(r.status),
                      locale.toString(r.capacity), locale.toString(r.taken), locale.toString(r.free())});
        free += r.free();
    }
    m_roomsModel->setRows(std::move(rooms));
    TableColumns::fitToContents(m_rooms);
    m_freeBeds = free;
    // Two counts, two plurals: "%Ln room(s)" is a message of its own.
    m_total->setText(
        tr("%Ln free bed(s) in %1 on %2.", nullptr, free)
            .arg(tr("%Ln room(s)", nullptr, int(snapshot.rooms->size())), day.toString(Qt::ISODate)));
    Q_EMIT loaded();
}
