#include "ui/maintenance/maintenanceui.h"

#include "models/db/events.h"
#include "tasks/jobengine.h"
#include "ui/maintenance/attachmentuploader.h"
#include "ui/maintenance/maintenancepage.h"
#include "ui/maintenance/maintenancerequestwindow.h"
#include "ui/maintenance/newmaintenancerequestdialog.h"
#include "ui/maintenance/techniciansdialog.h"

#include <QMainWindow>
#include <QThread>

using namespace Qt::StringLiterals;

namespace {

// The tables whose changes show in the page or a request window.
bool followed(const QString &table)
{
    return table.startsWith(u"maintenance_"_s) || table == u"rooms" || table == u"buildings" ||
           table == u"residents";
}

} // namespace

MaintenanceUi::MaintenanceUi(const WindowServices &services, QMainWindow *window)
    : QObject(window)
    , m_services(services)
    , m_window(window)
    , m_page(nullptr)
{
    setObjectName(u"maintenanceUi"_s);
    // Reading files and making thumbnails: a pool of its own, so attachments never wait
    // behind PDF rendering and vice versa.
    m_filePool.setMaxThreadCount(qMax(2, QThread::idealThreadCount()));
    m_page = new MaintenancePage(*this, window);
    connect(&services.events, &EventBus::recordsChanged, this, &MaintenanceUi::recordsChanged);
    connect(&services.events, &EventBus::resynced, this,
            [this] { recordsChanged(u"maintenance_requests"_s); });
}

MaintenanceUi::~MaintenanceUi()
{
    for (const QPointer<MaintenanceRequestWindow> &w : std::as_const(m_windows)) {
        if (w && w->uploader())
            w->uploader()->cancel();
    }
    m_filePool.waitForDone();
}

QWidget *MaintenanceUi::window() const
{
    return m_window;
}

void MaintenanceUi::start()
{
    if (m_started)
        return;
    m_started = true;
    m_page->start();
}

void MaintenanceUi::setWritable(bool writable)
{
    m_writable = writable;
    m_page->setWritable(writable);
    for (const QPointer<MaintenanceRequestWindow> &w : std::as_const(m_windows)) {
        if (w)
            w->setWritable(writable);
    }
    if (m_techniciansDialog)
        m_techniciansDialog->setWritable(writable);
}

void MaintenanceUi::recordsChanged(const QString &table)
{
    if (!m_started || !followed(table))
        return;
    m_page->refresh();
    for (const QPointer<MaintenanceRequestWindow> &w : std::as_const(m_windows)) {
        if (w)
            w->reload();
    }
    if (m_techniciansDialog && table == u"maintenance_technicians")
        m_techniciansDialog->reload();
}

bool MaintenanceUi::openLink(const QString &link)
{
    if (!link.startsWith(u"maintenance:"_s))
        return false;
    bool ok = false;
    const qint64 id = link.mid(12).toLongLong(&ok);
    if (!ok || id <= 0)
        return false;
    openRequest(id);
    return true;
}

MaintenanceRequestWindow *MaintenanceUi::requestWindow(qint64 requestId) const
{
    return m_windows.value(requestId);
}

MaintenanceRequestWindow *MaintenanceUi::openRequest(qint64 requestId)
{
    // A window closed a moment ago (deleted later) does not count.
    if (MaintenanceRequestWindow *open = m_windows.value(requestId); open && open->isVisible()) {
        open->show();
        open->raise();
        open->activateWindow();
        return open;
    }
    auto *w = new MaintenanceRequestWindow(*this, requestId, m_window);
    m_windows.insert(requestId, w);
    connect(w, &QObject::destroyed, this, [this, requestId] {
        if (!m_windows.value(requestId))
            m_windows.remove(requestId); // not a newer window of the same request
    });
    connect(w, &MaintenanceRequestWindow::changed, this, [this] { m_page->refresh(); });
    w->show();
    return w;
}

NewMaintenanceRequestDialog *MaintenanceUi::newRequest()
{
    if (m_newDialog) {
        m_newDialog->raise();
        m_newDialog->activateWindow();
        return m_newDialog;
    }
    auto *dialog = new NewMaintenanceRequestDialog(*this, m_window);
    m_newDialog = dialog;
    connect(dialog, &NewMaintenanceRequestDialog::submitted, this, [this](qint64 requestId, qint64 jobId) {
        wakeEngine();
        m_page->refresh();
        Q_EMIT message(tr("Maintenance request %1 stored; it is being processed.").arg(requestId));
        Q_EMIT requestSubmitted(requestId, jobId);
    });
    dialog->show();
    return dialog;
}

void MaintenanceUi::wakeEngine()
{
    if (m_services.engine)
        m_services.engine->wake();
}

TechniciansDialog *MaintenanceUi::showTechnicians()
{
    if (m_techniciansDialog) {
        m_techniciansDialog->raise();
        m_techniciansDialog->activateWindow();
        return m_techniciansDialog;
    }
    auto *dialog = new TechniciansDialog(m_services.executor, m_services.actor, m_window);
    dialog->setWritable(m_writable);
    m_techniciansDialog = dialog;
    connect(dialog, &TechniciansDialog::saved, this,
            [this](const Technician &t) { Q_EMIT message(tr("Technician %1 saved.").arg(t.name)); });
    dialog->show();
    return dialog;
}
