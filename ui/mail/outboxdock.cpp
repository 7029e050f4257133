#include "ui/mail/outboxdock.h"

#include "models/db/dbexecutor.h"
#include "models/db/events.h"
#include "models/db/transaction.h"
#include "tasks/jobengine.h"
#include "tasks/jobstore.h"
#include "ui/mail/outboxtablemodel.h"
#include "ui/windowservices.h"

#include <QComboBox>
#include <QCoroFuture>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
constexpr int kListLimit = 500;
constexpr int kPollMs = 5000;

struct Loaded
{
    Result<QList<OutboxEmail>> rows;
    Result<QHash<OutboxState, int>> counts;
};
} // namespace

OutboxDock::OutboxDock(const WindowServices &services, QWidget *parent)
    : QDockWidget(tr("Outbox"), parent)
    , m_executor(services.executor)
    , m_engine(services.engine)
    , m_actor(services.actor)
    , m_model(new OutboxTableModel(this))
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
    setObjectName(u"outboxDock"_s);
    m_view->setObjectName(u"outboxView"_s);
    m_view->setAccessibleName(tr("Outbox"));
    m_filter->setObjectName(u"outboxStateFilter"_s);
    m_filter->setAccessibleName(tr("Show e-mails in state"));
    m_search->setObjectName(u"outboxSearch"_s);
    m_search->setAccessibleName(tr("Search the outbox"));
    m_search->setPlaceholderText(tr("Search recipient or subject"));
    m_search->setClearButtonEnabled(true);
    m_counts->setObjectName(u"outboxCounts"_s);
    m_sendNow->setObjectName(u"outboxSendNow"_s);
    m_retry->setObjectName(u"outboxRetry"_s);
    m_markSent->setObjectName(u"outboxMarkSent"_s);
    m_resend->setObjectName(u"outboxResend"_s);
    m_sendNow->setToolTip(tr("Send the queued e-mails now instead of at the next scheduled run"));
    m_retry->setToolTip(tr("Queue the selected failed e-mail again"));
    m_markSent->setToolTip(tr("The selected uncertain e-mail did arrive: record it as sent"));
    m_resend->setToolTip(tr("The selected uncertain e-mail did not arrive: send it once more"));

    m_filter->addItem(tr("All e-mails"), -1);
    for (OutboxState state : OutboxStates::all())
        m_filter->addItem(OutboxStates::label(state), int(state));
    connect(m_filter, &QComboBox::currentIndexChanged, this, &OutboxDock::reload);
    auto *searchDelay = new QTimer(this);
    searchDelay->setSingleShot(true);
    searchDelay->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, searchDelay, qOverload<>(&QTimer::start));
    connect(searchDelay, &QTimer::timeout, this, &OutboxDock::reload);

    m_view->setModel(m_model);
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
    header->resizeSection(OutboxTableModel::IdColumn, 60);
    header->resizeSection(OutboxTableModel::ToColumn, 220);
    header->resizeSection(OutboxTableModel::SubjectColumn, 240);
    header->resizeSection(OutboxTableModel::StateColumn, 90);
    header->resizeSection(OutboxTableModel::AttemptsColumn, 70);
    header->resizeSection(OutboxTableModel::ErrorColumn, 320);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &OutboxDock::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &OutboxDock::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &OutboxDock::updateActions);

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
        if (table == u"outbox_emails"_s)
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
    Outbox::ListFilter filter;
    const int state = m_filter->currentData().toInt();
    if (state >= 0)
        filter.state = OutboxState(state);
    filter.search = m_search->text();
    filter.limit = kListLimit;
    // A named future, not a temporary (GCC bug 100611).
    auto future = m_executor.read([filter](Database &db) {
        Outbox outbox(db);
        return Loaded{outbox.list(filter), outbox.countByState()};
    });
    const Loaded fresh = co_await future;
    if (!self)
        co_return;
    m_loading = false;
    if (fresh.rows) {
        const qint64 selected = currentId();
        m_model->setEmails(fresh.rows.value());
        if (selected > 0)
            selectEmail(selected);
    }
    if (fresh.counts) {
        const QHash<OutboxState, int> &c = fresh.counts.value();
        QStringList parts;
        for (OutboxState s : OutboxStates::all()) {
            if (c.value(s) > 0)
                parts << u"%1 %2"_s.arg(c.value(s)).arg(OutboxStates::label(s).toLower());
        }
        m_counts->setText(parts.isEmpty() ? tr("No e-mails") : parts.join(u" · "_s));
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

void OutboxDock::selectEmail(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    m_view->setCurrentIndex(m_model->index(row, 0));
    m_view->selectRow(row);
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
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Outbox"), what, QMessageBox::Ok, this);
    box->setObjectName(u"outboxFailedBox"_s);
    box->setInformativeText(error.text());
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void OutboxDock::sendNow()
{
    drainNow();
}

void OutboxDock::retryCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    retry(current.data(OutboxTableModel::IdRole).toLongLong(),
          current.data(OutboxTableModel::VersionRole).toInt());
}

void OutboxDock::markCurrentSent()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const qint64 id = current.data(OutboxTableModel::IdRole).toLongLong();
    const int version = current.data(OutboxTableModel::VersionRole).toInt();
    if (m_confirm &&
        QMessageBox::question(this, tr("Mark as sent"),
                              tr("Record e-mail %1 as delivered? Do this only after the recipient confirmed "
                                 "that it arrived.")
                                  .arg(id)) != QMessageBox::Yes)
        return;
    resolve(id, version, Outbox::Resolution::MarkSent);
}

void OutboxDock::resendCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const qint64 id = current.data(OutboxTableModel::IdRole).toLongLong();
    const int version = current.data(OutboxTableModel::VersionRole).toInt();
    if (m_confirm &&
        QMessageBox::question(this, tr("Send again"),
                              tr("Send e-mail %1 once more? Its earlier attempt may have been delivered; if "
                                 "it was, the recipient gets it twice (with the same Message-ID).")
                                  .arg(id)) != QMessageBox::Yes)
        return;
    resolve(id, version, Outbox::Resolution::Resend);
}

QCoro::Task<> OutboxDock::resolve(qint64 id, int version, Outbox::Resolution resolution)
{
    QPointer<OutboxDock> self(this);
    auto future = m_executor.write([id, version, resolution, actor = m_actor](Database &db) {
        return Outbox(db).resolveUncertain(id, resolution, actor, version);
    });
    const Result<OutboxEmail> result = co_await future;
    if (!self)
        co_return;
    if (!result)
        showFailure(tr("E-mail %1 could not be changed.").arg(id), result.error());
    else if (m_engine && resolution == Outbox::Resolution::Resend)
        m_engine->wake();
    reload();
}

QCoro::Task<> OutboxDock::retry(qint64 id, int version)
{
    QPointer<OutboxDock> self(this);
    auto future = m_executor.write(
        [id, version, actor = m_actor](Database &db) { return Outbox(db).retry(id, actor, version); });
    const Result<OutboxEmail> result = co_await future;
    if (!self)
        co_return;
    if (!result)
        showFailure(tr("E-mail %1 could not be queued again.").arg(id), result.error());
    else if (m_engine)
        m_engine->wake();
    reload();
}

QCoro::Task<> OutboxDock::drainNow()
{
    QPointer<OutboxDock> self(this);
    auto future = m_executor.write([actor = m_actor](Database &db) -> Result<EnqueueResult> {
        Transaction tx(db);
        if (!tx.ok())
            return tx.error();
        // "Send now" also means now for e-mails waiting for a retry (the person has
        // probably just fixed the server settings).
        if (const Result<int> due = Outbox(db).makeWaitingDue(); !due)
            return due.error();
        Result<EnqueueResult> drain = Outbox::ensureDrain(db, JobClock::system(), actor);
        if (!drain)
            return drain;
        if (auto r = tx.commit(); !r)
            return r.error();
        return drain;
    });
    const Result<EnqueueResult> result = co_await future;
    if (!self)
        co_return;
    if (!result)
        showFailure(tr("The e-mails could not be sent now."), result.error());
    else if (m_engine)
        m_engine->wake();
}
