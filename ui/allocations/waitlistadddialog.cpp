#include "ui/allocations/waitlistadddialog.h"

#include "models/db/dbexecutor.h"
#include "models/housing/residentrepository.h"
#include "models/housing/waitlist/waitlistrepository.h"
#include "ui/allocations/buildingcombobox.h"
#include "ui/allocations/residentchoice.h"
#include "ui/commands/undocontext.h"

#include <QComboBox>
#include <QCoroFuture>
#include <QDateTime>
#include <QLineEdit>
#include <QTimer>

using namespace Qt::StringLiterals;

WaitlistAddDialog::WaitlistAddDialog(UndoContext &context, QWidget *parent)
    : RecordDialog(parent)
    , m_context(&context)
    , m_search(new QLineEdit(this))
    , m_resident(new QComboBox(this))
    , m_building(new BuildingComboBox(context.executor(), tr("Choose a building…"), this))
    , m_type(new QComboBox(this))
    , m_notes(new QLineEdit(this))
    , m_searchTimer(new QTimer(this))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setObjectName(u"waitlistAddDialog"_s);
    setWindowTitle(tr("Add to waitlist"));

    m_search->setPlaceholderText(tr("Name, student ID or e-mail…"));
    m_search->setClearButtonEnabled(true);
    m_type->addItem(tr("Choose a room type…"), QString());
    for (const Room::Type t :
         {Room::Type::Single, Room::Type::Double, Room::Type::Triple, Room::Type::Suite, Room::Type::Studio})
        m_type->addItem(Room::typeLabel(t), Room::typeCode(t));
    m_notes->setMaxLength(1000);

    addField(u"resident_search"_s, tr("&Find resident:"), m_search);
    addField(u"resident_id"_s, tr("&Resident:"), m_resident);
    addField(u"building_id"_s, tr("&Building:"), m_building);
    addField(u"room_type"_s, tr("Room &type:"), m_type);
    addField(u"notes"_s, tr("&Notes:"), m_notes);

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(200);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, [this] { loadResidents(m_search->text().trimmed()); });
    connect(m_building, &BuildingComboBox::buildingChanged, this, &WaitlistAddDialog::revalidate);

    m_building->reload();
    loadResidents({});
}

WaitlistAddDialog::~WaitlistAddDialog() = default;

void WaitlistAddDialog::preset(qint64 buildingId, std::optional<Room::Type> type)
{
    setPopulating(true);
    if (buildingId > 0)
        m_building->setBuildingId(buildingId);
    if (type)
        m_type->setCurrentIndex(qMax(0, m_type->findData(Room::typeCode(*type))));
    setPopulating(false);
}

QList<FieldError> WaitlistAddDialog::validateInput() const
{
    QList<FieldError> errors;
    if (m_resident->currentData().toLongLong() <= 0)
        errors.append({u"resident_id"_s, tr("Choose a resident.")});
    if (m_building->buildingId() <= 0)
        errors.append({u"building_id"_s, tr("Choose a building.")});
    if (!Room::typeFromCode(m_type->currentData().toString()))
        errors.append({u"room_type"_s, tr("Choose a room type.")});
    return errors;
}

void WaitlistAddDialog::startSave()
{
    save();
}

void WaitlistAddDialog::resolveConflict(ConflictChoice)
{
    // Not asked: adding has nothing to overwrite.
}

QCoro::Task<> WaitlistAddDialog::loadResidents(QString search)
{
    if (!m_context)
        co_return;
    QPointer<WaitlistAddDialog> self(this);
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
    setPopulating(true);
    ResidentChoice::fill(m_resident, result.value());
    setPopulating(false);
    revalidate();
    Q_EMIT residentsLoaded(int(result->size()));
}

QCoro::Task<> WaitlistAddDialog::save()
{
    if (!m_context)
        co_return;
    QPointer<WaitlistAddDialog> self(this);
    if (const QList<FieldError> errors = validateInput(); !errors.isEmpty()) {
        setFieldErrors(errors, false);
        setMessage(tr("Please correct the marked fields."), true);
        co_return;
    }
    const qint64 residentId = m_resident->currentData().toLongLong();
    const qint64 buildingId = m_building->buildingId();
    const Room::Type type = *Room::typeFromCode(m_type->currentData().toString());
    const QString notes = m_notes->text().trimmed();
    const Actor actor = m_context->actor();
    setSaving(true);
    auto work = [=](Database &db) {
        return WaitlistRepository(db, actor).add(residentId, buildingId, type,
                                                 QDateTime::currentMSecsSinceEpoch(), notes);
    };
    auto future = m_context->executor().write(std::move(work));
    const Result<WaitlistEntry> result = co_await future;
    if (!self || !m_context)
        co_return;
    setSaving(false);
    if (!result) {
        const DbError &error = result.error();
        setFieldErrors(error.fields, false);
        setMessage(
            tr("Not added: %1").arg(error.code == DbError::Code::Validation ? error.text() : error.message),
            true);
        co_return;
    }
    Q_EMIT saved(result.value());
    acceptSaved();
}
