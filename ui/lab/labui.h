#pragma once

#include "ui/windowservices.h"

#include <QCoroTask>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

class ClientDialog;
class JobEngine;
class PdfCache;
class PdfOpener;
class ProtocolsPage;
class QMainWindow;
class ReportEditor;
class UndoContext;
class WorkOrdersPage;
struct WorkOrder;

// The lab's parts of the main window, made with one call so the window's own code stays
// small: the Protocols and Work orders pages (the window puts them in its sidebar), the
// report editors (one window per report), the work-order and client dialogs, and every "open PDF"
// of the lab (protocols, work orders, reports, and "report:<id>" links of the
// notification centre). PDFs come from the PDF cache through PdfOpener (lookup on the
// read pool; on a miss rendered on this object's CPU pool and stored); a finalized
// report's PDF falls back to its stored copy. Owned by the window (its parent).
//
// GUI thread only; the services outlive it. Its CPU pool finishes before it is gone.
//
//   auto *lab = new LabUi(services, undoContext, window);
//   sidebar entries: lab->protocolsPage(), lab->workOrdersPage()
//   connect(bell, &NotificationCentre::openLink, lab, [lab](const QString &l) { lab->openLink(l); });
//   lab->start();   // once the schema is migrated
class LabUi : public QObject
{
    Q_OBJECT
public:
    LabUi(const WindowServices &services, UndoContext &context, QMainWindow *window);
    ~LabUi() override;

    void start();
    ProtocolsPage *protocolsPage() const { return m_protocols; }
    WorkOrdersPage *workOrdersPage() const { return m_workOrders; }

    // "report:<id>": the report's PDF (a finalized report) or its editor (a draft).
    // False for links that are not the lab's.
    bool openLink(const QString &link);

    // The editor of a report, raised if it is open already.
    ReportEditor *openReport(qint64 reportId);
    QCoro::Task<> openReportForProtocol(qint64 protocolId);
    // The stored PDF of a finalized report (through the cache), else the editor.
    QCoro::Task<> openReportPdf(qint64 reportId);
    QCoro::Task<> openWorkOrderPdf(qint64 workOrderId, int version, QString protocolNumber);
    QCoro::Task<> openWorkOrderPdfForProtocol(qint64 protocolId);
    void editWorkOrder(qint64 workOrderId);
    // The client's e-mail and language (vets and administrators).
    ClientDialog *editClient(qint64 clientId);

    ReportEditor *reportEditor(qint64 reportId) const;
    QList<ReportEditor *> reportEditors() const;

    // For the editors.
    DbExecutor &executor() const { return m_services.executor; }
    EventBus &events() const { return m_services.events; }
    const Actor &actor() const { return m_services.actor; }
    PdfCache &pdfCache() const { return *m_cache; }
    PdfOpener *pdfOpener() const { return m_opener; }
    QThreadPool *renderPool() { return &m_renderPool; }
    QWidget *window() const;
    // Asks this desktop's engine to claim now (after a job was queued here).
    void wakeEngine();

Q_SIGNALS:
    // For the status bar.
    void message(const QString &text);
    void reportEditorOpened(ReportEditor *editor);

private:
    void showFailure(const QString &title, const QString &text);
    void editorChangedReport(ReportEditor *editor, qint64 from, qint64 to);

    WindowServices m_services;
    UndoContext &m_context;
    QMainWindow *m_window;
    PdfCache *m_cache;
    QThreadPool m_renderPool;
    PdfOpener *m_opener;
    ProtocolsPage *m_protocols;
    WorkOrdersPage *m_workOrders;
    QHash<qint64, QPointer<ReportEditor>> m_editors;
    bool m_started = false;
};
