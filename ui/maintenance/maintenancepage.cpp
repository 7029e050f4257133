#include "ui/maintenance/maintenancepage.h"

#include "models/itemmodels/maintenancefilterproxymodel.h"
#include "models/itemmodels/maintenancerequestsmodel.h"
#include "ui/maintenance/maintenanceui.h"
#include "ui/widgets/flowlayout.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// The state combo's data: a state's index, or one of these.
constexpr int kOpenWork = -1;
constexpr int kAllStates = -2;

QComboBox *combo(const QString &name, QWidget *parent)
{
    auto *box = new QComboBox(parent);
    box->setObjectName(name);
    box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    return box;
}

} // namespace

MaintenancePage::MaintenancePage(MaintenanceUi &ui, QWidget *parent)
    : QWidget(parent)
    , m_ui(ui)
    , m_model(new MaintenanceRequestsModel(ui.executor(), this))
    , m_proxy(new MaintenanceFilterProxyModel(this))
    , m_state(combo(u"maintenanceStateFilter"_s, this))
    , m_building(combo(u"maintenanceBuildingFilter"_s, this))
    , m_category(combo(u"maintenanceCategoryFilter"_s, this))
    , m_priority(combo(u"maintenancePriorityFilter"_s, this))
    , m_overdue(new QCheckBox(tr("O&verdue only"), this))
    , m_search(new QLineEdit(this))
    , m_new(new QPushButton(tr("&New request…"), this))
    , m_open(new QPushButton(tr("&Open"), this))
    , m_technicians(new QPushButton(tr("Te&chnicians…"), this))
    , m_view(new QTableView(this))
    , m_count(new QLabel(this))
    , m_searchTimer(new QTimer(this))
{
    setObjectName(u"maintenancePage"_s);
    m_proxy->setSourceModel(m_model);

    auto *title = new QLabel(tr("Maintenance"), this);
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    title->setFont(font);

    m_state->addItem(tr("Open work"), kOpenWork);
    m_state->addItem(tr("All states"), kAllStates);
    for (Maintenance::State s : Maintenance::states())
        m_state->addItem(Maintenance::stateLabel(s), int(s));
    m_building->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_building->setMinimumContentsLength(18); // a long name does not widen the page
    m_building->addItem(tr("All buildings"), QString());
    m_category->addItem(tr("All categories"), -1);
    for (Maintenance::Category c : Maintenance::categories())
        m_category->addItem(Maintenance::categoryLabel(c), int(c));
    m_priority->addItem(tr("All priorities"), -1);
    for (Maintenance::Priority p : Maintenance::priorities())
        m_priority->addItem(Maintenance::priorityLabel(p), int(p));
    m_overdue->setObjectName(u"maintenanceOverdueFilter"_s);
    m_search->setObjectName(u"maintenanceSearch"_s);
    m_search->setAccessibleName(tr("Search maintenance requests"));
    m_search->setPlaceholderText(tr("Search description, place, technician…"));
    m_search->setClearButtonEnabled(true);
    m_new->setObjectName(u"maintenanceNewButton"_s);
    m_open->setObjectName(u"maintenanceOpenButton"_s);
    m_technicians->setObjectName(u"maintenanceTechniciansButton"_s);
    m_technicians->setToolTip(tr("The technicians: their skills, working hours and language"));
    m_count->setObjectName(u"maintenanceCount"_s);

    m_view->setObjectName(u"maintenanceTable"_s);
    m_view->setAccessibleName(tr("Maintenance requests"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(MaintenanceRequestsModel::DueColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    // The filters wrap to a second line in a narrow window instead of widening it.
    auto *filters = new FlowLayout(6, 4);
    for (QWidget *filter :
         std::initializer_list<QWidget *>{m_state, m_building, m_category, m_priority, m_overdue, m_search})
        filters->addWidget(filter);
    m_search->setMinimumWidth(200);
    m_search->setFixedWidth(m_search->fontMetrics().horizontalAdvance(m_search->placeholderText()) + 48);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_new);
    actions->addWidget(m_open);
    actions->addWidget(m_technicians);
    actions->addStretch();
    actions->addWidget(m_count);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addWidget(title);
    auto *filterRow = new QWidget(this);
    filterRow->setLayout(filters);
    layout->addWidget(filterRow);
    layout->addWidget(m_view, 1);
    layout->addLayout(actions);

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(200);
    connect(m_searchTimer, &QTimer::timeout, this, [this] { m_proxy->setSearchText(m_search->text()); });
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    for (QComboBox *box : {m_state, m_building, m_category, m_priority})
        connect(box, &QComboBox::currentIndexChanged, this, &MaintenancePage::applyFilters);
    connect(m_overdue, &QCheckBox::toggled, this, &MaintenancePage::applyFilters);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MaintenancePage::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &MaintenancePage::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MaintenancePage::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MaintenancePage::updateCount);

    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        if (const qint64 id = currentId())
            m_keepId = id;
    });
    connect(m_model, &MaintenanceRequestsModel::loaded, this, [this] {
        fillBuildings();
        if (m_keepId > 0) {
            const int row = m_model->rowOfId(m_keepId);
            const QModelIndex index =
                row >= 0 ? m_proxy->mapFromSource(m_model->index(row, 0)) : QModelIndex();
            if (index.isValid())
                m_view->setCurrentIndex(index);
        }
        updateCount();
        Q_EMIT loaded();
    });
    connect(m_model, &MaintenanceRequestsModel::loadFailed, this, [this](const DbError &error) {
        m_count->setText(tr("The maintenance requests could not be loaded: %1").arg(error.message));
    });
    connect(m_view, &QAbstractItemView::doubleClicked, this, &MaintenancePage::openCurrent);
    connect(m_open, &QPushButton::clicked, this, &MaintenancePage::openCurrent);
    connect(m_new, &QPushButton::clicked, this, [this] { m_ui.newRequest(); });
    connect(m_technicians, &QPushButton::clicked, this, [this] { m_ui.showTechnicians(); });
    applyFilters();
}

void MaintenancePage::start()
{
    m_started = true;
    if (!m_model->setFilter(m_filter))
        m_model->reload();
}

void MaintenancePage::refresh()
{
    if (!m_started)
        return;
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    m_model->reload();
}

void MaintenancePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void MaintenancePage::setWritable(bool writable)
{
    m_new->setVisible(writable);
}

qint64 MaintenancePage::currentId() const
{
    const QModelIndex index = m_view->currentIndex();
    return index.isValid() ? m_proxy->idAt(index.row()) : 0;
}

void MaintenancePage::openCurrent()
{
    if (const qint64 id = currentId())
        m_ui.openRequest(id);
}

void MaintenancePage::showOpenWork(std::optional<Maintenance::Priority> priority, bool overdueOnly)
{
    // One applyFilters at the end, not one per box.
    const QSignalBlocker blockers[] = {QSignalBlocker(m_state), QSignalBlocker(m_building),
                                       QSignalBlocker(m_category), QSignalBlocker(m_priority),
                                       QSignalBlocker(m_overdue)};
    m_state->setCurrentIndex(m_state->findData(kOpenWork));
    m_building->setCurrentIndex(0);
    m_category->setCurrentIndex(0);
    m_priority->setCurrentIndex(priority ? m_priority->findData(int(*priority)) : 0);
    m_overdue->setChecked(overdueOnly);
    applyFilters();
}

void MaintenancePage::applyFilters()
{
    const int state = m_state->currentData().toInt();
    const int category = m_category->currentData().toInt();
    const int priority = m_priority->currentData().toInt();
    // The database narrows by state and overdue (so its row limit counts the rows
    // wanted); the proxy filters the rest at once and keeps every criterion.
    MaintenanceFilter filter;
    filter.unfinishedOnly = state == kOpenWork;
    if (state >= 0)
        filter.state = Maintenance::State(state);
    filter.overdueOnly = m_overdue->isChecked();
    m_proxy->setUnfinishedOnly(state == kOpenWork);
    m_proxy->setState(state >= 0 ? std::optional(Maintenance::State(state)) : std::nullopt);
    m_proxy->setBuildingCode(m_building->currentData().toString());
    m_proxy->setCategory(category >= 0 ? std::optional(Maintenance::Category(category)) : std::nullopt);
    m_proxy->setPriority(priority >= 0 ? std::optional(Maintenance::Priority(priority)) : std::nullopt);
    m_proxy->setOverdueOnly(m_overdue->isChecked());
    m_filter = filter;
    if (m_started)
        m_model->setFilter(filter);
    updateCount();
}

void MaintenancePage::fillBuildings()
{
    // The buildings of the rows loaded (vets may read requests but not buildings).
    const QString current = m_building->currentData().toString();
    const QMap<QString, QString> buildings = m_model->buildings();
    QStringList codes = buildings.keys();
    if (!current.isEmpty() && !codes.contains(current))
        codes.append(current);
    QStringList shown;
    for (int i = 1; i < m_building->count(); ++i)
        shown << m_building->itemData(i).toString();
    if (shown == codes)
        return;
    const QSignalBlocker block(m_building);
    m_building->clear();
    m_building->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_building->setMinimumContentsLength(18); // a long name does not widen the page
    m_building->addItem(tr("All buildings"), QString());
    for (const QString &code : std::as_const(codes)) {
        const QString name = buildings.value(code);
        m_building->addItem(name.isEmpty() ? code : tr("%1 — %2").arg(code, name), code);
    }
    m_building->setCurrentIndex(qMax(0, m_building->findData(current)));
}

void MaintenancePage::updateCount()
{
    int overdue = 0;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        if (m_proxy->index(row, 0).data(MaintenanceRequestsModel::OverdueRole).toBool())
            ++overdue;
    }
    m_count->setText(tr("%Ln request(s)", nullptr, m_proxy->rowCount()) +
                     (overdue > 0 ? tr(", %Ln overdue", nullptr, overdue) : QString()));
}
