#include "ui/mainwindow.h"

#include "models/db/connectionmonitor.h"
#include "models/db/dbexecutor.h"
#include "models/housing/building.h"
#include "models/housing/resident.h"
#include "models/housing/room.h"
#include "models/itemmodels/residentstablemodel.h"
#include "ui/commands/undocontext.h"
#include "ui/pages/buildingspage.h"
#include "ui/pages/dashboardpage.h"
#include "ui/pages/residentspage.h"
#include "ui/pages/roomspage.h"
#include "ui/widgets/connectionbanner.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QUndoStack>
#include <QVBoxLayout>

namespace {
QSettings settings()
{
    return QSettings(QStringLiteral("Residesk"), QStringLiteral("Residesk"));
}
} // namespace

struct MainWindow::Private
{
    Private(DbExecutor &executor, ConnectionMonitor &monitor, Actor actor)
        : executor(executor)
        , monitor(monitor)
        , actor(std::move(actor))
    {}

    DbExecutor &executor;
    ConnectionMonitor &monitor;
    Actor actor;
    UndoContext *context = nullptr;
    QListWidget *sidebar = nullptr;
    QStackedWidget *stack = nullptr;
    DashboardPage *dashboard = nullptr;
    BuildingsPage *buildings = nullptr;
    RoomsPage *rooms = nullptr;
    ResidentsPage *residents = nullptr;
    QAction *newAction = nullptr;
    QAction *editAction = nullptr;
    QAction *deleteAction = nullptr;
    QAction *findAction = nullptr;
    bool started = false;
    bool residentsShown = false;

    QList<RecordPage *> recordPages() const { return {buildings, rooms, residents}; }
    RecordPage *currentRecordPage() const { return qobject_cast<RecordPage *>(stack->currentWidget()); }
};

MainWindow::MainWindow(DbExecutor &executor, ConnectionMonitor &monitor, Actor actor, QWidget *parent)
    : QMainWindow(parent)
    , d(std::make_unique<Private>(executor, monitor, std::move(actor)))
{
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

    d->sidebar = new QListWidget(this);
    d->sidebar->setObjectName(QStringLiteral("sidebar"));
    d->sidebar->setFrameShape(QFrame::NoFrame);
    d->sidebar->setFixedWidth(190);
    d->sidebar->setIconSize(QSize(20, 20));
    d->sidebar->setSpacing(2);
    d->sidebar->setStyleSheet(QStringLiteral(
        "QListWidget#sidebar { background: palette(window); border-right: 1px solid palette(mid); padding-top: 8px; }"
        "QListWidget#sidebar::item { padding: 7px 10px; border-radius: 4px; margin: 0 6px; }"
        "QListWidget#sidebar::item:selected { background: palette(highlight); color: palette(highlighted-text); }"));
    const struct
    {
        QWidget *page;
        QString title;
        QStyle::StandardPixmap icon;
    } entries[] = {
        {d->dashboard, tr("Dashboard"), QStyle::SP_ComputerIcon},
        {d->buildings, tr("Buildings"), QStyle::SP_DirHomeIcon},
        {d->rooms, tr("Rooms"), QStyle::SP_DirIcon},
        {d->residents, tr("Residents"), QStyle::SP_FileDialogContentsView},
    };
    for (const auto &entry : entries) {
        d->stack->addWidget(entry.page);
        new QListWidgetItem(style()->standardIcon(entry.icon), entry.title, d->sidebar);
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

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < d->sidebar->count(); ++i) {
        QAction *go = viewMenu->addAction(d->sidebar->item(i)->text(), this, [this, i] { d->sidebar->setCurrentRow(i); });
        go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    }

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About Residesk"), this, [this] {
        QMessageBox::about(this, tr("About Residesk"),
                           tr("<b>Residesk</b> %1<br>Housing office and veterinary lab administration.")
                               .arg(QCoreApplication::applicationVersion()));
    });

    auto updateActions = [this] {
        RecordPage *page = d->currentRecordPage();
        d->newAction->setEnabled(page);
        d->findAction->setEnabled(page);
        d->editAction->setEnabled(page && page->hasCurrent());
        d->deleteAction->setEnabled(page && page->hasCurrent());
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
        }
        d->dashboard->refresh();
    });
    connect(d->context, &UndoContext::failed, this, [this](const QString &what, const QString &message) {
        statusBar()->showMessage(tr("%1 failed: %2").arg(what, message), 10000);
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Not done"), tr("%1 failed.").arg(what), QMessageBox::Ok,
                                    this);
        box->setObjectName(QStringLiteral("failureBox"));
        box->setInformativeText(message);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });

    connect(d->residents->residentsModel(), &RecordTableModel::pageLoaded, this, [this](bool first) {
        if (first && d->started && !d->residentsShown) {
            d->residentsShown = true;
            Q_EMIT residentsShown();
        }
    });

    auto *who = new QLabel(tr("Signed in as %1  ·  %2").arg(d->actor.username, executor.database().config().displayUrl()),
                           this);
    who->setObjectName(QStringLiteral("statusIdentity"));
    who->setContentsMargins(6, 0, 6, 0);
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

void MainWindow::start()
{
    if (d->started)
        return;
    d->started = true;
    for (RecordPage *page : d->recordPages())
        page->start();
    d->dashboard->refresh();
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
