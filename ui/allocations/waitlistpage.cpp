#include "ui/allocations/waitlistpage.h"

#include "models/db/dbexecutor.h"
#include "models/housing/allocation/allocation.h"
#include "models/housing/waitlist/waitlistrepository.h"
#include "tasks/waitlist/waitlistservice.h"
#include "ui/allocations/buildingcombobox.h"
#include "ui/allocations/waitlistadddialog.h"
#include "ui/commands/undocontext.h"

#include <QComboBox>
#include <QCoroFuture>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

WaitlistPage::WaitlistPage(UndoContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(&context)
    , m_building(new BuildingComboBox(context.executor(), tr("All buildings"), this))
    , m_type(new QComboBox(this))
    , m_view(new QTableWidget(0, 8, this))
    , m_total(new QLabel(this))
    , m_accept(new QPushButton(tr("&Accept offer"), this))
    , m_decline(new QPushButton(tr("&Decline offer"), this))
    , m_remove(new QPushButton(tr("&Remove from list"), this))
    , m_add(new QPushButton(tr("Add to &waitlist…"), this))
{
    setObjectName(u"waitlistPage"_s);
    auto *title = new QLabel(tr("Waitlists"), this);
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    title->setFont(font);

    m_building->setObjectName(u"waitlistBuilding"_s);
    m_type->setObjectName(u"waitlistRoomType"_s);
    m_type->addItem(tr("All room types"), QString());
    for (const Room::Type t :
         {Room::Type::Single, Room::Type::Double, Room::Type::Triple, Room::Type::Suite, Room::Type::Studio})
        m_type->addItem(Room::typeLabel(t), Room::typeCode(t));
    m_view->setObjectName(u"waitlistView"_s);
    m_view->setAccessibleName(tr("Waitlist"));
    m_view->setHorizontalHeaderLabels({tr("List"), tr("#"), tr("Resident"), tr("State"), tr("Offer"),
                                       tr("Room"), tr("Days"), tr("Answer by")});
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_total->setObjectName(u"waitlistTotal"_s);
    m_accept->setObjectName(u"acceptOfferButton"_s);
    m_decline->setObjectName(u"declineOfferButton"_s);
    m_remove->setObjectName(u"removeFromListButton"_s);
    m_add->setObjectName(u"addToWaitlistButton"_s);
    m_add->setToolTip(tr("Put a resident at the end of the list of a building and room type."));
    m_accept->setToolTip(tr("The resident takes the bed offered: it becomes a reservation."));
    m_decline->setToolTip(tr("The resident does not take the bed: it is offered to the next person."));

    auto *buildingCaption = new QLabel(tr("&Building:"), this);
    buildingCaption->setBuddy(m_building);
    auto *typeCaption = new QLabel(tr("Room &type:"), this);
    typeCaption->setBuddy(m_type);
    auto *controls = new QHBoxLayout;
    controls->addWidget(buildingCaption);
    controls->addWidget(m_building);
    controls->addSpacing(12);
    controls->addWidget(typeCaption);
    controls->addWidget(m_type);
    controls->addStretch();
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addSpacing(12);
    buttons->addWidget(m_accept);
    buttons->addWidget(m_decline);
    buttons->addWidget(m_remove);
    buttons->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addWidget(title);
    layout->addLayout(controls);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_total);

    connect(m_building, &BuildingComboBox::buildingChanged, this, &WaitlistPage::refresh);
    connect(m_type, &QComboBox::currentIndexChanged, this, &WaitlistPage::refresh);
    connect(m_view, &QTableWidget::itemSelectionChanged, this, &WaitlistPage::updateButtons);
    connect(m_accept, &QPushButton::clicked, this, [this] { answer(Answer::Accept); });
    connect(m_decline, &QPushButton::clicked, this, [this] { answer(Answer::Decline); });
    connect(m_remove, &QPushButton::clicked, this, [this] { answer(Answer::Remove); });
    connect(m_add, &QPushButton::clicked, this, &WaitlistPage::addToWaitlist);
    updateButtons();
}

void WaitlistPage::refresh()
{
    load();
}

void WaitlistPage::addToWaitlist()
{
    if (!m_context)
        return;
    auto *dialog = new WaitlistAddDialog(*m_context, this);
    dialog->preset(m_building->buildingId(), Room::typeFromCode(m_type->currentData().toString()));
    connect(dialog, &WaitlistAddDialog::saved, this, [this](const WaitlistEntry &entry) {
        m_selectAfterLoad = entry.id;
        refresh();
    });
    dialog->open();
}

void WaitlistPage::refreshBuildings()
{
    m_building->reload();
}

WaitlistEntry WaitlistPage::currentEntry() const
{
    const int row = m_view->currentRow();
    if (m_view->selectedItems().isEmpty() || row < 0 || row >= m_entries.size())
        return {};
    return m_entries.at(row);
}

void WaitlistPage::updateButtons()
{
    const WaitlistEntry e = currentEntry();
    m_accept->setEnabled(e.offerId > 0);
    m_decline->setEnabled(e.offerId > 0);
    m_remove->setEnabled(e.id > 0);
}

QCoro::Task<> WaitlistPage::load()
{
    if (!m_context)
        co_return;
    QPointer<WaitlistPage> self(this);
    const quint64 generation = ++m_generation;
    WaitlistRepository::Filter filter;
    filter.buildingId = m_building->buildingId();
    filter.roomType = Room::typeFromCode(m_type->currentData().toString());
    // Named locals, not temporaries: GCC 12 destroys temporaries of a co_await
    // full-expression twice (GCC bug 100611).
    auto work = [filter](Database &db) {
        return WaitlistRepository(db, Actor::systemUser()).entries(filter);
    };
    auto future = m_context->executor().read(std::move(work));
    const Result<QList<WaitlistEntry>> rows = co_await future;
    if (!self || generation != m_generation)
        co_return;
    if (!rows) {
        m_total->setText(tr("The waitlists could not be loaded: %1").arg(rows.error().message));
        co_return;
    }
    const qint64 selected = currentEntry().id;
    m_entries = rows.value();
    m_view->setRowCount(int(m_entries.size()));
    int offers = 0;
    for (int row = 0; row < m_entries.size(); ++row) {
        const WaitlistEntry &e = m_entries.at(row);
        const bool offered = e.offerId > 0;
        offers += offered ? 1 : 0;
        const QString days =
            !offered ? QString()
            : e.offerTo.isValid()
                ? tr("%1 to %2").arg(e.offerFrom.toString(Qt::ISODate), e.offerTo.toString(Qt::ISODate))
                : tr("from %1").arg(e.offerFrom.toString(Qt::ISODate));
        const QStringList cells{
            tr("%1, %2").arg(e.buildingCode, Room::typeLabel(e.roomType).toLower()),
            QString::number(e.position),
            e.residentLabel(),
            WaitlistEntry::stateLabel(e.state),
            offered ? QString::number(e.offerId) : QString(),
            offered ? Allocation::roomLabel(e.buildingCode, e.offerRoomNumber) : QString(),
            days,
            offered ? QDateTime::fromMSecsSinceEpoch(e.offerDeadlineAt).toString(u"yyyy-MM-dd HH:mm"_s)
                    : QString()};
        for (int column = 0; column < cells.size(); ++column)
            m_view->setItem(row, column, new QTableWidgetItem(cells.at(column)));
        if (e.id == selected || e.id == m_selectAfterLoad) {
            m_view->selectRow(row);
            m_view->scrollToItem(m_view->item(row, 0));
        }
    }
    // An entry just added is selected once it shows (it may be filtered out: then not).
    m_selectAfterLoad = 0;
    // Two counts, two plurals: "%Ln offer(s)" is a message of its own.
    m_total->setText(tr("%Ln resident(s) waiting, %1.", nullptr, int(m_entries.size()))
                         .arg(tr("%Ln offer(s) awaiting an answer", nullptr, offers)));
    updateButtons();
    Q_EMIT loaded();
}

QCoro::Task<> WaitlistPage::answer(Answer what)
{
    const WaitlistEntry e = currentEntry();
    if (!m_context || e.id <= 0)
        co_return;
    QPointer<WaitlistPage> self(this);
    QPointer<UndoContext> ctx(m_context);
    const Actor actor = ctx->actor();
    QString title;
    switch (what) {
    case Answer::Accept:
        title = tr("Accept the offer to %1").arg(e.residentLabel());
        break;
    case Answer::Decline:
        title = tr("Decline the offer to %1").arg(e.residentLabel());
        break;
    case Answer::Remove:
        title = tr("Remove %1 from the waitlist").arg(e.residentLabel());
        break;
    }
    auto work = [what, e, actor](Database &db) -> VoidResult {
        WaitlistService booking(db, actor);
        switch (what) {
        case Answer::Accept:
            if (const Result<Allocation> a = booking.accept(e.offerId); !a)
                return a.error();
            return {};
        case Answer::Decline:
            if (const Result<FreedBed> bed = booking.decline(e.offerId); !bed)
                return bed.error();
            return {};
        case Answer::Remove:
            break;
        }
        return booking.remove(e.id);
    };
    auto future = ctx->executor().write(std::move(work));
    const VoidResult result = co_await future;
    if (!ctx)
        co_return;
    if (!result)
        ctx->reportFailure(title, result.error());
    if (what == Answer::Accept && result)
        ctx->notifyChanged(qMetaTypeId<Allocation>());
    if (self) {
        refresh();
        Q_EMIT actionFinished(result.ok());
    }
}
