#include "ui/pages/dashboardpage.h"

#include "models/db/dbexecutor.h"
#include "models/housing/allocation/allocationrepository.h"
#include "models/lab/protocol.h"
#include "models/maintenance/maintenancerepository.h"
#include "models/reports/dashboardrepository.h"
#include "tasks/jobstore.h"
#include "ui/pages/dashboardcard.h"
#include "ui/widgets/theme.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCoroFuture>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QTimer>
#include <QUrlQuery>
#include <QVBoxLayout>
#include <QValueAxis>

using namespace Qt::StringLiterals;

namespace {

const QString kOccupancy = u"occupancy"_s;
const QString kFreeBeds = u"freeBeds"_s;
const QString kMovements = u"movements"_s;
const QString kMaintenance = u"maintenance"_s;
const QString kProtocols = u"protocols"_s;
const QString kJobs = u"jobs"_s;

QString number(qint64 n)
{
    return QLocale().toString(n);
}

// A figure people can click: a link whose href carries the target and its filter.
QString link(const QString &href, const QString &text, const QString &color = {})
{
    const QString style =
        color.isEmpty() ? u"text-decoration: none;"_s : u"text-decoration: none; color: %1;"_s.arg(color);
    return u"<a href=\"%1\" style=\"%2\">%3</a>"_s.arg(href.toHtmlEscaped(), style, text.toHtmlEscaped());
}

QLabel *figureLabel(const QString &objectName, qreal scale, QWidget *parent)
{
    auto *label = new QLabel(QStringLiteral("–"), parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    label->setStyleSheet(u"border: none;"_s);
    if (scale != 1.0) {
        QFont font = label->font();
        font.setPointSizeF(font.pointSizeF() * scale);
        font.setBold(true);
        label->setFont(font);
    }
    return label;
}

struct Occupancy
{
    QList<BuildingOccupancy> buildings;
};

} // namespace

DashboardPage::DashboardPage(UndoContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(&context)
{
    setObjectName(u"dashboardPage"_s);
    auto *title = new QLabel(tr("Dashboard"), this);
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    font.setBold(true);
    title->setFont(font);

    auto *content = new QWidget;
    auto *grid = new QGridLayout(content);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(12);
    const auto add = [this](const QString &key, const QString &caption) {
        auto *card = new DashboardCard(key, caption, this);
        m_cards.insert(key, card);
        return card;
    };

    DashboardCard *occupancy = add(kOccupancy, tr("Occupancy by building (beds held today)"));
    m_chartView = new QChartView(occupancy);
    m_chartView->setObjectName(u"occupancyChart"_s);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(220);
    m_chartView->setStyleSheet(u"border: none;"_s);
    // Axis labels, grid and legend in the palette's light or dark: read on either.
    m_chartView->chart()->setTheme(Theme::isDark(palette()) ? QChart::ChartThemeDark
                                                            : QChart::ChartThemeLight);
    m_chartView->chart()->legend()->setAlignment(Qt::AlignBottom);
    m_chartView->chart()->setMargins(QMargins(0, 0, 0, 0));
    m_chartView->chart()->setBackgroundVisible(false);
    occupancy->body()->addWidget(m_chartView);

    DashboardCard *freeBeds = add(kFreeBeds, tr("Free beds today"));
    m_freeBeds = figureLabel(u"freeBedsCount"_s, 2.2, freeBeds);
    m_freeBedsNote = figureLabel(u"freeBedsNote"_s, 1.0, freeBeds);
    m_freeBedsNote->setWordWrap(true);
    freeBeds->body()->addWidget(m_freeBeds);
    freeBeds->body()->addWidget(m_freeBedsNote);
    freeBeds->body()->addStretch();

    DashboardCard *jobs = add(kJobs, tr("Jobs"));
    m_jobs = figureLabel(u"jobsRunning"_s, 1.0, jobs);
    m_jobs->setWordWrap(true);
    jobs->body()->addWidget(m_jobs);
    jobs->body()->addStretch();

    DashboardCard *movements = add(kMovements, tr("Arrivals and departures this week"));
    m_arrivals = figureLabel(u"arrivalsCount"_s, 1.0, movements);
    m_departures = figureLabel(u"departuresCount"_s, 1.0, movements);
    movements->body()->addWidget(m_arrivals);
    movements->body()->addWidget(m_departures);
    movements->body()->addStretch();

    DashboardCard *maintenance = add(kMaintenance, tr("Open maintenance by priority"));
    m_maintenance = figureLabel(u"maintenanceCounts"_s, 1.0, maintenance);
    maintenance->body()->addWidget(m_maintenance);
    maintenance->body()->addStretch();

    DashboardCard *protocols = add(kProtocols, tr("Protocols by state"));
    m_protocols = figureLabel(u"protocolsCounts"_s, 1.0, protocols);
    protocols->body()->addWidget(m_protocols);
    protocols->body()->addStretch();

    // Three columns; the chart takes two of the first row, free beds and jobs share the
    // third. Fits the page of a 1,366 × 768 window (about 1,130 × 600 after the sidebar,
    // menus and status bar); the scroll area takes over on anything smaller.
    auto *side = new QVBoxLayout;
    side->setSpacing(12);
    side->addWidget(freeBeds);
    side->addWidget(jobs);
    grid->addWidget(occupancy, 0, 0, 1, 2);
    grid->addLayout(side, 0, 2);
    grid->addWidget(movements, 1, 0);
    grid->addWidget(maintenance, 1, 1);
    grid->addWidget(protocols, 1, 2);
    for (int c = 0; c < 3; ++c)
        grid->setColumnStretch(c, 1);
    grid->setRowStretch(0, 3);
    grid->setRowStretch(1, 2);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"dashboardScroll"_s);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 16);
    layout->setSpacing(12);
    layout->addWidget(title);
    layout->addWidget(scroll, 1);

    for (QLabel *label :
         {m_freeBeds, m_freeBedsNote, m_arrivals, m_departures, m_maintenance, m_protocols, m_jobs})
        connect(label, &QLabel::linkActivated, this, &DashboardPage::onLink);

    m_coalesce = new QTimer(this);
    m_coalesce->setSingleShot(true);
    m_coalesce->setInterval(kCoalesceMs);
    connect(m_coalesce, &QTimer::timeout, this, &DashboardPage::loadNow);
    m_coalesceJobs = new QTimer(this);
    m_coalesceJobs->setSingleShot(true);
    m_coalesceJobs->setInterval(kCoalesceMs);
    connect(m_coalesceJobs, &QTimer::timeout, this, [this] {
        if (card(kJobs)->isHidden())
            return;
        if (!m_pending.isEmpty()) {
            m_coalesceJobs->start(); // after the load under way
            return;
        }
        startCard(kJobs);
    });
    setRights(m_rights);
}

DashboardPage::~DashboardPage() = default;

DashboardCard *DashboardPage::card(const QString &key) const
{
    return m_cards.value(key);
}

void DashboardPage::setRights(const Rights &rights)
{
    m_rights = rights;
    const bool housing = rights.housing || rights.admin;
    const bool lab = rights.lab || rights.admin;
    card(kOccupancy)->setVisible(housing);
    card(kFreeBeds)->setVisible(housing);
    card(kMovements)->setVisible(housing);
    card(kMaintenance)->setVisible(housing);
    card(kProtocols)->setVisible(lab);
    card(kJobs)->setVisible(lab);
    if (m_loadedOnce)
        refresh();
}

QStringList DashboardPage::shownCards() const
{
    QStringList keys;
    for (const QString &key : {kOccupancy, kFreeBeds, kJobs, kMovements, kMaintenance, kProtocols})
        if (!card(key)->isHidden())
            keys << key;
    return keys;
}

bool DashboardPage::isLoading() const
{
    return !m_pending.isEmpty();
}

void DashboardPage::refresh()
{
    if (!m_loadedOnce) {
        loadNow();
        return;
    }
    m_coalesce->start(); // restarts: a burst of events is one reload
}

void DashboardPage::jobsChanged()
{
    if (m_loadedOnce && !m_coalesce->isActive())
        m_coalesceJobs->start();
}

void DashboardPage::loadNow()
{
    if (!m_context)
        return;
    // A load still running finishes first; its answers are the newest we asked for.
    if (!m_pending.isEmpty()) {
        m_coalesce->start();
        return;
    }
    m_loadedOnce = true;
    for (const QString &key : shownCards())
        startCard(key);
}

void DashboardPage::startCard(const QString &key)
{
    const quint64 generation = ++m_nextGeneration;
    m_generations.insert(key, generation);
    m_pending.insert(key);
    card(key)->setLoading();
    if (key == kOccupancy)
        loadOccupancy(generation);
    else if (key == kFreeBeds)
        loadFreeBeds(generation);
    else if (key == kMovements)
        loadMovements(generation);
    else if (key == kMaintenance)
        loadMaintenance(generation);
    else if (key == kProtocols)
        loadProtocols(generation);
    else if (key == kJobs)
        loadJobs(generation);
}

void DashboardPage::finishCard(const QString &key, bool ok)
{
    Q_EMIT cardFinished(key, ok);
    if (m_pending.remove(key) && m_pending.isEmpty())
        Q_EMIT allCardsFinished();
}

// Each loader: one read on the executor's read pool (its own thread and connection),
// then fill the card on the GUI thread — unless a newer load of the card was started or
// the page went away meanwhile. Futures are named locals (GCC bug 100611).

QCoro::Task<> DashboardPage::loadOccupancy(quint64 generation)
{
    QPointer<DashboardPage> self(this);
    const Actor actor = m_context->actor();
    auto future = m_context->executor().read(
        [actor](Database &db) { return AllocationRepository(db, actor).occupancy(QDate::currentDate()); });
    const Result<QList<BuildingOccupancy>> r = co_await future;
    if (!self || m_generations.value(kOccupancy) != generation)
        co_return;
    DashboardCard *c = card(kOccupancy);
    if (!r) {
        c->setFailed(r.error().text());
        finishCard(kOccupancy, false);
        co_return;
    }
    QChart *chart = m_chartView->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
    auto *taken = new QBarSet(tr("Beds held"));
    auto *free = new QBarSet(tr("Free"));
    const bool dark = Theme::isDark(palette());
    taken->setColor(dark ? QColor(0x6f, 0xa8, 0xdc) : QColor(0x1f, 0x3a, 0x5f));
    free->setColor(dark ? QColor(0x5e, 0x8c, 0x5e) : QColor(0x8f, 0xb8, 0x8f));
    QStringList codes;
    QList<qint64> ids;
    int most = 0;
    for (const BuildingOccupancy &b : r.value()) {
        codes << b.code;
        ids << b.buildingId;
        *taken << b.taken;
        *free << b.free;
        most = std::max({most, b.taken, b.free});
    }
    auto *series = new QBarSeries;
    series->append(taken);
    series->append(free);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(codes);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis;
    y->setRange(0, std::max(1, most));
    y->setLabelFormat(u"%d"_s);
    y->applyNiceNumbers(); // whole ticks: beds are counted
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    connect(series, &QBarSeries::clicked, this, [this, ids](int index, QBarSet *) {
        if (index >= 0 && index < ids.size())
            Q_EMIT openRequested(u"free-beds"_s, {{u"building_id"_s, ids.at(index)}});
    });
    m_chartView->setProperty("buildings", codes.size());
    c->setFilled();
    finishCard(kOccupancy, true);
}

QCoro::Task<> DashboardPage::loadFreeBeds(quint64 generation)
{
    QPointer<DashboardPage> self(this);
    const Actor actor = m_context->actor();
    auto future = m_context->executor().read(
        [actor](Database &db) { return AllocationRepository(db, actor).occupancy(QDate::currentDate()); });
    const Result<QList<BuildingOccupancy>> r = co_await future;
    if (!self || m_generations.value(kFreeBeds) != generation)
        co_return;
    if (!r) {
        card(kFreeBeds)->setFailed(r.error().text());
        finishCard(kFreeBeds, false);
        co_return;
    }
    int free = 0;
    int beds = 0;
    int unavailable = 0;
    for (const BuildingOccupancy &b : r.value()) {
        free += b.free;
        beds += b.beds;
        unavailable += b.unavailableBeds;
    }
    m_freeBeds->setText(link(u"free-beds:"_s, number(free)));
    m_freeBedsNote->setText(
        tr("of %1 beds; %2 in rooms out of service").arg(number(beds), number(unavailable)));
    card(kFreeBeds)->setFilled();
    finishCard(kFreeBeds, true);
}

QCoro::Task<> DashboardPage::loadMovements(quint64 generation)
{
    QPointer<DashboardPage> self(this);
    const Actor actor = m_context->actor();
    auto future = m_context->executor().read(
        [actor](Database &db) { return DashboardRepository(db, actor).movements(QDate::currentDate()); });
    const Result<DashboardRepository::Movements> r = co_await future;
    if (!self || m_generations.value(kMovements) != generation)
        co_return;
    if (!r) {
        card(kMovements)->setFailed(r.error().text());
        finishCard(kMovements, false);
        co_return;
    }
    const QString week =
        u"from=%1&to=%2"_s.arg(r->weekStart.toString(Qt::ISODate), r->weekEnd.toString(Qt::ISODate));
    m_arrivals->setText(tr("Arrivals: %1 (today %2)")
                            .arg(link(u"allocations:arrivals&"_s + week, number(r->arrivals)),
                                 link(u"allocations:arrivals&"_s +
                                          u"from=%1&to=%1"_s.arg(QDate::currentDate().toString(Qt::ISODate)),
                                      number(r->arrivalsToday))));
    m_departures->setText(
        tr("Departures: %1 (today %2)")
            .arg(link(u"allocations:departures&"_s + week, number(r->departures)),
                 link(u"allocations:departures&"_s +
                          u"from=%1&to=%1"_s.arg(QDate::currentDate().toString(Qt::ISODate)),
                      number(r->departuresToday))));
    card(kMovements)->setFilled();
    finishCard(kMovements, true);
}

QCoro::Task<> DashboardPage::loadMaintenance(quint64 generation)
{
    QPointer<DashboardPage> self(this);
    const Actor actor = m_context->actor();
    auto future = m_context->executor().read([actor](Database &db) {
        return MaintenanceRepository(db, actor).countsByPriority(QDateTime::currentDateTimeUtc());
    });
    const Result<QList<MaintenanceRepository::PriorityCount>> r = co_await future;
    if (!self || m_generations.value(kMaintenance) != generation)
        co_return;
    if (!r) {
        card(kMaintenance)->setFailed(r.error().text());
        finishCard(kMaintenance, false);
        co_return;
    }
    QStringList lines;
    int overdue = 0;
    for (const MaintenanceRepository::PriorityCount &c : r.value()) {
        const QString code = Maintenance::priorityCode(c.priority);
        QString line = Maintenance::priorityLabel(c.priority) + u": "_s +
                       link(u"maintenance:priority="_s + code, number(c.open));
        if (c.overdue > 0)
            line += u" "_s + link(u"maintenance:overdue&priority="_s + code,
                                  tr("(%1 overdue)").arg(number(c.overdue)), Theme::error(palette()).name());
        overdue += c.overdue;
        lines << line;
    }
    lines << (overdue > 0 ? link(u"maintenance:overdue"_s, tr("%1 overdue in all").arg(number(overdue)),
                                 Theme::error(palette()).name())
                          : tr("None overdue."));
    m_maintenance->setText(lines.join(u"<br>"_s));
    m_maintenance->setProperty("overdue", overdue);
    card(kMaintenance)->setFilled();
    finishCard(kMaintenance, true);
}

QCoro::Task<> DashboardPage::loadProtocols(quint64 generation)
{
    QPointer<DashboardPage> self(this);
    const Actor actor = m_context->actor();
    auto future = m_context->executor().read(
        [actor](Database &db) { return DashboardRepository(db, actor).protocolsByState(); });
    const Result<QHash<QString, int>> r = co_await future;
    if (!self || m_generations.value(kProtocols) != generation)
        co_return;
    if (!r) {
        card(kProtocols)->setFailed(r.error().text());
        finishCard(kProtocols, false);
        co_return;
    }
    QStringList lines;
    for (Protocol::State s : Protocol::allStates()) {
        const QString code = Protocol::stateCode(s);
        lines << Protocol::stateLabel(s) + u": "_s +
                     link(u"protocols:state="_s + code, number(r->value(code)));
    }
    m_protocols->setText(lines.join(u"<br>"_s));
    card(kProtocols)->setFilled();
    finishCard(kProtocols, true);
}

QCoro::Task<> DashboardPage::loadJobs(quint64 generation)
{
    QPointer<DashboardPage> self(this);
    auto future = m_context->executor().read([](Database &db) { return JobStore(db).countByState(); });
    const Result<QHash<JobState, int>> r = co_await future;
    if (!self || m_generations.value(kJobs) != generation)
        co_return;
    if (!r) {
        card(kJobs)->setFailed(r.error().text());
        finishCard(kJobs, false);
        co_return;
    }
    m_jobs->setText(tr("%1 running, %2 queued, %3 failed")
                        .arg(link(u"jobs:state=running"_s, number(r->value(JobState::Running))),
                             link(u"jobs:state=queued"_s, number(r->value(JobState::Queued))),
                             link(u"jobs:state=failed"_s, number(r->value(JobState::Failed)))));
    card(kJobs)->setFilled();
    finishCard(kJobs, true);
}

void DashboardPage::onLink(const QString &href)
{
    // "target:key=value&flag": the page behind the figure and its filter.
    const QString target = href.section(u':', 0, 0);
    const QUrlQuery query(href.section(u':', 1));
    QVariantMap filter;
    for (const auto &[key, value] : query.queryItems())
        filter.insert(key, value.isEmpty() ? QVariant(true) : QVariant(value));
    Q_EMIT openRequested(target, filter);
}
