#include "ui/mainwindow.h"

#include "models/db/connectionmonitor.h"
#include "models/db/dbexecutor.h"
#include "models/db/events.h"
#include "models/housing/allocation/allocation.h"
#include "models/housing/building.h"
#include "models/housing/resident.h"
#include "models/housing/room.h"
#include "models/itemmodels/residentstablemodel.h"
#include "tasks/jobengine.h"
#include "tasks/jobstore.h"
#include "ui/allocations/allocationspage.h"
#include "ui/allocations/freebedspage.h"
#include "ui/allocations/waitlistpage.h"
#include "ui/backup/backupui.h"
#include "ui/bulk/bulkui.h"
#include "ui/commands/undocontext.h"
#include "ui/import/csvactions.h"
#include "ui/jobs/jobsdock.h"
#include "ui/lab/labui.h"
#include "ui/lab/protocolspage.h"
#include "ui/lab/workorderspage.h"
#include "ui/mail/mailui.h"
#include "ui/maintenance/maintenancepage.h"
#include "ui/maintenance/maintenanceui.h"
#include "ui/notifications/notificationcentre.h"
#include "ui/pages/auditpage.h"
#include "ui/pages/buildingspage.h"
#include "ui/pages/dashboardpage.h"
#include "ui/pages/residentspage.h"
#include "ui/pages/roomspage.h"
#include "ui/people/userspage.h"
#include "ui/reports/reportsui.h"
#include "ui/sms/smsui.h"
#include "ui/sync/syncui.h"
#include "ui/widgets/connectionbanner.h"
#include "ui/widgets/elidedlabel.h"
#include "ui/widgets/guidewindow.h"
#include "ui/widgets/icons.h"
#include "ui/widgets/jobstatusindicator.h"
#include "ui/widgets/shortcutsdialog.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QCoroFuture>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
QSettings settings()
{
    return QSettings(QStringLiteral("Residesk"), QStringLiteral("Residesk"));
}
} // namespace

struct MainWindow::Private
{
    explicit Private(const WindowServices &services)
        : executor(services.executor)
        , monitor(services.monitor)
        , events(services.events)
        , engine(services.engine)
        , actor(services.actor)
    {}

    DbExecutor &executor;
    ConnectionMonitor &monitor;
    EventBus &events;
    QPointer<JobEngine> engine;
    Actor actor;
    JobsDock *jobsDock = nullptr;
    MailUi *mail = nullptr;
    SmsUi *sms = nullptr;
    SyncUi *sync = nullptr;
    BackupUi *backup = nullptr; // administrators
    ReportsUi *reports = nullptr;
    LabUi *lab = nullptr;
    MaintenanceUi *maintenance = nullptr; // everyone reads; housing and admins change
    BulkUi *bulk = nullptr;
    JobStatusIndicator *jobIndicator = nullptr;
    NotificationCentre *notifications = nullptr;
    UndoContext *context = nullptr;
    QListWidget *sidebar = nullptr;
    QStackedWidget *stack = nullptr;
    DashboardPage *dashboard = nullptr;
    BuildingsPage *buildings = nullptr;
    AuditPage *audit = nullptr; // administrators only
    RoomsPage *rooms = nullptr;
    ResidentsPage *residents = nullptr;
    AllocationsPage *allocations = nullptr;
    FreeBedsPage *freeBeds = nullptr;
    WaitlistPage *waitlist = nullptr;
    QPointer<UsersPage> users;
    QAction *newAction = nullptr;
    QAction *editAction = nullptr;
    QAction *deleteAction = nullptr;
    QAction *findAction = nullptr;
    CsvActions *csv = nullptr;
    QMenu *diagnostics = nullptr;
    // View ▸ <page> (Ctrl+1…), in the sidebar's order.
    QList<QAction *> goActions;
    bool started = false;
    bool residentsShown = false;
    MainWindow::Rights rights;

    QList<RecordPage *> recordPages() const
    {
        QList<RecordPage *> pages{
            buildings, rooms, residents, allocations, lab->protocolsPage(), lab->workOrdersPage()};
        if (audit)
            pages << audit;
        return pages;
    }
    RecordPage *currentRecordPage() const { return qobject_cast<RecordPage *>(stack->currentWidget()); }
    // Whether the person's role may use `page` (see MainWindow::setRights).
    bool mayUse(const QWidget *page) const
    {
        const bool housing = page == buildings || page == rooms || page == residents || page == allocations ||
                             page == freeBeds || page == waitlist;
        const bool labPage = page == lab->protocolsPage() || page == lab->workOrdersPage();
        return !(housing && !rights.housing) && !(labPage && !rights.lab) &&
               !(page == audit && !rights.admin);
    }
};

MainWindow::MainWindow(const WindowServices &services, QWidget *parent)
    : QMainWindow(parent)
    , d(std::make_unique<Private>(services))
{
    DbExecutor &executor = services.executor;
    ConnectionMonitor &monitor = services.monitor;
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Residesk"));
    d->context = new UndoContext(executor, d->actor, this);

    // Pages
    d->stack = new QStackedWidget(this);
    d->stack->setObjectName(QStringLiteral("pageStack"));
    d->dashboard = new DashboardPage(*d->context, d->stack);
    d->buildings = new BuildingsPage(*d->context, d->stack);
    d->rooms = new RoomsPage(*d->context, d->stack);
    d->residents = new ResidentsPage(*d->context, d->stack);
    d->allocations = new AllocationsPage(*d->context, d->stack);
    d->freeBeds = new FreeBedsPage(*d->context, d->stack);
    d->waitlist = new WaitlistPage(*d->context, d->stack);
    d->lab = new LabUi(services, *d->context, this);
    d->bulk = new BulkUi(executor, services.engine, d->actor, d->lab->protocolsPage(), this);
    d->lab->protocolsPage()->setBulkAllowed(d->rights.admin); // until setRights says otherwise
    d->maintenance = new MaintenanceUi(services, this);

    d->sidebar = new QListWidget(this);
    d->sidebar->setObjectName(QStringLiteral("sidebar"));
    d->sidebar->setFrameShape(QFrame::NoFrame);
    d->sidebar->setFixedWidth(190);
    d->sidebar->setIconSize(QSize(20, 20));
    d->sidebar->setSpacing(2);
    d->sidebar->setStyleSheet(
        QStringLiteral("QListWidget#sidebar { background: palette(window); border-right: 1px solid "
                       "palette(mid); padding-top: 8px; }"
                       "QListWidget#sidebar::item { padding: 7px 10px; border-radius: 4px; margin: 0 6px; }"
                       "QListWidget#sidebar::item:selected { background: palette(highlight); color: "
                       "palette(highlighted-text); }"));
    const struct
    {
        QWidget *page;
        QString title;
        Icons::Name icon;
    } entries[] = {
        {d->dashboard, tr("Dashboard"), Icons::Dashboard},
        {d->buildings, tr("Buildings"), Icons::Building},
        {d->rooms, tr("Rooms"), Icons::Room},
        {d->residents, tr("Residents"), Icons::Residents},
        {d->allocations, tr("Allocations"), Icons::Allocations},
        {d->freeBeds, tr("Free beds"), Icons::FreeBeds},
        {d->waitlist, tr("Waitlists"), Icons::Waitlist},
        {d->lab->protocolsPage(), tr("Protocols"), Icons::Protocols},
        {d->lab->workOrdersPage(), tr("Work orders"), Icons::WorkOrders},
        {d->maintenance->page(), tr("Maintenance"), Icons::Maintenance},
    };
    d->sidebar->setAccessibleName(tr("Pages"));
    for (const auto &entry : entries) {
        d->stack->addWidget(entry.page);
        // A screen reader names a page's list after the page.
        if (auto *page = qobject_cast<RecordPage *>(entry.page))
            page->view()->setAccessibleName(entry.title);
        new QListWidgetItem(Icons::get(entry.icon), entry.title, d->sidebar);
    }
    // The audit trail is for administrators (on PostgreSQL nobody else may read it).
    if (d->actor.role == Actor::Role::Admin) {
        d->audit = new AuditPage(*d->context, d->stack);
        d->stack->addWidget(d->audit);
        d->audit->view()->setAccessibleName(tr("Audit"));
        new QListWidgetItem(Icons::get(Icons::Audit), tr("Audit"), d->sidebar);
    }
    connect(d->sidebar, &QListWidget::currentRowChanged, d->stack, &QStackedWidget::setCurrentIndex);

    auto *banner = new ConnectionBanner(monitor, this);
    auto *central = new QWidget(this);
    auto *outer = new QVBoxLayout(central);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);
    outer->addWidget(banner);
    auto *body = new QHBoxLayout;
    body->setContentsMargins(0, 0, 0, 0);
    body->setSpacing(0);
    body->addWidget(d->sidebar);
    body->addWidget(d->stack, 1);
    outer->addLayout(body, 1);
    setCentralWidget(central);

    // Menus and shortcuts: they act on the current page.
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    auto *csvActions = d->csv = new CsvActions(executor, d->engine, d->actor, this);
    csvActions->setObjectName(u"csvActions"_s);
    csvActions->addTo(fileMenu);
    fileMenu->addSeparator();
    connect(csvActions, &CsvActions::jobQueued, this, [this](qint64 id) { d->jobsDock->showJob(id); });
    connect(csvActions, &CsvActions::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    if (executor.database().isPostgreSQL()) {
        QAction *signInAgain = fileMenu->addAction(tr("Sign in as &someone else…"), this,
                                                   [this] { Q_EMIT signInAsSomeoneElseRequested(); });
        signInAgain->setObjectName(QStringLiteral("actionSignInAsSomeoneElse"));
        fileMenu->addSeparator();
    }
    QAction *quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setObjectName(QStringLiteral("actionQuit"));

    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    QUndoStack *undoStack = d->context->undoStack();
    QAction *undo = undoStack->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("actionUndo"));
    undo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    QAction *redo = undoStack->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("actionRedo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    editMenu->addAction(undo);
    editMenu->addAction(redo);
    editMenu->addSeparator();
    d->newAction = editMenu->addAction(tr("&New…"), this, [this] {
        if (RecordPage *page = d->currentRecordPage())
            page->newRecord();
    });
    d->newAction->setObjectName(QStringLiteral("actionNew"));
    d->newAction->setShortcut(QKeySequence::New);
    d->editAction = editMenu->addAction(tr("&Edit…"), this, [this] {
        if (RecordPage *page = d->currentRecordPage())
            page->editCurrent();
    });
    d->editAction->setObjectName(QStringLiteral("actionEdit"));
    d->deleteAction = editMenu->addAction(tr("&Delete…"), this, [this] {
        if (RecordPage *page = d->currentRecordPage())
            page->deleteCurrent();
    });
    d->deleteAction->setObjectName(QStringLiteral("actionDelete"));
    d->deleteAction->setShortcut(QKeySequence::Delete);
    editMenu->addSeparator();
    d->findAction = editMenu->addAction(tr("&Find"), this, [this] {
        if (RecordPage *page = d->currentRecordPage())
            page->focusSearch();
    });
    d->findAction->setObjectName(QStringLiteral("actionFind"));
    d->findAction->setShortcut(QKeySequence::Find);

    // Jobs and notifications.
    d->jobsDock = new JobsDock(services, this);
    addDockWidget(Qt::BottomDockWidgetArea, d->jobsDock);
    d->jobsDock->hide(); // until the user asks, or the saved state says otherwise
    d->jobIndicator = new JobStatusIndicator(services, this);
    connect(d->jobIndicator, &JobStatusIndicator::clicked, this, [this] {
        d->jobsDock->show();
        d->jobsDock->raise();
    });
    // The bell at the menu bar's end: no tool bar row of its own on a 768 px screen.
    d->notifications = new NotificationCentre(services, menuBar());
    d->notifications->setAutoRaise(true);
    menuBar()->setCornerWidget(d->notifications, Qt::TopRightCorner);
    connect(d->notifications, &NotificationCentre::showJobRequested, d->jobsDock, &JobsDock::showJob);
    connect(d->notifications, &NotificationCentre::openLink, this, [this](const QString &link) {
        if (!d->lab->openLink(link) && !d->bulk->openLink(link) && !d->reports->openLink(link) &&
            !d->maintenance->openLink(link))
            statusBar()->showMessage(tr("Opening “%1” is not supported yet.").arg(link), 5000);
    });
    connect(d->lab, &LabUi::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    connect(d->bulk, &BulkUi::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    connect(d->maintenance, &MaintenanceUi::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    connect(d->bulk, &BulkUi::queued, this, [this](qint64 jobId) { d->jobsDock->showJob(jobId); });
    connect(d->bulk, &BulkUi::failed, this, [this](const QString &title, const QString &message) {
        auto *box =
            new QMessageBox(QMessageBox::Warning, title, tr("%1 failed.").arg(title), QMessageBox::Ok, this);
        box->setObjectName(u"failureBox"_s);
        box->setInformativeText(message);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < d->sidebar->count(); ++i) {
        QAction *go = viewMenu->addAction(d->sidebar->item(i)->text(), this,
                                          [this, i] { d->sidebar->setCurrentRow(i); });
        if (i < 9) // Ctrl+1 … Ctrl+9; later pages are in the menu only
            go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        go->setObjectName(u"actionGoPage%1"_s.arg(i + 1));
        d->goActions << go;
    }
    viewMenu->addSeparator();
    QAction *jobsToggle = d->jobsDock->toggleViewAction();
    jobsToggle->setObjectName(u"actionJobs"_s);
    jobsToggle->setText(tr("&Jobs"));
    jobsToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    viewMenu->addAction(jobsToggle);
    QAction *showNotifications =
        viewMenu->addAction(tr("&Notifications"), d->notifications, &NotificationCentre::showPopup);
    showNotifications->setObjectName(u"actionNotifications"_s);
    showNotifications->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));

    QMenu *toolsMenu = menuBar()->addMenu(tr("&Tools"));
    // E-mail: View ▸ Outbox, Tools ▸ E-mail residents…, Settings ▸ E-mail…
    d->mail = new MailUi(services, this, viewMenu, toolsMenu);
    // Text messages: View ▸ Text messages, Settings ▸ Text messages… (beside E-mail…).
    d->sms =
        new SmsUi(services, this, viewMenu, menuBar()->findChild<QMenu *>(QStringLiteral("menuSettings")));
    // Registrar sync: Settings ▸ Registrar sync…, Tools and the Residents page's flagged residents.
    d->sync =
        new SyncUi(services, this, toolsMenu, menuBar()->findChild<QMenu *>(QStringLiteral("menuSettings")));
    // Backups: Tools ▸ Back up now…, Settings ▸ Scheduled backups… (administrators).
    d->backup = new BackupUi(services, this, toolsMenu,
                             menuBar()->findChild<QMenu *>(QStringLiteral("menuSettings")));
    connect(d->backup, &BackupUi::queued, this, [this](qint64 id) { d->jobsDock->showJob(id); });
    connect(d->backup, &BackupUi::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    connect(d->residents, &ResidentsPage::registrarFlagsRequested, d->sync, &SyncUi::openFlags);
    // Last in Tools, and only with `residesk --diagnostics`.
    if (services.diagnostics)
        addDiagnosticsMenu(toolsMenu);

    // Reports ▸ Occupancy… / Maintenance… / Lab turnaround…: period reports as jobs.
    d->reports = new ReportsUi(services, this, menuBar()->addMenu(tr("&Reports")));
    connect(d->reports, &ReportsUi::queued, this, [this](qint64 id) { d->jobsDock->showJob(id); });
    connect(d->reports, &ReportsUi::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    connect(d->reports, &ReportsUi::failed, this, [this](const QString &title, const QString &message) {
        auto *box =
            new QMessageBox(QMessageBox::Warning, title, tr("%1 failed.").arg(title), QMessageBox::Ok, this);
        box->setObjectName(u"failureBox"_s);
        box->setInformativeText(message);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });

    // A click on a dashboard figure opens the page behind it, filtered as the figure
    // counted; every click also goes out through dashboardLinkActivated.
    connect(d->dashboard, &DashboardPage::openRequested, this,
            [this](const QString &target, const QVariantMap &filter) { openDashboardLink(target, filter); });

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *guide = helpMenu->addAction(tr("&User guide"), this, [this] {
        if (auto *open = findChild<GuideWindow *>(u"guideWindow"_s, Qt::FindDirectChildrenOnly)) {
            open->raise();
            open->activateWindow();
            return;
        }
        auto *window = new GuideWindow(this);
        window->setAttribute(Qt::WA_DeleteOnClose);
        window->show();
    });
    guide->setObjectName(u"actionUserGuide"_s);
    guide->setShortcut(QKeySequence::HelpContents);
    QAction *shortcuts = helpMenu->addAction(tr("&Keyboard shortcuts"), this, [this] {
        // Read from the menu bar now: only what this person's window offers.
        auto *dialog = new ShortcutsDialog(menuBar(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    shortcuts->setObjectName(u"actionKeyboardShortcuts"_s);
    shortcuts->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    helpMenu->addAction(tr("&About Residesk"), this, [this] {
        QMessageBox::about(this, tr("About Residesk"),
                           tr("<b>Residesk</b> %1<br>Housing office and veterinary lab administration.")
                               .arg(QCoreApplication::applicationVersion()));
    });

    auto updateActions = [this] {
        RecordPage *page = d->currentRecordPage();
        d->newAction->setEnabled(page && page->canCreate());
        d->findAction->setEnabled(page);
        d->editAction->setEnabled(page && page->hasCurrent());
        d->deleteAction->setEnabled(page && page->hasCurrent() && page->canDelete());
    };
    connect(d->stack, &QStackedWidget::currentChanged, this, updateActions);
    for (RecordPage *page : d->recordPages())
        connect(page, &RecordPage::currentChanged, this, updateActions);
    updateActions();

    // After a write: reload what changed.
    connect(d->context, &UndoContext::recordsChanged, this, [this](int type) {
        if (!d->started)
            return;
        if (type == qMetaTypeId<Resident>()) {
            d->residents->reload();
        } else if (type == qMetaTypeId<Room>()) {
            d->rooms->reload();
        } else if (type == qMetaTypeId<Building>()) {
            d->buildings->reload();
            d->rooms->reload();
            d->rooms->refreshBuildings();
            d->residents->refreshBuildings();
            d->allocations->refreshBuildings();
            d->freeBeds->refreshBuildings();
        } else if (type == qMetaTypeId<Allocation>()) {
            d->allocations->reload();
            d->residents->refreshForAllocations();
        }
        if (type == qMetaTypeId<Allocation>() || type == qMetaTypeId<Room>() ||
            type == qMetaTypeId<Building>())
            d->freeBeds->refresh();
        if (type == qMetaTypeId<Allocation>())
            d->waitlist->refresh();
        d->dashboard->refresh();
    });
    connect(d->context, &UndoContext::failed, this, [this](const QString &what, const QString &message) {
        statusBar()->showMessage(tr("%1 failed: %2").arg(what, message), 10000);
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Not done"), tr("%1 failed.").arg(what),
                                    QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("failureBox"));
        box->setInformativeText(message);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });

    // Another client (or a job) changed a table: every page that shows it reloads (the
    // bus coalesces bursts to one event per table every 250 ms).
    connect(&services.events, &EventBus::recordsChanged, this, [this](const QString &table) {
        if (!d->started)
            return;
        bool known = false;
        for (RecordPage *page : d->recordPages()) {
            if (page->followsTable(table))
                page->refreshFromElsewhere();
            known = known || page->key() == table;
        }
        if (table == u"buildings") {
            d->rooms->refreshBuildings();
            d->residents->refreshBuildings();
            d->allocations->refreshBuildings();
            d->freeBeds->refreshBuildings();
        }
        if (table == u"allocations")
            d->residents->refreshForAllocations();
        if (table == u"allocations" || table == u"rooms" || table == u"buildings")
            d->freeBeds->refresh();
        if (table == u"waitlist" || table == u"allocations")
            d->waitlist->refresh();
        Q_UNUSED(known);
        d->dashboard->refresh(); // coalesced: a burst is one reload
    });
    connect(&services.events, &EventBus::jobsChanged, this, [this](const QList<JobChange> &) {
        if (d->started)
            d->dashboard->jobsChanged();
    });
    connect(&services.events, &EventBus::resynced, this, [this] {
        if (!d->started)
            return;
        for (RecordPage *page : d->recordPages())
            page->refreshFromElsewhere();
        d->rooms->refreshBuildings();
        d->residents->refreshBuildings();
        d->allocations->refreshBuildings();
        d->freeBeds->refreshBuildings();
        d->freeBeds->refresh();
        d->waitlist->refreshBuildings();
        d->waitlist->refresh();
        d->dashboard->refresh();
    });

    connect(d->residents->residentsModel(), &RecordTableModel::pageLoaded, this, [this](bool first) {
        if (first && d->started && !d->residentsShown) {
            d->residentsShown = true;
            Q_EMIT residentsShown();
        }
    });

    // Squeezed by a narrow window it ends in "…" (the whole text in its tooltip).
    auto *who = new ElidedLabel(
        tr("Signed in as %1  ·  %2").arg(d->actor.username, executor.database().config().displayUrl()), this);
    who->setObjectName(QStringLiteral("statusIdentity"));
    who->setContentsMargins(6, 0, 6, 0);
    statusBar()->addPermanentWidget(d->jobIndicator);
    statusBar()->addPermanentWidget(who);
    connect(&monitor, &ConnectionMonitor::connectionLost, this,
            [this] { statusBar()->showMessage(tr("Connection to the database lost.")); });
    connect(&monitor, &ConnectionMonitor::connectionRestored, this,
            [this] { statusBar()->showMessage(tr("Connection to the database restored."), 5000); });

    const QSettings s = settings();
    if (!restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1100, 700);
    restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    const int page = s.value(QStringLiteral("window/page"), d->stack->indexOf(d->residents)).toInt();
    d->sidebar->setCurrentRow(page >= 0 && page < d->stack->count() ? page : d->stack->indexOf(d->residents));
}

MainWindow::~MainWindow() = default;

void MainWindow::addDiagnosticsMenu(QMenu *toolsMenu)
{
    toolsMenu->addSeparator();
    QMenu *diagnostics = d->diagnostics = toolsMenu->addMenu(tr("Run &diagnostic job"));
    diagnostics->setObjectName(u"menuDiagnostics"_s);
    const struct
    {
        const char *name;
        QString text;
        QString kind;
        QJsonObject payload;
    } diagnosticJobs[] = {
        {"actionDiagSleep",
         tr("&Wait (20 steps of half a second)"),
         u"diag.sleep"_s,
         {{u"steps"_s, 20}, {u"ms"_s, 500}}},
        {"actionDiagCpu",
         tr("&CPU work (40 heavy steps)"),
         u"diag.cpu"_s,
         {{u"steps"_s, 40}, {u"work"_s, 20000}}},
        {"actionDiagFail",
         tr("&Failure (fails at once, no retry)"),
         u"diag.fail"_s,
         {{u"message"_s, tr("The diagnostic job failed on purpose.")}, {u"retryable"_s, false}}},
    };
    for (const auto &job : diagnosticJobs) {
        QAction *action = diagnostics->addAction(job.text);
        action->setObjectName(QString::fromLatin1(job.name));
        connect(action, &QAction::triggered, this, [this, kind = job.kind, payload = job.payload] {
            JobRequest request;
            request.kind = kind;
            request.payload = payload;
            request.notifyCreator = true;
            enqueueJob(std::move(request));
        });
    }
}

UsersPage *MainWindow::usersPage() const
{
    return d->users;
}

QCoro::Task<> MainWindow::showUsersPageIfAllowed()
{
    // On SQLite there is one person and nothing to manage; on PostgreSQL the server
    // decides (membership in residesk_admin), asked off the GUI thread.
    if (!d->executor.database().isPostgreSQL()) {
        Q_EMIT usersPageDecided(false);
        co_return;
    }
    QPointer<MainWindow> self(this);
    auto asking = UsersPage::canManage(d->executor); // named: GCC bug 100611
    const bool allowed = co_await asking;
    if (!self)
        co_return;
    if (allowed && !d->users) {
        d->users = new UsersPage(d->executor, d->stack);
        d->stack->addWidget(d->users);
        new QListWidgetItem(Icons::get(Icons::Users), tr("Users"), d->sidebar);
        d->users->refresh();
    }
    Q_EMIT usersPageDecided(d->users != nullptr);
}

void MainWindow::setRights(const Rights &rights)
{
    d->rights = rights;
    // Sidebar rows follow the page stack's order.
    for (int row = 0; row < d->sidebar->count(); ++row) {
        const bool hidden = !d->mayUse(d->stack->widget(row));
        d->sidebar->item(row)->setHidden(hidden);
        if (row < d->goActions.size())
            d->goActions.at(row)->setVisible(!hidden);
        if (hidden && d->sidebar->currentRow() == row)
            d->sidebar->setCurrentRow(0);
    }
    // Bulk changes of protocols are administrators' work.
    d->lab->protocolsPage()->setBulkAllowed(rights.admin);
    d->csv->setRights(rights.housing, rights.lab);
    d->mail->setResidentMailingAllowed(rights.housing);
    d->dashboard->setRights({rights.housing, rights.lab, rights.admin});
    d->reports->setRights(rights.housing, rights.lab, rights.admin);
    d->maintenance->setWritable(rights.housing);
    // Diagnostic jobs may be queued by administrators only (job_kind_roles).
    if (d->diagnostics)
        d->diagnostics->menuAction()->setVisible(rights.admin);
    // The registrar sync is housing staff's and administrators'.
    d->sync->setAllowed(rights.housing);
    d->backup->setAllowed(rights.admin);
}

MainWindow::Rights MainWindow::rights() const
{
    return d->rights;
}

void MainWindow::start()
{
    if (d->started)
        return;
    d->started = true;
    // Only what the person may read loads: a vet's window asks nothing of housing.
    if (d->rights.lab)
        d->lab->start();
    for (RecordPage *page : d->recordPages()) {
        if (d->mayUse(page))
            page->start();
    }
    d->dashboard->refresh(); // only the cards the role may read
    if (d->rights.housing) {
        d->freeBeds->refreshBuildings();
        d->freeBeds->refresh();
        d->waitlist->refreshBuildings();
        d->waitlist->refresh();
    }
    d->maintenance->start();
    d->jobsDock->start();
    d->mail->start();
    d->sms->start();
    d->jobIndicator->start();
    showUsersPageIfAllowed();
    d->notifications->start();
}

DashboardPage *MainWindow::dashboardPage() const
{
    return d->dashboard;
}

ReportsUi *MainWindow::reportsUi() const
{
    return d->reports;
}

void MainWindow::openDashboardLink(const QString &target, const QVariantMap &filter)
{
    const auto go = [this](QWidget *page) {
        const int row = d->stack->indexOf(page);
        if (row >= 0 && d->mayUse(page))
            d->sidebar->setCurrentRow(row);
    };
    if (target == u"free-beds") {
        go(d->freeBeds);
    } else if (target == u"allocations") {
        go(d->allocations);
    } else if (target == u"protocols") {
        go(d->lab->protocolsPage());
        d->lab->protocolsPage()->setStateFilter(Protocol::stateFromCode(filter.value(u"state"_s).toString()));
    } else if (target == u"maintenance") {
        go(d->maintenance->page());
        d->maintenance->page()->showOpenWork(
            Maintenance::priorityFromCode(filter.value(u"priority"_s).toString()),
            filter.value(u"overdue"_s).toBool());
    } else if (target == u"jobs") {
        d->jobsDock->show();
        d->jobsDock->raise();
    }
    Q_EMIT dashboardLinkActivated(target, filter);
}

QCoro::Task<> MainWindow::enqueueJob(JobRequest request)
{
    QPointer<MainWindow> self(this);
    // A named future, not a temporary: GCC 12 destroys temporaries of a co_await
    // expression twice (GCC bug 100611).
    auto future = d->executor.write([request = std::move(request), actor = d->actor](Database &db) {
        return JobStore(db).enqueue(request, actor);
    });
    const Result<EnqueueResult> queued = co_await future;
    if (!self)
        co_return;
    if (!queued) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Jobs"), tr("The job could not be queued."),
                                    QMessageBox::Ok, this);
        box->setObjectName(u"failureBox"_s);
        box->setInformativeText(queued.error().text());
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        co_return;
    }
    if (d->engine)
        d->engine->wake();
    statusBar()->showMessage(tr("Job %1 queued.").arg(queued->id), 5000);
    d->jobsDock->showJob(queued->id);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings s = settings();
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    s.setValue(QStringLiteral("window/page"), d->stack->currentIndex());
    for (RecordPage *page : d->recordPages())
        page->saveState(s);
    QMainWindow::closeEvent(event);
}
