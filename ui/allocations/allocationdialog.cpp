#include "ui/allocations/allocationdialog.h"

#include "models/db/dbexecutor.h"
#include "models/housing/allocation/allocationrepository.h"
#include "models/housing/residentrepository.h"
#include "ui/allocations/allocationcommand.h"
#include "ui/allocations/buildingcombobox.h"
#include "ui/allocations/residentchoice.h"
#include "ui/commands/undocontext.h"

#include <QComboBox>
#include <QCoroFuture>
#include <QDateEdit>
#include <QLineEdit>
#include <QStandardItemModel>
#include <QTimer>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace {
// The until field's "no date" (shown as "open-ended").
const QDate kOpenEnded(2000, 1, 1);
} // namespace

AllocationDialog::AllocationDialog(UndoContext &context, const Allocation &allocation, QWidget *parent)
    : RecordDialog(parent)
    , m_context(&context)
    , m_original(allocation)
    , m_search(new QLineEdit(this))
    , m_resident(new QComboBox(this))
    , m_building(new BuildingComboBox(context.executor(), tr("Choose a building…"), this))
    , m_room(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_notes(new QLineEdit(this))
    , m_searchTimer(new QTimer(this))
    , m_roomsTimer(new QTimer(this))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setObjectName(u"allocationDialog"_s);
    setWindowTitle(isNew() ? tr("New allocation") : tr("Change allocation"));

    m_search->setPlaceholderText(tr("Name, student ID or e-mail…"));
    m_search->setClearButtonEnabled(true);
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(u"yyyy-MM-dd"_s);
    }
    m_from->setMinimumDate(kOpenEnded.addDays(1));
    // The first entry of the until field means "no end".
    m_to->setMinimumDate(kOpenEnded);
    m_to->setSpecialValueText(tr("open-ended"));
    // Room for the words, the calendar button and the frame, in any language.
    for (QDateEdit *edit : {m_from, m_to})
        edit->setMinimumWidth(edit->fontMetrics().horizontalAdvance(m_to->specialValueText()) + 56);
    m_to->setToolTip(
        tr("The day the bed is free again (the check-out day); the first entry is \"open-ended\"."));
    m_notes->setMaxLength(1000);

    addField(u"resident_search"_s, tr("&Find resident:"), m_search);
    addField(u"resident_id"_s, tr("&Resident:"), m_resident);
    addField(u"building"_s, tr("&Building:"), m_building);
    addField(u"room_id"_s, tr("R&oom:"), m_room);
    addField(u"from"_s, tr("&From:"), m_from);
    addField(u"to"_s, tr("&Until:"), m_to);
    addField(u"notes"_s, tr("&Notes:"), m_notes);

    setPopulating(true);
    if (isNew()) {
        m_from->setDate(allocation.from.isValid() ? allocation.from : QDate::currentDate());
        m_to->setDate(allocation.to.isValid() ? allocation.to : kOpenEnded);
    } else {
        m_search->setEnabled(false);
        m_resident->addItem(allocation.residentLabel(), allocation.residentId);
        m_resident->setEnabled(false);
        m_from->setDate(allocation.from);
        m_to->setDate(allocation.to.isValid() ? allocation.to : kOpenEnded);
        m_notes->setText(allocation.notes);
        m_building->setBuildingId(allocation.buildingId);
    }
    setPopulating(false);

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(200);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, [this] { loadResidents(m_search->text().trimmed()); });
    m_roomsTimer->setSingleShot(true);
    m_roomsTimer->setInterval(150);
    connect(m_roomsTimer, &QTimer::timeout, this, [this] { loadRooms(); });
    connect(m_building, &BuildingComboBox::buildingChanged, this, &AllocationDialog::scheduleRooms);
    connect(m_from, &QDateEdit::dateChanged, this, &AllocationDialog::scheduleRooms);
    connect(m_to, &QDateEdit::dateChanged, this, &AllocationDialog::scheduleRooms);
    connect(m_from, &QDateEdit::dateChanged, this, &AllocationDialog::revalidate);
    connect(m_to, &QDateEdit::dateChanged, this, &AllocationDialog::revalidate);

    m_building->reload();
    if (isNew())
        loadResidents({});
    scheduleRooms();
}

AllocationDialog::~AllocationDialog() = default;

void AllocationDialog::setBuilding(qint64 buildingId)
{
    m_building->setBuildingId(buildingId);
}

int AllocationDialog::roomIndex(qint64 roomId) const
{
    return m_room->findData(roomId);
}

Allocation AllocationDialog::formValues() const
{
    Allocation a = m_original;
    a.residentId = m_resident->currentData().toLongLong();
    a.roomId = m_room->currentData().toLongLong();
    a.from = m_from->date();
    a.to = m_to->date() == kOpenEnded ? QDate() : m_to->date();
    a.notes = m_notes->text();
    return a;
}

QList<FieldError> AllocationDialog::validateInput() const
{
    return AllocationRepository::validate(formValues());
}

void AllocationDialog::startSave()
{
    save();
}

void AllocationDialog::resolveConflict(ConflictChoice)
{
    // Not asked: a changed allocation is shown as a message and the dialog stays open.
}

void AllocationDialog::scheduleRooms()
{
    m_roomsTimer->start();
}

QCoro::Task<> AllocationDialog::loadResidents(QString search)
{
    if (!m_context)
        co_return;
    QPointer<AllocationDialog> self(this);
    const quint64 generation = ++m_residentsGeneration;
    const PageRequest request = ResidentChoice::request(search);
    // Named locals, not temporaries: GCC 12 destroys temporaries of a co_await
    // full-expression twice (GCC bug 100611).
    auto work = [request](Database &db) {
        return ResidentRepository(db, Actor::systemUser()).page(request);
    };
    auto future = m_context->executor().read(std::move(work));
    const Result<QList<Resident>> result = co_await future;
    if (!self || generation != m_residentsGeneration)
        co_return;
    if (!result) {
        setMessage(tr("The residents could not be loaded: %1").arg(result.error().message), true);
        co_return;
    }
    ResidentChoice::fill(m_resident, result.value());
    Q_EMIT residentsLoaded(int(result->size()));
}

QCoro::Task<> AllocationDialog::loadRooms()
{
    if (!m_context)
        co_return;
    QPointer<AllocationDialog> self(this);
    const quint64 generation = ++m_roomsGeneration;
    const qint64 buildingId = m_building->buildingId();
    if (buildingId <= 0) {
        m_room->clear();
        Q_EMIT roomsLoaded(0);
        co_return;
    }
    const Allocation values = formValues();
    auto work = [buildingId, from = values.from, to = values.to](Database &db) {
        return AllocationRepository(db, Actor::systemUser()).availability(buildingId, from, to);
    };
    auto future = m_context->executor().read(std::move(work));
    const Result<QList<RoomAvailability>> result = co_await future;
    if (!self || generation != m_roomsGeneration)
        co_return;
    if (!result) {
        setMessage(tr("The rooms could not be loaded: %1").arg(result.error().message), true);
        co_return;
    }
    const qint64 selected = m_room->count() > 0 ? m_room->currentData().toLongLong() : m_original.roomId;
    m_room->clear();
    auto *model = qobject_cast<QStandardItemModel *>(m_room->model());
    for (const RoomAvailability &r : result.value()) {
        // A changed allocation counts against its own room: its own bed is not taken.
        const bool own = !isNew() && r.roomId == m_original.roomId;
        const int free = r.isBookable() ? qMax(0, r.capacity - r.taken + (own ? 1 : 0)) : 0;
        QString text;
        if (!r.isBookable())
            text = tr("%1 — %2 · %3")
                       .arg(r.roomNumber, Room::typeLabel(r.type), Room::statusLabel(r.status).toLower());
        else
            text = tr("%1 — %2 · %3 of %4 beds free")
                       .arg(r.roomNumber, Room::typeLabel(r.type))
                       .arg(qMin(free, r.capacity))
                       .arg(r.capacity);
        m_room->addItem(text, r.roomId);
        if (model && free == 0 && !own)
            model->item(m_room->count() - 1)->setEnabled(false);
    }
    int index = m_room->findData(selected);
    if (index < 0 || (model && !model->item(index)->isEnabled())) {
        index = -1;
        for (int i = 0; i < m_room->count() && index < 0; ++i) {
            if (!model || model->item(i)->isEnabled())
                index = i;
        }
    }
    m_room->setCurrentIndex(index);
    Q_EMIT roomsLoaded(m_room->count());
}

QCoro::Task<> AllocationDialog::save()
{
    if (!m_context)
        co_return;
    QPointer<AllocationDialog> self(this);
    const Allocation values = formValues();
    if (const QList<FieldError> errors = AllocationRepository::validate(values); !errors.isEmpty()) {
        setFieldErrors(errors, false);
        setMessage(tr("Please correct the marked fields."), true);
        co_return;
    }
    setSaving(true);
    const Actor actor = m_context->actor();
    const bool isNewAllocation = isNew();
    auto work = [values, actor, isNewAllocation](Database &db) {
        AllocationRepository repo(db, actor);
        return isNewAllocation ? repo.reserve(values) : repo.move(values);
    };
    auto future = m_context->executor().write(std::move(work));
    const Result<Allocation> result = co_await future;
    if (!self || !m_context)
        co_return;
    setSaving(false);
    if (!result) {
        const DbError &error = result.error();
        setFieldErrors(error.fields, false);
        setMessage(
            tr("Not saved: %1").arg(error.code == DbError::Code::Validation ? error.text() : error.message),
            true);
        // What another desktop took meanwhile shows in the room list now.
        scheduleRooms();
        co_return;
    }
    const Allocation stored = result.value();
    const QString text =
        isNewAllocation
            ? tr("New allocation of room %1 to %2").arg(stored.roomLabel(), stored.residentLabel())
            : tr("Change allocation of %1").arg(stored.residentLabel());
    m_context->undoStack()->push(new AllocationCommand(
        *m_context, isNewAllocation ? AllocationCommand::Kind::Reserve : AllocationCommand::Kind::Move,
        m_original, stored, text));
    m_context->notifyChanged(qMetaTypeId<Allocation>());
    Q_EMIT saved(stored);
    acceptSaved();
}
