#include "ui/outbox/outboxdock.h"

#include "models/db/dbexecutor.h"
#include "models/db/events.h"
#include "tasks/job.h"
#include "tasks/jobengine.h"
#include "ui/outbox/outboxtablemodel.h"
#include "ui/windowservices.h"

#include <QComboBox>
#include <QCoroFuture>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
constexpr int kListLimit = 500;
constexpr int kPollMs = 5000;

QSettings appSettings()
{
    return QSettings(u"Residesk"_s, u"Residesk"_s);
}
} // namespace

OutboxDock::OutboxDock(OutboxChannel channel, const WindowServices &services, QWidget *parent)
    : QDockWidget(channel.texts.title, parent)
    , m_channel(std::move(channel))
    , m_executor(services.executor)
    , m_engine(services.engine)
    , m_actor(services.actor)
    , m_model(new OutboxTableModel(m_channel.texts, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_filter(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_counts(new QLabel(this))
    , m_sendNow(new QPushButton(tr("Send &now"), this))
    , m_retry(new QPushButton(tr("&Retry"), this))
    , m_markSent(new QPushButton(tr("&Mark as sent"), this))
    , m_resend(new QPushButton(tr("Send &again"), this))
    , m_poll(new QTimer(this))
{
    const OutboxChannel::Texts &texts = m_channel.texts;
    const QString &prefix = m_channel.namePrefix;
    setObjectName(prefix + u"Dock"_s);
    m_view->setObjectName(prefix + u"View"_s);
    m_view->setAccessibleName(texts.title);
    m_filter->setObjectName(prefix + u"StateFilter"_s);
    m_filter->setAccessibleName(texts.stateFilterName);
    m_search->setObjectName(prefix + u"Search"_s);
    m_search->setAccessibleName(texts.searchName);
    m_search->setPlaceholderText(texts.searchPlaceholder);
    m_search->setClearButtonEnabled(true);
    m_counts->setObjectName(prefix + u"Counts"_s);
    m_sendNow->setObjectName(prefix + u"SendNow"_s);
    m_retry->setObjectName(prefix + u"Retry"_s);
    m_markSent->setObjectName(prefix + u"MarkSent"_s);
    m_resend->setObjectName(prefix + u"Resend"_s);
    m_sendNow->setToolTip(texts.sendNowTip);
    m_retry->setToolTip(texts.retryTip);
    m_markSent->setToolTip(texts.markSentTip);
    m_resend->setToolTip(texts.resendTip);

    m_filter->addItem(texts.allStates, -1);
    for (OutboxState state : OutboxStates::all())
        m_filter->addItem(OutboxStates::label(state), int(state));
    connect(m_filter, &QComboBox::currentIndexChanged, this, &OutboxDock::reload);
    auto *searchDelay = new QTimer(this);
    searchDelay->setSingleShot(true);
    searchDelay->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, searchDelay, qOverload<>(&QTimer::start));
    connect(searchDelay, &QTimer::timeout, this, &OutboxDock::reload);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(OutboxTableModel::SortRole);
    m_proxy->setDynamicSortFilter(true);
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setShowGrid(false);
    m_view->verticalHeader()->hide();
    QHeaderView *header = m_view->horizontalHeader();
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setHighlightSections(false);
    header->setStretchLastSection(true); // the table reaches the panel's right edge
    for (int column = 0; column < m_channel.widths.size() && column < OutboxTableModel::ColumnCount;
         ++column) {
        const int width = m_channel.widths.at(column);
        if (width > 0)
            header->resizeSection(column, width);
        else if (width == 0)
            m_view->setColumnHidden(column, true);
    }
    setUpSorting();
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &OutboxDock::updateActions);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &OutboxDock::updateActions);
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, &OutboxDock::updateActions);

    connect(m_sendNow, &QPushButton::clicked, this, &OutboxDock::sendNow);
    connect(m_retry, &QPushButton::clicked, this, &OutboxDock::retryCurrent);
    connect(m_markSent, &QPushButton::clicked, this, &OutboxDock::markCurrentSent);
    connect(m_resend, &QPushButton::clicked, this, &OutboxDock::resendCurrent);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(6, 4, 6, 6);
    layout->setSpacing(4);
    auto *bar = new QHBoxLayout;
    auto *caption = new QLabel(tr("&Show:"), content);
    caption->setBuddy(m_filter);
    bar->addWidget(caption);
    bar->addWidget(m_filter);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_counts);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_sendNow);
    buttons->addStretch();
    buttons->addWidget(m_retry);
    buttons->addWidget(m_markSent);
    buttons->addWidget(m_resend);
    layout->addLayout(buttons);
    setWidget(content);

    connect(&services.events, &EventBus::recordsChanged, this, [this](const QString &table) {
        if (table == m_channel.table)
            reload();
    });
    connect(&services.events, &EventBus::resynced, this, &OutboxDock::reload);
    connect(this, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            reload();
    });
    m_poll->setInterval(kPollMs);
    connect(m_poll, &QTimer::timeout, this, &OutboxDock::reload);
    updateActions();
}

OutboxDock::~OutboxDock() = default;

void OutboxDock::setUpSorting()
{
    const QString key = m_channel.sortSetting;
    if (key.isEmpty())
        return; // the rows stay in the order they were loaded: newest first
    // Newest first, unless the person sorted otherwise last time.
    int sortColumn = OutboxTableModel::IdColumn;
    Qt::SortOrder sortOrder = Qt::DescendingOrder;
    if (const QStringList saved = appSettings().value(key).toString().split(u' '); saved.size() == 2) {
        bool ok = false;
        const int column = saved.at(0).toInt(&ok);
        if (ok && column >= 0 && column < OutboxTableModel::ColumnCount) {
            sortColumn = column;
            sortOrder = saved.at(1) == u"0"_s ? Qt::AscendingOrder : Qt::DescendingOrder;
        }
    }
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(sortColumn, sortOrder);
    connect(m_view->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            [key](int column, Qt::SortOrder order) {
                appSettings().setValue(key, u"%1 %2"_s.arg(column).arg(order == Qt::AscendingOrder ? 0 : 1));
            });
}

void OutboxDock::start()
{
    m_started = true;
    reload();
}

void OutboxDock::reload()
{
    if (!m_started)
        return;
    if (m_loading) {
        m_reloadAgain = true;
        return;
    }
    load();
}

QCoro::Task<> OutboxDock::load()
{
    QPointer<OutboxDock> self(this);
    m_loading = true;
    OutboxQuery query;
    const int state = m_filter->currentData().toInt();
    if (state >= 0)
        query.state = OutboxState(state);
    query.search = m_search->text();
    query.limit = kListLimit;
    // A named future, not a temporary (GCC bug 100611).
    auto future = m_executor.read([query, load = m_channel.load](Database &db) { return load(db, query); });
    const OutboxPage fresh = co_await future;
    if (!self)
        co_return;
    m_loading = false;
    if (fresh.rows) {
        const qint64 selected = currentId();
        m_model->setRows(fresh.rows.value());
        if (selected > 0)
            selectMessage(selected);
    }
    if (fresh.counts) {
        const QHash<OutboxState, int> &c = fresh.counts.value();
        QStringList parts;
        for (OutboxState s : OutboxStates::all()) {
            if (c.value(s) > 0)
                parts << u"%1 %2"_s.arg(c.value(s)).arg(OutboxStates::label(s).toLower());
        }
        m_counts->setText(parts.isEmpty() ? m_channel.texts.none : parts.join(u" · "_s));
        // Someone else's worker may be sending: look again while anything waits.
        const bool active = c.value(OutboxState::Queued) + c.value(OutboxState::Sending) > 0;
        if (active && !m_poll->isActive())
            m_poll->start();
        else if (!active)
            m_poll->stop();
    }
    Q_EMIT loaded();
    if (std::exchange(m_reloadAgain, false))
        reload();
}

qint64 OutboxDock::currentId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(OutboxTableModel::IdRole).toLongLong() : 0;
}

void OutboxDock::selectMessage(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return;
    m_view->setCurrentIndex(index);
    m_view->selectRow(index.row());
}

std::optional<std::pair<qint64, int>> OutboxDock::currentIn(OutboxState state) const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || current.data(OutboxTableModel::StateRole).toInt() != int(state))
        return std::nullopt;
    return std::pair{current.data(OutboxTableModel::IdRole).toLongLong(),
                     current.data(OutboxTableModel::VersionRole).toInt()};
}

void OutboxDock::updateActions()
{
    const QModelIndex current = m_view->currentIndex();
    const int state = current.isValid() ? current.data(OutboxTableModel::StateRole).toInt() : -1;
    m_retry->setEnabled(state == int(OutboxState::Failed));
    m_markSent->setEnabled(state == int(OutboxState::Uncertain));
    m_resend->setEnabled(state == int(OutboxState::Uncertain));
}

void OutboxDock::showFailure(const QString &what, const DbError &error)
{
    auto *box = new QMessageBox(QMessageBox::Warning, m_channel.texts.title, what, QMessageBox::Ok, this);
    box->setObjectName(m_channel.namePrefix + u"FailedBox"_s);
    box->setInformativeText(error.text());
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    Q_EMIT actionDone(what + u' ' + error.text());
}

void OutboxDock::sendNow()
{
    drainNow();
}

void OutboxDock::retryCurrent()
{
    if (const auto current = currentIn(OutboxState::Failed))
        retry(current->first, current->second);
}

void OutboxDock::markCurrentSent()
{
    const auto current = currentIn(OutboxState::Uncertain);
    if (!current)
        return;
    if (m_confirm &&
        QMessageBox::question(this, tr("Mark as sent"),
                              m_channel.texts.confirmMarkSent.arg(current->first)) != QMessageBox::Yes)
        return;
    decide(current->first, current->second, OutboxDecision::MarkSent);
}

void OutboxDock::resendCurrent()
{
    const auto current = currentIn(OutboxState::Uncertain);
    if (!current)
        return;
    if (m_confirm &&
        QMessageBox::question(this, tr("Send again"), m_channel.texts.confirmResend.arg(current->first)) !=
            QMessageBox::Yes)
        return;
    decide(current->first, current->second, OutboxDecision::Resend);
}

QCoro::Task<> OutboxDock::decide(qint64 id, int version, OutboxDecision decision)
{
    QPointer<OutboxDock> self(this);
    auto future = m_executor.write([id, version, decision, actor = m_actor, decide = m_channel.decide](
                                       Database &db) { return decide(db, id, version, decision, actor); });
    const VoidResult result = co_await future;
    if (!self)
        co_return;
    if (!result) {
        showFailure(m_channel.texts.changeFailed.arg(id), result.error());
    } else {
        if (m_engine && decision == OutboxDecision::Resend)
            m_engine->wake();
        Q_EMIT actionDone(QString());
    }
    reload();
}

QCoro::Task<> OutboxDock::retry(qint64 id, int version)
{
    QPointer<OutboxDock> self(this);
    auto future = m_executor.write([id, version, actor = m_actor, retry = m_channel.retry](Database &db) {
        return retry(db, id, version, actor);
    });
    const VoidResult result = co_await future;
    if (!self)
        co_return;
    if (!result) {
        showFailure(m_channel.texts.retryFailed.arg(id), result.error());
    } else {
        if (m_engine)
            m_engine->wake();
        Q_EMIT actionDone(QString());
    }
    reload();
}

QCoro::Task<> OutboxDock::drainNow()
{
    QPointer<OutboxDock> self(this);
    auto future = m_executor.write(
        [actor = m_actor, drainNow = m_channel.drainNow](Database &db) { return drainNow(db, actor); });
    const Result<EnqueueResult> result = co_await future;
    if (!self)
        co_return;
    if (!result) {
        showFailure(m_channel.texts.sendNowFailed, result.error());
        co_return;
    }
    if (m_engine)
        m_engine->wake();
    Q_EMIT actionDone(QString());
}
