#include "ui/lab/labui.h"

#include "models/db/dbexecutor.h"
#include "models/db/events.h"
#include "models/lab/reportrepository.h"
#include "models/lab/workorderrepository.h"
#include "tasks/jobengine.h"
#include "tasks/lab/labdocuments.h"
#include "tasks/lab/labservices.h"
#include "tasks/pdf/pdfcache.h"
#include "tasks/pdf/pdfrenderer.h"
#include "ui/commands/undocontext.h"
#include "ui/lab/clientdialog.h"
#include "ui/lab/protocolspage.h"
#include "ui/lab/reporteditor.h"
#include "ui/lab/workorderdialog.h"
#include "ui/lab/workorderspage.h"
#include "ui/pdf/pdfopener.h"

#include <QCoroFuture>
#include <QMainWindow>
#include <QMessageBox>
#include <QStackedWidget>

using namespace Qt::StringLiterals;

LabUi::LabUi(const WindowServices &services, UndoContext &context, QMainWindow *window)
    : QObject(window)
    , m_services(services)
    , m_context(context)
    , m_window(window)
    , m_cache(services.pdfCache ? services.pdfCache : &LabServices::pdfCache())
{
    setObjectName(u"labUi"_s);
    // Previews and cache misses: all cores but one (the GUI thread keeps one), threads
    // kept alive so that their database connections are reused.
    m_renderPool.setMaxThreadCount(qMax(1, QThread::idealThreadCount() - 1));
    m_renderPool.setExpiryTimeout(-1);
    m_opener = new PdfOpener(services.executor, *m_cache, &m_renderPool, this);
    connect(m_opener, &PdfOpener::failed, this,
            [this](const QString &text) { showFailure(tr("PDF"), text); });

    m_protocols = new ProtocolsPage(context);
    m_workOrders = new WorkOrdersPage(context);
    connect(m_protocols, &ProtocolsPage::openReportRequested, this,
            [this](qint64 protocolId) { openReportForProtocol(protocolId); });
    connect(m_protocols, &ProtocolsPage::workOrderPdfRequested, this,
            [this](qint64 protocolId) { openWorkOrderPdfForProtocol(protocolId); });
    connect(m_protocols, &ProtocolsPage::editClientRequested, this,
            [this](qint64 clientId) { editClient(clientId); });
    connect(m_workOrders, &WorkOrdersPage::pdfRequested, this,
            [this](const WorkOrder &w) { openWorkOrderPdf(w.id, w.contentVersion(), w.protocolNumber); });
    connect(m_workOrders, &WorkOrdersPage::editRequested, this,
            [this](const WorkOrder &w) { editWorkOrder(w.id); });
    // The client filter lists the clients: it follows their changes (the window
    // reloads the pages themselves by table name).
    connect(&services.events, &EventBus::recordsChanged, this, [this](const QString &table) {
        if (table == u"clients" && m_started)
            m_protocols->refreshClients();
    });
}

LabUi::~LabUi()
{
    // Renderings under way use the database and the cache, which outlive this object.
    m_renderPool.waitForDone();
}

void LabUi::start()
{
    m_started = true;
    // The renderer's one-time font set-up registers a font, which emits a signal from
    // the registering thread: done here, on the GUI thread, before any pool renders.
    PdfRenderer::warmUp();
}

QWidget *LabUi::window() const
{
    return m_window;
}

void LabUi::wakeEngine()
{
    if (m_services.engine)
        m_services.engine->wake();
}

ReportEditor *LabUi::reportEditor(qint64 reportId) const
{
    return m_editors.value(reportId);
}

QList<ReportEditor *> LabUi::reportEditors() const
{
    QList<ReportEditor *> editors;
    for (const QPointer<ReportEditor> &e : m_editors)
        if (e)
            editors.append(e);
    return editors;
}

bool LabUi::openLink(const QString &link)
{
    if (!link.startsWith(u"report:"_s))
        return false;
    bool ok = false;
    const qint64 id = link.mid(7).toLongLong(&ok);
    if (!ok || id <= 0)
        return false;
    openReportPdf(id);
    return true;
}

ReportEditor *LabUi::openReport(qint64 reportId)
{
    if (ReportEditor *open = m_editors.value(reportId)) {
        open->raise();
        open->activateWindow();
        return open;
    }
    auto *editor = new ReportEditor(*this, reportId, m_window);
    m_editors.insert(reportId, editor);
    connect(editor, &ReportEditor::reportChanged, this,
            [this, editor](qint64 from, qint64 to) { editorChangedReport(editor, from, to); });
    connect(editor, &QObject::destroyed, this, [this, reportId] {
        // The id may have changed (Amend): drop every entry that no longer points anywhere.
        m_editors.remove(reportId);
        for (auto it = m_editors.begin(); it != m_editors.end();)
            it = it.value() ? std::next(it) : m_editors.erase(it);
    });
    editor->show();
    Q_EMIT reportEditorOpened(editor);
    return editor;
}

void LabUi::editorChangedReport(ReportEditor *editor, qint64 from, qint64 to)
{
    if (m_editors.value(from) == editor)
        m_editors.remove(from);
    m_editors.insert(to, editor);
}

QCoro::Task<> LabUi::openReportForProtocol(qint64 protocolId)
{
    QPointer<LabUi> self(this);
    // The draft if there is one, else the latest finalized revision.
    auto work = [protocolId](Database &db) -> Result<qint64> {
        ReportRepository reports(db, Actor{});
        const Result<Report> draft = reports.currentDraft(protocolId);
        if (draft)
            return draft->id;
        if (draft.error().code != DbError::Code::NotFound)
            return draft.error();
        const Result<Report> latest = reports.latestFinalized(protocolId);
        if (!latest)
            return latest.error();
        return latest->id;
    };
    auto future = m_services.executor.read(std::move(work)); // named: GCC 12 bug 100611
    const Result<qint64> id = co_await future;
    if (!self)
        co_return;
    if (!id) {
        showFailure(tr("Report"), tr("The report cannot be opened: %1").arg(id.error().message));
        co_return;
    }
    openReport(id.value());
}

QCoro::Task<> LabUi::openReportPdf(qint64 reportId)
{
    QPointer<LabUi> self(this);
    auto work = [reportId](Database &db) {
        return ReportRepository(db, Actor{}).get(reportId);
    };
    auto future = m_services.executor.read(std::move(work)); // named: GCC 12 bug 100611
    const Result<Report> report = co_await future;
    if (!self)
        co_return;
    if (!report) {
        showFailure(tr("Report"),
                    tr("Report %1 cannot be opened: %2").arg(reportId).arg(report.error().message));
        co_return;
    }
    if (!report->isFinalized()) {
        openReport(reportId);
        co_return;
    }
    // The finalize job put it in the cache; on a miss (another desktop, an evicted file)
    // the stored PDF is the "rendering": it is the signed document, byte for byte.
    Database *db = &m_services.executor.database();
    const PdfCacheKey key =
        PdfCacheKey::report(reportId, report->contentVersion(), PdfRenderer::templateVersion());
    auto opening = m_opener->open(
        key,
        [db, reportId] {
            const Result<StoredPdf> stored = ReportRepository(*db, Actor{}).pdf(reportId);
            return stored ? stored->content : QByteArray();
        },
        tr("Report %1 (revision %2)").arg(report->protocolNumber).arg(report->revision), m_window);
    co_await opening;
}

QCoro::Task<> LabUi::openWorkOrderPdf(qint64 workOrderId, int version, QString protocolNumber)
{
    QPointer<LabUi> self(this);
    Database *db = &m_services.executor.database();
    const PdfCacheKey key = PdfCacheKey::workOrder(workOrderId, version, PdfRenderer::templateVersion());
    auto opening = m_opener->open(
        key, [db, workOrderId, version] { return LabDocuments::renderWorkOrder(*db, workOrderId, version); },
        tr("Work order %1").arg(protocolNumber), m_window);
    PdfViewerWindow *window = co_await opening;
    if (self && window)
        Q_EMIT message(tr("Work order %1 opened.").arg(protocolNumber));
}

QCoro::Task<> LabUi::openWorkOrderPdfForProtocol(qint64 protocolId)
{
    QPointer<LabUi> self(this);
    auto work = [protocolId](Database &db) {
        return WorkOrderRepository(db, Actor{}).getByProtocol(protocolId);
    };
    auto future = m_services.executor.read(std::move(work)); // named: GCC 12 bug 100611
    const Result<WorkOrder> order = co_await future;
    if (!self)
        co_return;
    if (!order) {
        showFailure(tr("Work order"), tr("The work order cannot be opened: %1").arg(order.error().message));
        co_return;
    }
    auto opening = openWorkOrderPdf(order->id, order->contentVersion(), order->protocolNumber);
    co_await opening;
}

void LabUi::editWorkOrder(qint64 workOrderId)
{
    auto *dialog = new WorkOrderDialog(m_context, workOrderId, m_window);
    connect(dialog, &WorkOrderDialog::saved, this, [this](const WorkOrder &w) {
        wakeEngine(); // its pre-render
        m_workOrders->refreshFromElsewhere();
        Q_EMIT message(tr("Work order %1 saved.").arg(w.protocolNumber));
    });
    dialog->open();
}

ClientDialog *LabUi::editClient(qint64 clientId)
{
    auto *dialog = new ClientDialog(m_services.executor, m_services.actor, clientId, m_window);
    connect(dialog, &ClientDialog::saved, this, [this](const Client &c) {
        // The pages follow the "clients" records-changed event by themselves.
        Q_EMIT message(tr("Client %1 saved.").arg(c.name));
    });
    dialog->open();
    return dialog;
}

void LabUi::showFailure(const QString &title, const QString &text)
{
    Q_EMIT message(text);
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, m_window);
    box->setObjectName(u"failureBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}
