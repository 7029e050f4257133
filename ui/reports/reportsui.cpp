#include "ui/reports/reportsui.h"

#include "models/db/databasefileguard.h"
#include "models/db/dbexecutor.h"
#include "tasks/jobengine.h"
#include "tasks/jobstore.h"
#include "tasks/reports/reporttasks.h"
#include "ui/pdf/pdfviewerwindow.h"
#include "ui/reports/reportdialog.h"
#include "ui/widgets/filedialogs.h"

#include <QAction>
#include <QCoroFuture>
#include <QDir>
#include <QMainWindow>
#include <QMenu>
#include <QSaveFile>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

ReportsUi::ReportsUi(const WindowServices &services, QMainWindow *window, QMenu *menu)
    : QObject(window)
    , m_services(services)
    , m_window(window)
    , m_menu(menu)
{
    setObjectName(u"reportsUi"_s);
    menu->setObjectName(u"menuReports"_s);
    occupancyAction = menu->addAction(tr("&Occupancy…"), this, [this] { start(u"occupancy"_s); });
    occupancyAction->setObjectName(u"actionReportOccupancy"_s);
    maintenanceAction = menu->addAction(tr("&Maintenance…"), this, [this] { start(u"maintenance"_s); });
    maintenanceAction->setObjectName(u"actionReportMaintenance"_s);
    turnaroundAction = menu->addAction(tr("Lab &turnaround…"), this, [this] { start(u"turnaround"_s); });
    turnaroundAction->setObjectName(u"actionReportTurnaround"_s);
}

void ReportsUi::setRights(bool housing, bool lab, bool admin)
{
    occupancyAction->setVisible(housing || admin);
    maintenanceAction->setVisible(housing || admin);
    turnaroundAction->setVisible(lab || admin);
    m_menu->menuAction()->setVisible(housing || lab || admin);
}

void ReportsUi::start(const QString &report)
{
    QStringList allowed;
    for (const auto &[code, action] : {std::pair{u"occupancy"_s, occupancyAction},
                                       std::pair{u"maintenance"_s, maintenanceAction},
                                       std::pair{u"turnaround"_s, turnaroundAction}})
        if (action->isVisible())
            allowed << code;
    auto *dialog = new ReportDialog(allowed, report, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        queue(dialog->report(), dialog->from(), dialog->to(), dialog->format());
    });
    dialog->open();
}

QCoro::Task<qint64> ReportsUi::queue(QString report, QDate from, QDate to, QString format)
{
    QPointer<ReportsUi> self(this);
    const JobRequest request = ReportTasks::request(ReportTasks::kindFor(report), from, to, format);
    auto future = m_services.executor.write(
        [request, actor = m_services.actor](Database &db) { return JobStore(db).enqueue(request, actor); });
    const Result<EnqueueResult> enqueued = co_await future;
    if (!self)
        co_return 0;
    if (!enqueued) {
        Q_EMIT failed(tr("Report"), enqueued.error().text());
        co_return 0;
    }
    if (m_services.engine)
        m_services.engine->wake();
    Q_EMIT message(tr("%1 report queued as job %2; you are told when it is ready.")
                       .arg(ReportDialog::reportTitle(report))
                       .arg(enqueued->id));
    Q_EMIT queued(enqueued->id);
    co_return enqueued->id;
}

bool ReportsUi::openLink(const QString &link)
{
    const qint64 id = ReportTasks::jobIdFromLink(link);
    if (id <= 0)
        return false;
    open(id);
    return true;
}

QCoro::Task<> ReportsUi::open(qint64 jobId)
{
    QPointer<ReportsUi> self(this);
    auto future = m_services.executor.read([jobId](Database &db) { return JobStore(db).get(jobId); });
    const Result<Job> job = co_await future;
    if (!self)
        co_return;
    if (!job) {
        Q_EMIT failed(tr("Report"), job.error().text());
        co_return;
    }
    const std::optional<ReportTasks::Output> out = ReportTasks::output(job.value());
    if (!out) {
        Q_EMIT failed(tr("Report"), tr("Job %1 holds no finished report.").arg(jobId));
        co_return;
    }
    if (out->format == u"csv") {
        const QString name = out->title.simplified().replace(u' ', u'-').remove(u'\u2013') + u".csv"_s;
        saveCsv(jobId, out->csv, name);
        co_return;
    }
    PdfViewerWindow *viewer = PdfViewerWindow::openBytes(out->pdf, out->title, m_window);
    Q_EMIT pdfOpened(jobId, viewer);
}

QCoro::Task<> ReportsUi::saveCsv(qint64 jobId, QByteArray csv, QString suggested)
{
    QPointer<ReportsUi> self(this);
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = FileDialogs::getSaveFileName(m_window, tr("Save report"), QDir(dir).filePath(suggested),
                                                      tr("CSV files (*.csv)"));
    if (!self || path.isEmpty())
        co_return;
    if (const std::optional<QString> refused = DatabaseFileGuard::refusal(path)) {
        Q_EMIT failed(tr("Report"), *refused);
        co_return;
    }
    auto future = QtConcurrent::run([path, csv] {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit())
            return file.errorString();
        return QString();
    });
    const QString error = co_await future;
    if (!self)
        co_return;
    if (!error.isEmpty()) {
        Q_EMIT failed(tr("Report"), tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), error));
        co_return;
    }
    Q_EMIT message(tr("Report saved to %1.").arg(QDir::toNativeSeparators(path)));
    Q_EMIT csvSaved(jobId, path);
}
