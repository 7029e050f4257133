#include "ui/maintenance/newmaintenancerequestdialog.h"

#include "models/db/dbexecutor.h"
#include "models/housing/residentrepository.h"
#include "models/housing/roomrepository.h"
#include "models/maintenance/maintenancerepository.h"
#include "tasks/maintenance/maintenancetasks.h"
#include "ui/allocations/buildingcombobox.h"
#include "ui/maintenance/maintenanceui.h"
#include "ui/widgets/theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoroFuture>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

NewMaintenanceRequestDialog::NewMaintenanceRequestDialog(MaintenanceUi &ui, QWidget *parent)
    : QDialog(parent)
    , m_ui(ui)
    , m_building(new BuildingComboBox(ui.executor(), tr("Choose a building"), this))
    , m_room(new QComboBox(this))
    , m_category(new QComboBox(this))
    , m_priority(new QComboBox(this))
    , m_target(new QLabel(this))
    , m_description(new QPlainTextEdit(this))
    , m_resident(new QLineEdit(this))
    , m_permission(new QCheckBox(tr("Staff may &enter when nobody is in"), this))
    , m_message(new QLabel(this))
{
    setObjectName(u"newMaintenanceRequestDialog"_s);
    setWindowTitle(tr("New maintenance request"));
    setAttribute(Qt::WA_DeleteOnClose);
    m_building->setObjectName(u"newRequestBuilding"_s);
    m_room->setObjectName(u"newRequestRoom"_s);
    m_category->setObjectName(u"newRequestCategory"_s);
    m_priority->setObjectName(u"newRequestPriority"_s);
    m_target->setObjectName(u"newRequestTarget"_s);
    m_description->setObjectName(u"newRequestDescription"_s);
    m_resident->setObjectName(u"newRequestResident"_s);
    m_permission->setObjectName(u"newRequestPermission"_s);
    m_message->setObjectName(u"newRequestMessage"_s);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(Theme::errorStyle(palette()));
    m_message->hide();

    for (Maintenance::Category c : Maintenance::categories())
        m_category->addItem(Maintenance::categoryLabel(c), int(c));
    for (Maintenance::Priority p : Maintenance::priorities())
        m_priority->addItem(Maintenance::priorityLabel(p), int(p));
    m_priority->setCurrentIndex(m_priority->findData(int(Maintenance::Priority::Routine)));
    m_room->addItem(tr("Common area"), 0);
    m_description->setPlaceholderText(tr("What is wrong, and where exactly?"));
    m_resident->setPlaceholderText(tr("Student id; empty: reported by you"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Report"));
    m_ok->setObjectName(u"newRequestOk"_s);

    auto *form = new QFormLayout;
    form->addRow(tr("&Building:"), m_building);
    form->addRow(tr("&Room:"), m_room);
    form->addRow(tr("&Category:"), m_category);
    form->addRow(tr("&Priority:"), m_priority);
    form->addRow(QString(), m_target);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("Reported by &resident:"), m_resident);
    form->addRow(QString(), m_permission);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] { submit(); });
    connect(m_building, &BuildingComboBox::buildingChanged, this, [this](qint64 id) { loadRooms(id); });
    connect(m_priority, &QComboBox::currentIndexChanged, this, &NewMaintenanceRequestDialog::showTarget);
    m_building->reload();
    showTarget();
}

QString NewMaintenanceRequestDialog::message() const
{
    return m_message->text();
}

void NewMaintenanceRequestDialog::showTarget()
{
    // The defaults; the stored targets decide the due time when the request is stored.
    const auto priority = Maintenance::Priority(m_priority->currentData().toInt());
    m_target->setText(tr("Answered within: %1").arg(ResponseTarget::defaults().at(int(priority)).label()));
}

QCoro::Task<> NewMaintenanceRequestDialog::loadRooms(qint64 buildingId)
{
    QPointer<NewMaintenanceRequestDialog> self(this);
    const quint64 generation = ++m_roomsGeneration;
    m_room->clear();
    m_room->addItem(tr("Common area"), 0);
    if (buildingId <= 0) {
        Q_EMIT roomsLoaded();
        co_return;
    }
    auto work = [buildingId](Database &db) {
        PageRequest request;
        request.filter.buildingId = buildingId;
        request.limit = 5000;
        return RoomRepository(db, Actor{}).page(request);
    };
    auto future = m_ui.executor().read(std::move(work)); // named: GCC bug 100611
    const Result<QList<Room>> rooms = co_await future;
    if (!self || generation != m_roomsGeneration)
        co_return;
    if (!rooms) {
        m_message->setText(tr("The rooms cannot be read: %1").arg(rooms.error().message));
        m_message->show();
    } else {
        for (const Room &room : rooms.value())
            m_room->addItem(tr("%1 (%2)").arg(room.number, Room::typeLabel(room.type)), room.id);
    }
    Q_EMIT roomsLoaded();
}

QCoro::Task<bool> NewMaintenanceRequestDialog::submit()
{
    if (m_busy)
        co_return false;
    QPointer<NewMaintenanceRequestDialog> self(this);
    MaintenanceRequest r;
    r.buildingId = m_building->buildingId();
    r.roomId = m_room->currentData().toLongLong();
    r.category = Maintenance::Category(m_category->currentData().toInt());
    r.priority = Maintenance::Priority(m_priority->currentData().toInt());
    r.description = m_description->toPlainText();
    r.permissionToEnter = m_permission->isChecked();
    const QString studentId = m_resident->text().trimmed();
    if (r.buildingId <= 0) {
        m_message->setText(tr("Choose the building (and the room, or its common area)."));
        m_message->show();
        co_return false;
    }
    m_busy = true;
    m_ok->setEnabled(false);
    auto work = [r, studentId,
                 actor = m_ui.actor()](Database &db) mutable -> Result<MaintenanceTasks::Submitted> {
        if (!studentId.isEmpty()) {
            const Result<Resident> who = ResidentRepository(db, actor).findByStudentId(studentId);
            if (!who) {
                if (who.error().code != DbError::Code::NotFound)
                    return who.error();
                const QString why = tr("There is no resident with the student id %1.").arg(studentId);
                return DbError(DbError::Code::Validation, why, {}, {FieldError{u"reported_by"_s, why}});
            }
            r.reportedByResidentId = who->id;
        }
        return MaintenanceTasks::submit(db, actor, r);
    };
    auto future = m_ui.executor().write(std::move(work)); // named: GCC bug 100611
    const Result<MaintenanceTasks::Submitted> stored = co_await future;
    if (!self)
        co_return bool(stored);
    m_busy = false;
    m_ok->setEnabled(true);
    if (!stored) {
        const DbError error = stored.error();
        m_message->setText(tr("The request was not stored: %1").arg(error.text().trimmed()));
        m_message->show();
        co_return false;
    }
    Q_EMIT submitted(stored->request.id, stored->jobId);
    accept();
    co_return true;
}
