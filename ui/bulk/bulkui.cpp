#include "ui/bulk/bulkui.h"

#include "models/db/database.h"
#include "models/db/dbexecutor.h"
#include "models/lab/protocolrepository.h"
#include "tasks/bulk/bulkactions.h"
#include "tasks/jobengine.h"
#include "ui/bulk/bulkitemsdialog.h"
#include "ui/lab/protocolspage.h"

#include <QLocale>
#include <QMessageBox>

using namespace Qt::StringLiterals;

BulkUi::BulkUi(DbExecutor &executor, JobEngine *engine, const Actor &actor, ProtocolsPage *page,
               QWidget *window)
    : QObject(window)
    , m_executor(executor)
    , m_engine(engine)
    , m_actor(actor)
    , m_page(page)
    , m_window(window)
{
    connect(page, &ProtocolsPage::bulkRequested, this, &BulkUi::change);
}

bool BulkUi::openLink(const QString &link)
{
    if (!link.startsWith(u"bulk:"_s))
        return false;
    bool ok = false;
    const qint64 jobId = link.mid(5).toLongLong(&ok);
    if (!ok || jobId <= 0)
        return false;
    auto *dialog = new BulkItemsDialog(m_executor, m_actor, jobId, m_window);
    connect(dialog, &BulkItemsDialog::undoQueued, this, [this](qint64 undoJob) {
        if (m_engine)
            m_engine->wake();
        Q_EMIT message(tr("Undo queued as job %1: follow it in the Jobs panel.").arg(undoJob));
    });
    connect(dialog, &BulkItemsDialog::failed, this, &BulkUi::failed);
    dialog->show();
    return true;
}

QCoro::Task<> BulkUi::change(Protocol::State to)
{
    QPointer<BulkUi> self(this);
    if (!m_page)
        co_return;
    const QList<qint64> ids = m_page->selectedProtocolIds();
    const ProtocolFilter filter = m_page->currentFilter();
    const QString target = Protocol::stateLabel(to);
    const QLocale locale;

    QString question;
    if (!ids.isEmpty()) {
        question = tr("Change the selected protocols (%1) to “%2”?").arg(locale.toString(ids.size()), target);
    } else {
        // No selection: the whole filter. Say how many that is before anything happens.
        auto counting = m_executor.read(
            [filter, actor = m_actor](Database &db) { return ProtocolRepository(db, actor).count(filter); });
        const Result<qint64> count = co_await counting;
        if (!self || !m_page)
            co_return;
        if (!count) {
            Q_EMIT failed(tr("Bulk change"), count.error().message);
            co_return;
        }
        if (count.value() == 0) {
            Q_EMIT message(tr("No protocol matches the filter."));
            co_return;
        }
        question = tr("No rows are selected. Change every protocol the filter matches — %1 — to “%2”?")
                       .arg(locale.toString(count.value()), target);
    }
    question += u"\n\n"_s +
                tr("Protocols that cannot change are skipped or reported, one e-mail goes to each changed "
                   "protocol's client, and the change can be undone afterwards.");
    auto *box = new QMessageBox(QMessageBox::Question, tr("Bulk change"), question,
                                QMessageBox::Yes | QMessageBox::No, m_window);
    box->setObjectName(u"bulkConfirmBox"_s);
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, to, ids, filter](int answer) {
        if (answer == QMessageBox::Yes)
            enqueue(to, ids, filter);
    });
    box->open();
}

QCoro::Task<> BulkUi::enqueue(Protocol::State to, QList<qint64> ids, ProtocolFilter filter)
{
    QPointer<BulkUi> self(this);
    auto queueing = ids.isEmpty() ? BulkActions::enqueueTransition(m_executor, m_actor, to, filter)
                                  : BulkActions::enqueueTransition(m_executor, m_actor, to, ids);
    const Result<BulkTasks::Queued> done = co_await queueing;
    if (!self)
        co_return;
    if (!done) {
        Q_EMIT failed(tr("Bulk change"), done.error().message);
        co_return;
    }
    if (m_engine)
        m_engine->wake();
    Q_EMIT queued(done->jobId, done->selected);
    Q_EMIT message(tr("Bulk change queued as job %1 (protocols: %2): follow it in the Jobs panel.")
                       .arg(done->jobId)
                       .arg(QLocale().toString(done->selected)));
}
