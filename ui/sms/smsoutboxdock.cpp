#include "ui/sms/smsoutboxdock.h"

#include "models/db/dbexecutor.h"
#include "models/db/events.h"
#include "models/db/transaction.h"
#include "tasks/jobengine.h"
#include "tasks/jobstore.h"
#include "ui/sms/smsoutboxtablemodel.h"
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
const QString kSortKey = u"window/smsOutboxSort"_s; // "<column> <0|1>"

struct Loaded
{
    Result<QList<SmsRecord>> rows;
    Result<QHash<OutboxState, int>> counts;
};

QSettings appSettings()
{
    return QSettings(u"Residesk"_s, u"Residesk"_s);
}
} // namespace

SmsOutboxDock::SmsOutboxDock(const WindowServices &services, QWidget *parent)
    : QDockWidget(tr("Text messages"), parent)
    , m_executor(services.executor)
    , m_engine(services.engine)
    , m_actor(services.actor)
    , m_model(new SmsOutboxTableModel(this))
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
    setObjectName(u"smsOutboxDock"_s);
    m_view->setObjectName(u"smsOutboxView"_s);
    m_view->setAccessibleName(tr("Text messages"));
    m_filter->setObjectName(u"smsOutboxStateFilter"_s);
    m_filter->setAccessibleName(tr("Show text messages in state"));
    m_search->setObjectName(u"smsOutboxSearch"_s);
    m_search->setAccessibleName(tr("Search the text messages"));
    m_search->setPlaceholderText(tr("Search number, name or text"));
    m_search->setClearButtonEnabled(true);
    m_counts->setObjectName(u"smsOutboxCounts"_s);
    m_sendNow->setObjectName(u"smsOutboxSendNow"_s);
    m_retry->setObjectName(u"smsOutboxRetry"_s);
    m_markSent->setObjectName(u"smsOutboxMarkSent"_s);
    m_resend->setObjectName(u"smsOutboxResend"_s);
    m_sendNow->setToolTip(tr("Send the queued text messages now instead of at the next scheduled run"));
    m_retry->setToolTip(tr("Queue the selected failed text message again"));
    m_markSent->setToolTip(tr("The selected uncertain text message did arrive: record it as sent"));
    m_resend->setToolTip(tr("The selected uncertain text message did not arrive: send it once more"));

    m_filter->addItem(tr("All text messages"), -1);
    for (OutboxState state : OutboxStates::all())
        m_filter->addItem(OutboxStates::label(state), int(state));
    connect(m_filter, &QComboBox::currentIndexChanged, this, &SmsOutboxDock::reload);
    auto *searchDelay = new QTimer(this);
    searchDelay->setSingleShot(true);
    searchDelay->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, searchDelay, qOverload<>(&QTimer::start));
    connect(searchDelay, &QTimer::timeout, this, &SmsOutboxDock::reload);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SmsOutboxTableModel::SortRole);
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
    header->setStretchLastSection(false);
    header->resizeSection(SmsOutboxTableModel::IdColumn, 60);
    header->resizeSection(SmsOutboxTableModel::ToColumn, 130);
    header->resizeSection(SmsOutboxTableModel::ResidentColumn, 160);
    header->resizeSection(SmsOutboxTableModel::TextColumn, 240);
    header->resizeSection(SmsOutboxTableModel::StateColumn, 90);
    header->resizeSection(SmsOutboxTableModel::AttemptsColumn, 70);
    header->resizeSection(SmsOutboxTableModel::ErrorColumn, 280);
    // Newest first, unless the person sorted otherwise last time.
    int sortColumn = SmsOutboxTableModel::IdColumn;
    Qt::SortOrder sortOrder = Qt::DescendingOrder;
    if (const QStringList saved = appSettings().value(kSortKey).toString().split(u' '); saved.size() == 2) {
        bool ok = false;
        const int column = saved.at(0).toInt(&ok);
        if (ok && column >= 0 && column < SmsOutboxTableModel::ColumnCount) {
            sortColumn = column;
            sortOrder = saved.at(1) == u"0"_s ? Qt::AscendingOrder : Qt::DescendingOrder;
        }
    }
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(sortColumn, sortOrder);
    connect(header, &QHeaderView::sortIndicatorChanged, this, [](int column, Qt::SortOrder order) {
        appSettings().setValue(kSortKey, u"%1 %2"_s.arg(column).arg(order == Qt::AscendingOrder ? 0 : 1));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SmsOutboxDock::updateActions);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &SmsOutboxDock::updateActions);
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, &SmsOutboxDock::updateActions);

    connect(m_sendNow, &QPushButton::clicked, this, &SmsOutboxDock::sendNow);
    connect(m_retry, &QPushButton::clicked, this, &SmsOutboxDock::retryCurrent);
    connect(m_markSent, &QPushButton::clicked, this, &SmsOutboxDock::markCurrentSent);
    connect(m_resend, &QPushButton::clicked, this, &SmsOutboxDock::resendCurrent);

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
        if (table == u"sms_outbox"_s)
            reload();
    });
    connect(&services.events, &EventBus::resynced, this, &SmsOutboxDock::reload);
    connect(this, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            reload();
    });
    m_poll->setInterval(kPollMs);
    connect(m_poll, &QTimer::timeout, this, &SmsOutboxDock::reload);
    updateActions();
}

SmsOutboxDock::~SmsOutboxDock() = default;

void SmsOutboxDock::start()
{
    m_started = true;
    reload();
}

void SmsOutboxDock::reload()
{
    if (!m_started)
        return;
    if (m_loading) {
        m_reloadAgain = true;
        return;
    }
    load();
}

QCoro::Task<> SmsOutboxDock::load()
{
    QPointer<SmsOutboxDock> self(this);
    m_loading = true;
    SmsOutbox::ListFilter filter;
    const int state = m_filter->currentData().toInt();
    if (state >= 0)
        filter.state = OutboxState(state);
    filter.search = m_search->text();
    filter.limit = kListLimit;
    // A named future, not a temporary (GCC bug 100611).
    auto future = m_executor.read([filter](Database &db) {
        SmsOutbox outbox(db);
        return Loaded{outbox.list(filter), outbox.countByState()};
    });
    const Loaded fresh = co_await future;
    if (!self)
        co_return;
    m_loading = false;
    if (fresh.rows) {
        const qint64 selected = currentId();
        m_model->setMessages(fresh.rows.value());
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
        m_counts->setText(parts.isEmpty() ? tr("No text messages") : parts.join(u" · "_s));
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

qint64 SmsOutboxDock::currentId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(SmsOutboxTableModel::IdRole).toLongLong() : 0;
}

void SmsOutboxDock::selectMessage(qint64 id)
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

void SmsOutboxDock::updateActions()
{
    const QModelIndex current = m_view->currentIndex();
    const int state = current.isValid() ? current.data(SmsOutboxTableModel::StateRole).toInt() : -1;
    m_retry->setEnabled(state == int(OutboxState::Failed));
    m_markSent->setEnabled(state == int(OutboxState::Uncertain));
    m_resend->setEnabled(state == int(OutboxState::Uncertain));
}

void SmsOutboxDock::showFailure(const QString &what, const DbError &error)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Text messages"), what, QMessageBox::Ok, this);
    box->setObjectName(u"smsOutboxFailedBox"_s);
    box->setInformativeText(error.text());
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    Q_EMIT actionDone(what + u' ' + error.text());
}

void SmsOutboxDock::sendNow()
{
    drainNow();
}

void SmsOutboxDock::retryCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() ||
        current.data(SmsOutboxTableModel::StateRole).toInt() != int(OutboxState::Failed))
        return;
    retry(current.data(SmsOutboxTableModel::IdRole).toLongLong(),
          current.data(SmsOutboxTableModel::VersionRole).toInt());
}

void SmsOutboxDock::markCurrentSent()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() ||
        current.data(SmsOutboxTableModel::StateRole).toInt() != int(OutboxState::Uncertain))
        return;
    const qint64 id = current.data(SmsOutboxTableModel::IdRole).toLongLong();
    const int version = current.data(SmsOutboxTableModel::VersionRole).toInt();
    if (m_confirm &&
        QMessageBox::question(this, tr("Mark as sent"),
                              tr("Record text message %1 as delivered? Do this only after the recipient "
                                 "confirmed that it arrived.")
                                  .arg(id)) != QMessageBox::Yes)
        return;
    resolve(id, version, SmsOutbox::Resolution::MarkSent);
}

void SmsOutboxDock::resendCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() ||
        current.data(SmsOutboxTableModel::StateRole).toInt() != int(OutboxState::Uncertain))
        return;
    const qint64 id = current.data(SmsOutboxTableModel::IdRole).toLongLong();
    const int version = current.data(SmsOutboxTableModel::VersionRole).toInt();
    if (m_confirm &&
        QMessageBox::question(this, tr("Send again"),
                              tr("Send text message %1 once more? Its earlier attempt may have been "
                                 "delivered; if it was, the recipient gets it twice.")
                                  .arg(id)) != QMessageBox::Yes)
        return;
    resolve(id, version, SmsOutbox::Resolution::Resend);
}

QCoro::Task<> SmsOutboxDock::resolve(qint64 id, int version, SmsOutbox::Resolution resolution)
{
    QPointer<SmsOutboxDock> self(this);
    auto future = m_executor.write([id, version, resolution, actor = m_actor](Database &db) {
        return SmsOutbox(db).resolveUncertain(id, resolution, actor, version);
    });
    const Result<SmsRecord> result = co_await future;
    if (!self)
        co_return;
    if (!result) {
        showFailure(tr("Text message %1 could not be changed.").arg(id), result.error());
    } else {
        if (m_engine && resolution == SmsOutbox::Resolution::Resend)
            m_engine->wake();
        Q_EMIT actionDone(QString());
    }
    reload();
}

QCoro::Task<> SmsOutboxDock::retry(qint64 id, int version)
{
    QPointer<SmsOutboxDock> self(this);
    auto future = m_executor.write(
        [id, version, actor = m_actor](Database &db) { return SmsOutbox(db).retry(id, actor, version); });
    const Result<SmsRecord> result = co_await future;
    if (!self)
        co_return;
    if (!result) {
        showFailure(tr("Text message %1 could not be queued again.").arg(id), result.error());
    } else {
        if (m_engine)
            m_engine->wake();
        Q_EMIT actionDone(QString());
    }
    reload();
}

QCoro::Task<> SmsOutboxDock::drainNow()
{
    QPointer<SmsOutboxDock> self(this);
    auto future = m_executor.write([actor = m_actor](Database &db) -> Result<EnqueueResult> {
        Transaction tx(db);
        if (!tx.ok())
            return tx.error();
        // "Send now" also means now for messages waiting for a retry (the person has
        // probably just fixed the gateway settings), as `residesk sms send` does.
        if (const Result<int> due = SmsOutbox(db).makeWaitingDue(); !due)
            return due.error();
        Result<EnqueueResult> drain = SmsOutbox::ensureDrain(db, JobClock::system(), actor);
        if (!drain)
            return drain;
        if (auto r = tx.commit(); !r)
            return r.error();
        return drain;
    });
    const Result<EnqueueResult> result = co_await future;
    if (!self)
        co_return;
    if (!result) {
        showFailure(tr("The text messages could not be sent now."), result.error());
        co_return;
    }
    if (m_engine)
        m_engine->wake();
    Q_EMIT actionDone(QString());
}
