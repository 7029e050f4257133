#include "ui/dialogs/roomdialog.h"

#include "models/housing/buildingrepository.h"

#include <QComboBox>
#include <QLineEdit>
#include <QSpinBox>

RoomDialog::RoomDialog(UndoContext &context, const Room &room, QWidget *parent)
    : EntityDialog(context, room, parent)
    , m_building(new QComboBox(this))
    , m_number(new QLineEdit(this))
    , m_floor(new QSpinBox(this))
    , m_type(new QComboBox(this))
    , m_capacity(new QSpinBox(this))
    , m_status(new QComboBox(this))
{
    setObjectName(QStringLiteral("roomDialog"));
    setWindowTitle(isNew() ? tr("New Room") : tr("Edit Room"));
    m_floor->setRange(-5, 200);
    m_floor->setToolTip(tr("0 is the ground floor"));
    m_capacity->setRange(0, 50);
    for (const auto type : {Room::Type::Single, Room::Type::Double, Room::Type::Triple, Room::Type::Suite,
                            Room::Type::Studio})
        m_type->addItem(Room::typeLabel(type), QVariant::fromValue(type));
    for (const auto status : {Room::Status::Available, Room::Status::Maintenance, Room::Status::OutOfService})
        m_status->addItem(Room::statusLabel(status), QVariant::fromValue(status));
    if (room.buildingId != 0)   // shown until the list arrives
        m_building->addItem(room.buildingCode, room.buildingId);

    addField(QStringLiteral("building_id"), tr("&Building:"), m_building);
    addField(QStringLiteral("number"), tr("&Number:"), m_number);
    addField(QStringLiteral("floor"), tr("&Floor:"), m_floor);
    addField(QStringLiteral("type"), tr("&Type:"), m_type);
    addField(QStringLiteral("capacity"), tr("&Capacity:"), m_capacity);
    addField(QStringLiteral("status"), tr("S&tatus:"), m_status);
    showRecord(room);
    loadBuildings(&context, room.buildingId);
}

QCoro::Task<> RoomDialog::loadBuildings(QPointer<UndoContext> context, qint64 selectId)
{
    QPointer<RoomDialog> self(this);
    const Actor actor = context->actor();
    // Named locals, not temporaries: GCC 12 destroys temporaries of a co_await
    // full-expression twice (GCC bug 100611).
    auto work = [actor](Database &db) {
        return BuildingRepository(db, actor).all();
    };
    auto future = context->executor().read(std::move(work));
    const Result<QList<Building>> result = co_await future;
    if (!self)
        co_return;
    if (!result) {
        setMessage(tr("The list of buildings could not be loaded: %1").arg(result.error().message), true);
        co_return;
    }
    const qint64 current = m_building->currentData().toLongLong();
    setPopulating(true);
    m_building->clear();
    for (const Building &b : result.value())
        m_building->addItem(tr("%1 — %2").arg(b.code, b.name), b.id);
    const qint64 wanted = current != 0 ? current : selectId;
    m_building->setCurrentIndex(qMax(0, m_building->findData(wanted)));
    setPopulating(false);
}

QString RoomDialog::displayName(const Room &room)
{
    return room.buildingCode.isEmpty() ? room.number : tr("%1 %2").arg(room.buildingCode, room.number);
}

Room RoomDialog::formValues() const
{
    Room r;
    r.buildingId = m_building->currentData().toLongLong();
    r.buildingCode = m_building->currentText().section(QLatin1Char(' '), 0, 0);
    r.number = m_number->text().trimmed();
    r.floor = m_floor->value();
    r.type = m_type->currentData().value<Room::Type>();
    r.capacity = m_capacity->value();
    r.status = m_status->currentData().value<Room::Status>();
    return r;
}

void RoomDialog::setFormValues(const Room &room)
{
    const int index = m_building->findData(room.buildingId);
    if (index >= 0)
        m_building->setCurrentIndex(index);
    m_number->setText(room.number);
    m_floor->setValue(room.floor);
    m_type->setCurrentIndex(qMax(0, m_type->findData(QVariant::fromValue(room.type))));
    m_capacity->setValue(room.capacity);
    m_status->setCurrentIndex(qMax(0, m_status->findData(QVariant::fromValue(room.status))));
}

QString RoomDialog::describe(const Room &room) const
{
    return tr("room “%1”").arg(displayName(room));
}

QString RoomDialog::conflictText() const
{
    return tr("This room was changed by someone else since you opened it.");
}
