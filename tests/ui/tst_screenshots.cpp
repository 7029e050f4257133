// Pictures of the real window for the user guide (resources/guide), and a check that the
// guide shows only screens that exist. For English and Spanish in turn, on a fresh
// database seeded as `residesk seed-demo --residents 300 --protocols 200 --seed 1` does,
// one window per language (built after its translators are installed, as the
// application does) at 1,366 × 768 photographs every page of its sidebar (taken from the
// window, named by the page's objectName, so a new page is photographed without a change
// here) and the main dialogs, each once its data has loaded.
//
// In the suite the pictures go to a scratch folder of the build tree and are checked:
// every file written, none of a single colour, both languages the same screens, every
// picture the guide links to made by this run. fitsLaptopScreen lists every page and
// dialog whose minimum size does not fit a 1,366 × 768 screen.
//
// RESIDESK_GUIDE_IMAGES=<dir> writes them into <dir>/en and <dir>/es instead:
//   cmake --build build --target guide-screenshots   (resources/guide/images, on PostgreSQL)
//
// The offscreen platform gets one 1,366 × 768 screen at 96 dpi (a configuration file
// written before QApplication starts), so dialogs size themselves as on such a laptop.
#include "app/i18n/translationloader.h"
#include "models/db/sqlstatement.h"
#include "models/housing/demoseeder.h"
#include "models/lab/labdemoseeder.h"
#include "tasks/pdf/pdfrenderer.h"
#include "tests/support/windowharness.h"
#include "ui/allocations/waitlistpage.h"
#include "ui/import/csvactions.h"
#include "ui/lab/labui.h"
#include "ui/lab/reporteditor.h"
#include "ui/maintenance/maintenanceui.h"
#include "ui/pages/dashboardcard.h"
#include "ui/pdf/pdfviewerwindow.h"
#include "ui/reports/reportsui.h"
#include "ui/widgets/elidedlabel.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QHash>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>
#include <QTextEdit>
#include <QTranslator>

#include <algorithm>
#include <functional>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

constexpr QSize kScreen(1366, 768);
constexpr int kTimeout = WindowHarness::kTimeoutMs;
constexpr int kDemoResidents = 300;
constexpr int kDemoProtocols = 200;
constexpr quint32 kDemoSeed = 1;

// Where the pictures of this run go: RESIDESK_GUIDE_IMAGES, else the scratch folder.
QString outputRoot()
{
    const QString guide = qEnvironmentVariable("RESIDESK_GUIDE_IMAGES");
    if (!guide.isEmpty())
        return guide;
    return QStringLiteral(RESIDESK_SCREENSHOT_SCRATCH) + u'/' + TestDatabase::backendName();
}

bool writingGuide()
{
    return !qEnvironmentVariableIsEmpty("RESIDESK_GUIDE_IMAGES");
}

// True when the image has more than a handful of colours (a picture, not a blank).
bool hasContent(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3) {
            colours.insert(image.pixel(x, y));
            if (colours.size() > 16)
                return true;
        }
    }
    return false;
}

// The picture with at most 256 colours (a palette PNG, a third of the bytes): colours are
// gathered in bins of 5 bits per channel, the 256 fullest bins make the palette, and every
// pixel takes its nearest entry. Window pictures have few colours besides the greys of
// smoothed text, so nothing visible is lost.
QImage withPalette(const QImage &image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    struct Bin
    {
        qint64 count = 0, r = 0, g = 0, b = 0;
    };
    QHash<int, Bin> bins;
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x) {
            const QRgb c = line[x];
            Bin &bin = bins[(qRed(c) >> 3) << 10 | (qGreen(c) >> 3) << 5 | (qBlue(c) >> 3)];
            ++bin.count;
            bin.r += qRed(c);
            bin.g += qGreen(c);
            bin.b += qBlue(c);
        }
    }
    QList<std::pair<int, Bin>> sorted;
    for (auto it = bins.cbegin(); it != bins.cend(); ++it)
        sorted.append({it.key(), it.value()});
    std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) {
        return a.second.count != b.second.count ? a.second.count > b.second.count : a.first < b.first;
    });
    QList<QRgb> palette;
    for (const auto &[key, bin] : sorted.mid(0, 256))
        palette.append(qRgb(int(bin.r / bin.count), int(bin.g / bin.count), int(bin.b / bin.count)));
    QHash<QRgb, uchar> nearest;
    QImage out(rgb.size(), QImage::Format_Indexed8);
    out.setColorTable(palette);
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        uchar *target = out.scanLine(y);
        for (int x = 0; x < rgb.width(); ++x) {
            const QRgb c = line[x] | 0xff000000u;
            auto found = nearest.constFind(c);
            if (found == nearest.cend()) {
                int best = 0;
                int bestDistance = std::numeric_limits<int>::max();
                for (int i = 0; i < palette.size(); ++i) {
                    const int dr = qRed(c) - qRed(palette[i]), dg = qGreen(c) - qGreen(palette[i]),
                              db = qBlue(c) - qBlue(palette[i]);
                    const int distance = dr * dr + dg * dg + db * db;
                    if (distance < bestDistance) {
                        bestDistance = distance;
                        best = i;
                    }
                }
                found = nearest.insert(c, uchar(best));
            }
            target[x] = *found;
        }
    }
    return out;
}

QWidget *shownWindow(const QString &objectName)
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (w->objectName() == objectName && w->isVisible())
            return w;
    }
    return nullptr;
}

QWidget *waitForWindow(const QString &objectName)
{
    QWidget *found = nullptr;
    (void)QTest::qWaitFor([&] { return (found = shownWindow(objectName)) != nullptr; }, kTimeout);
    return found;
}

// The smallest size a widget's layout lets it take.
QSize minimumOf(const QWidget *w)
{
    return w->minimumSizeHint().expandedTo(w->minimumSize());
}

} // namespace

class TestScreenshots : public QObject
{
    Q_OBJECT

    struct Shot
    {
        QString language;
        QString name;
        QString path;
        bool page = false; // a picture of the main window
        QSize needed;      // the smallest size that shows all of it
    };
    QList<Shot> m_shots;
    QList<QTranslator *> m_translators;

    // The application's translators for `locale`, as the window path installs them: Qt's
    // own, then Residesk's (the .qm files the build made).
    void installLanguage(const QLocale &locale)
    {
        for (QTranslator *translator : std::as_const(m_translators)) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
        m_translators.clear();
        QLocale::setDefault(locale);
        auto *qt = new QTranslator(qApp);
        const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
        if (qt->load(locale, u"qt"_s, u"_"_s, qtDir) || qt->load(locale, u"qtbase"_s, u"_"_s, qtDir)) {
            QCoreApplication::installTranslator(qt);
            m_translators << qt;
        } else {
            delete qt;
        }
        if (QTranslator *own = TranslationLoader::installForLocale(locale, QStringLiteral(RESIDESK_QM_DIR)))
            m_translators << own;
    }

    // Seeds as `residesk seed-demo` does: housing (buildings, rooms, residents, their
    // stays, waitlists, maintenance) and the lab (clients, protocols, work orders, reports).
    static bool seedDemo(Database &db, QString *error)
    {
        DemoSeeder::Options housing;
        housing.residents = kDemoResidents;
        housing.seed = kDemoSeed;
        const Result<DemoSeeder::Summary> seeded = DemoSeeder(db, WindowHarness::tester()).seed(housing);
        if (!seeded) {
            *error = u"seeding demo housing data failed: "_s + seeded.error().text();
            return false;
        }
        LabDemoSeeder::Options lab;
        lab.protocols = kDemoProtocols;
        lab.seed = kDemoSeed;
        const Result<LabDemoSeeder::Summary> labSeeded = LabDemoSeeder(db, WindowHarness::tester()).seed(lab);
        if (!labSeeded) {
            *error = u"seeding demo lab data failed: "_s + labSeeded.error().text();
            return false;
        }
        return true;
    }

    static qint64 firstId(Database &db, const QString &sql)
    {
        SqlStatement st(db, sql);
        if (!st.exec() || !st.next())
            return 0;
        return st.value(0).toLongLong();
    }

    // Waits until what `root` shows has loaded: every dashboard card answered and every
    // table and list shown has rows (of `views`, when given, only those by objectName).
    static bool settle(QWidget *root, QString *why, const QStringList &views = {})
    {
        const auto pending = [&](QStringList *names) {
            bool busy = false;
            for (DashboardCard *card : root->findChildren<DashboardCard *>()) {
                if (card->isVisible() && card->state() != DashboardCard::State::Filled &&
                    card->state() != DashboardCard::State::Failed) {
                    busy = true;
                    if (names)
                        *names << card->objectName();
                }
            }
            for (QAbstractItemView *view : root->findChildren<QAbstractItemView *>()) {
                if (qobject_cast<QHeaderView *>(view) || !view->isVisible() || !view->model())
                    continue;
                if (!views.isEmpty() && !views.contains(view->objectName()))
                    continue;
                if (view->model()->rowCount() == 0) {
                    busy = true;
                    if (names)
                        *names << view->objectName();
                }
            }
            return busy;
        };
        if (!QTest::qWaitFor([&] { return !pending(nullptr); }, kTimeout)) {
            QStringList names;
            pending(&names);
            *why = u"%1: still empty after %2 s: %3"_s.arg(root->objectName())
                       .arg(kTimeout / 1000)
                       .arg(names.join(u", "_s));
            return false;
        }
        // Let the last rows and the resized columns paint.
        QTest::qWait(300);
        return true;
    }

    // The main window as a 1,366 × 768 screen shows it (whatever does not fit is cut
    // off, as on that screen), with `popups` drawn where they are.
    static QImage windowPicture(QWidget *window, const QList<QWidget *> &popups = {})
    {
        QImage image = window->grab(QRect(QPoint(0, 0), kScreen).intersected(window->rect()))
                           .toImage()
                           .convertToFormat(QImage::Format_RGB32);
        QPainter painter(&image);
        for (QWidget *popup : popups)
            painter.drawPixmap(popup->geometry().topLeft() - window->geometry().topLeft(), popup->grab());
        return image;
    }

    static QImage dialogPicture(QWidget *dialog)
    {
        return dialog->grab(QRect(QPoint(0, 0), kScreen).intersected(dialog->rect()))
            .toImage()
            .convertToFormat(QImage::Format_RGB32);
    }

    bool save(const QString &language, const QString &name, const QImage &image, bool page, QSize needed,
              QString *error)
    {
        const QString dir = outputRoot() + u'/' + language;
        const QString path = dir + u'/' + name + u".png"_s;
        // Qt's PNG writer: quality 0 is zlib's strongest compression; no time stamp, so the
        // same pixels are the same bytes.
        if (!QDir().mkpath(dir) || !withPalette(image).save(path, "PNG", 0)) {
            *error = u"cannot write "_s + path;
            return false;
        }
        m_shots << Shot{language, name, path, page, needed};
        return true;
    }

    // Opens a dialog through `open`, waits for it (and its data), photographs it and
    // closes it again.
    bool shootDialog(const QString &language, const QString &name, const std::function<void()> &open,
                     QString *error, const QStringList &views = {QString()},
                     const std::function<void(QWidget *)> &prepare = {},
                     const std::function<void(QWidget *)> &after = {})
    {
        open();
        QPointer<QWidget> dialog = waitForWindow(name);
        if (!dialog) {
            *error = u"%1 did not open"_s.arg(name);
            return false;
        }
        // By default only the tables and lists named in `views` are waited for ({""}:
        // none); the dialog's own other views may rightly be empty.
        if (!(views.size() == 1 && views.first().isEmpty()) && !settle(dialog, error, views))
            return false;
        if (prepare)
            prepare(dialog);
        QTest::qWait(300);
        if (!save(language, name, dialogPicture(dialog), false, minimumOf(dialog), error))
            return false;
        if (after)
            after(dialog);
        if (!dialog || !dialog->isVisible())
            return true;
        if (auto *d = qobject_cast<QDialog *>(dialog.data()))
            d->reject();
        else
            dialog->close();
        if (!QTest::qWaitFor([&] { return !dialog || !dialog->isVisible(); }, kTimeout)) {
            *error = name + u" did not close"_s;
            return false;
        }
        return true;
    }

    static bool goToPage(WindowHarness &h, const QString &objectName)
    {
        auto *sidebar = h.child<QListWidget>(u"sidebar"_s);
        auto *stack = h.child<QStackedWidget>(u"pageStack"_s);
        for (int row = 0; row < stack->count(); ++row) {
            if (stack->widget(row)->objectName() == objectName) {
                sidebar->setCurrentRow(row);
                return QTest::qWaitFor([&] { return stack->widget(row)->isVisible(); }, kTimeout);
            }
        }
        return false;
    }

    static void trigger(WindowHarness &h, const QString &action)
    {
        auto *a = h.child<QAction>(action);
        if (!a)
            qFatal("no action %s", qPrintable(action));
        a->trigger();
    }

    // The pages of the sidebar, in its order.
    bool shootPages(WindowHarness &h, const QString &language, QString *error)
    {
        auto *sidebar = h.child<QListWidget>(u"sidebar"_s);
        auto *stack = h.child<QStackedWidget>(u"pageStack"_s);
        if (!sidebar || !stack || sidebar->count() != stack->count()) {
            *error = u"the sidebar's rows are not the page stack's pages"_s;
            return false;
        }
        for (int row = 0; row < sidebar->count(); ++row) {
            if (sidebar->item(row)->isHidden())
                continue;
            sidebar->setCurrentRow(row);
            QWidget *page = stack->widget(row);
            if (!QTest::qWaitFor([&] { return page->isVisible(); }, kTimeout)) {
                *error = u"page %1 not shown"_s.arg(row);
                return false;
            }
            if (page->objectName().isEmpty()) {
                *error = u"the page of sidebar row %1 (%2) has no objectName"_s.arg(row).arg(
                    sidebar->item(row)->text());
                return false;
            }
            if (!settle(page, error))
                return false;
            // The window less its page, plus what the page needs at least.
            const QSize chrome = h.window->size() - stack->size();
            const QSize needed = chrome + minimumOf(page);
            if (!save(language, page->objectName(), windowPicture(h.window.get()), true, needed, error))
                return false;
        }
        return true;
    }

    bool shootDialogs(WindowHarness &h, const QString &language, const QString &csvPath, QString *error)
    {
        const bool spanish = language == u"es";
        auto *lab = h.window->findChild<LabUi *>(u"labUi"_s);
        auto *maintenance = h.window->findChild<MaintenanceUi *>(u"maintenanceUi"_s);
        auto *csv = h.window->findChild<CsvActions *>(u"csvActions"_s);
        auto *waitlist = h.window->findChild<WaitlistPage *>(u"waitlistPage"_s);
        ReportsUi *reports = h.window->reportsUi();
        if (!lab || !maintenance || !csv || !waitlist || !reports) {
            *error = u"a part of the window was not found by its objectName"_s;
            return false;
        }
        Database &db = h.t->db();

        // New records through Edit ▸ New… on their pages.
        const QList<std::pair<QString, QString>> records{{u"buildingsPage"_s, u"buildingDialog"_s},
                                                         {u"roomsPage"_s, u"roomDialog"_s},
                                                         {u"residentsPage"_s, u"residentDialog"_s},
                                                         {u"allocationsPage"_s, u"allocationDialog"_s}};
        for (const auto &[page, dialog] : records) {
            if (!goToPage(h, page)) {
                *error = u"no page "_s + page;
                return false;
            }
            if (!shootDialog(
                    language, dialog, [&] { trigger(h, u"actionNew"_s); }, error))
                return false;
        }

        // A reservation's deposit (Allocations, a reserved stay selected).
        if (!goToPage(h, u"allocationsPage"_s))
            return false;
        auto *allocations = h.child<QWidget>(u"allocationsPage"_s);
        auto *state = allocations->findChild<QComboBox *>(u"stateFilter"_s);
        auto *table = allocations->findChild<QTableView *>(u"tableView"_s);
        state->setCurrentIndex(state->findData(u"reserved"_s));
        QAction *require = allocations->findChild<QAction *>(u"requireDepositAction"_s);
        QAction *pay = allocations->findChild<QAction *>(u"payDepositAction"_s);
        QTest::qWait(500);
        if (!QTest::qWaitFor([&] { return table->model()->rowCount() > 0; }, kTimeout)) {
            *error = u"no reserved stay to show a deposit of"_s;
            return false;
        }
        table->setFocus();
        table->selectRow(0);
        if (!QTest::qWaitFor([&] { return require->isEnabled() || pay->isEnabled(); }, kTimeout)) {
            *error = u"the deposit actions stay disabled"_s;
            return false;
        }
        if (!shootDialog(
                language, u"depositDialog"_s, [&] { (require->isEnabled() ? require : pay)->trigger(); },
                error))
            return false;
        state->setCurrentIndex(0);

        // Waitlists ▸ Add to waitlist…
        if (!goToPage(h, u"waitlistPage"_s) ||
            !shootDialog(
                language, u"waitlistAddDialog"_s, [&] { waitlist->addToWaitlist(); }, error))
            return false;

        // File ▸ Import residents…: the first page (preview and column mapping).
        if (!shootDialog(language, u"residentImportDialog"_s, [&] { csv->openImport(csvPath); }, error,
                         {u"previewTable"_s}))
            return false;

        // Tools ▸ E-mail residents…, with a notice typed in and previewed.
        if (!shootDialog(
                language, u"residentMailingDialog"_s, [&] { trigger(h, u"actionEmailResidents"_s); }, error,
                {QString()},
                [&](QWidget *dialog) {
                    if (auto *subject = dialog->findChild<QLineEdit *>(u"mailingSubject"_s))
                        subject->setText(spanish ? u"Corte de agua el viernes, {first_name}"_s
                                                 : u"Water off on Friday, {first_name}"_s);
                    const QString body =
                        spanish
                            ? u"Hola {first_name}:\n\nEl viernes de 9 a 12 no habrá agua en {building}.\n\n"
                              "La Oficina de Alojamiento"_s
                            : u"Dear {first_name},\n\nOn Friday from 9 to 12 there is no water in "
                              u"{building}.\n\n"
                              "The Housing Office"_s;
                    if (auto *plain = dialog->findChild<QPlainTextEdit *>(u"mailingBody"_s))
                        plain->setPlainText(body);
                    else if (auto *rich = dialog->findChild<QTextEdit *>(u"mailingBody"_s))
                        rich->setPlainText(body);
                    if (auto *preview = dialog->findChild<QPushButton *>(u"mailingPreviewButton"_s)) {
                        preview->click();
                        QTest::qWait(1500);
                    }
                },
                [](QWidget *dialog) {
                    // Queued, so that the outbox has something to show.
                    auto *queue = dialog->findChild<QPushButton *>(u"mailingQueueButton"_s);
                    if (queue && QTest::qWaitFor([&] { return queue->isEnabled(); }, kTimeout)) {
                        queue->click();
                        QTest::qWait(1000);
                    }
                }))
            return false;

        // Maintenance: New request… and a scheduled request's window.
        if (!goToPage(h, u"maintenancePage"_s) ||
            !shootDialog(
                language, u"newMaintenanceRequestDialog"_s, [&] { maintenance->newRequest(); }, error))
            return false;
        const qint64 request = firstId(
            db, u"SELECT MIN(id) FROM maintenance_requests WHERE state IN ('scheduled', 'assigned')"_s);
        if (!request ||
            !shootDialog(
                language, u"maintenanceRequestWindow"_s, [&] { maintenance->openRequest(request); }, error,
                {QString()}, [](QWidget *) { QTest::qWait(1500); }))
            return false;
        // Maintenance ▸ Technicians… (its list filled).
        if (!shootDialog(language, u"techniciansDialog"_s, [&] { maintenance->showTechnicians(); }, error,
                         {u"techniciansTable"_s}))
            return false;

        // The lab: a work order, a draft report in the editor, and its preview PDF.
        const qint64 workOrder = firstId(db, u"SELECT MIN(id) FROM work_orders"_s);
        if (!goToPage(h, u"protocolsPage"_s) ||
            !shootDialog(language, u"workOrderDialog"_s, [&] { lab->editWorkOrder(workOrder); }, error,
                         {u"analysesTable"_s}))
            return false;
        // Protocols ▸ Edit client…, once the client is loaded into it.
        const qint64 client = firstId(db, u"SELECT MIN(id) FROM clients"_s);
        if (!client || !shootDialog(
                           language, u"clientDialog"_s, [&] { lab->editClient(client); }, error, {QString()},
                           [](QWidget *dialog) {
                               auto *name = dialog->findChild<QLabel *>(u"clientName"_s);
                               // Pictured either way; a client that did not load shows "Loading…".
                               (void)QTest::qWaitFor([name] { return name && !name->text().isEmpty(); },
                                                     kTimeout);
                           }))
            return false;
        const qint64 report =
            firstId(db, u"SELECT MIN(r.id) FROM reports r JOIN protocols p ON p.id = "
                        "r.protocol_id WHERE r.state = 'draft' AND p.state = 'in_analysis'"_s);
        if (!report) {
            *error = u"no draft report of a protocol in analysis"_s;
            return false;
        }
        QPointer<ReportEditor> editor = lab->openReport(report);
        if (!editor || !QTest::qWaitFor(
                           [&] {
                               return editor && editor->isVisible() &&
                                      editor->mode() != ReportEditor::Mode::Loading;
                           },
                           kTimeout)) {
            *error = u"the report editor did not load"_s;
            return false;
        }
        if (!settle(editor, error, {u"resultsView"_s}))
            return false;
        if (!save(language, u"reportEditor"_s, dialogPicture(editor), false, minimumOf(editor), error))
            return false;
        QSignalSpy previewed(editor.data(), &ReportEditor::previewOpened);
        editor->findChild<QPushButton *>(u"previewButton"_s)->click();
        if (!QTest::qWaitFor([&] { return previewed.size() == 1; }, kTimeout)) {
            *error = u"the preview did not open"_s;
            return false;
        }
        QPointer<PdfViewerWindow> viewer = previewed.at(0).at(0).value<PdfViewerWindow *>();
        if (!viewer || !QTest::qWaitFor([&] { return viewer->pageCount() > 0; }, kTimeout)) {
            *error = u"the preview shows no page"_s;
            return false;
        }
        viewer->fitWidth();
        QTest::qWait(1500); // pages render on a thread
        if (!save(language, u"pdfViewerWindow"_s, dialogPicture(viewer), false, minimumOf(viewer), error))
            return false;
        viewer->close();
        editor->reject();

        // Reports ▸ Occupancy…, and one run of it (a job, with a notification).
        if (!shootDialog(
                language, u"reportDialog"_s, [&] { reports->start(u"occupancy"_s); }, error))
            return false;
        const QDate today = QDate::currentDate();
        reports->queue(u"occupancy"_s, QDate(today.year(), 1, 1), today, u"pdf"_s);
        auto *bell = h.window->findChild<QAbstractItemView *>(u"notificationList"_s);
        if (!bell || !QTest::qWaitFor([&] { return bell->model()->rowCount() > 0; }, kTimeout)) {
            *error = u"no notification arrived"_s;
            return false;
        }

        // The Jobs panel and the outbox, docked in the window (on the Dashboard).
        if (!goToPage(h, u"dashboardPage"_s)) {
            *error = u"no dashboardPage"_s;
            return false;
        }
        for (const auto &[action, dock] :
             {std::pair{u"actionJobs"_s, u"jobsDock"_s}, std::pair{u"actionOutbox"_s, u"outboxDock"_s}}) {
            auto *panel = h.child<QDockWidget>(dock);
            if (!panel) {
                *error = u"no "_s + dock;
                return false;
            }
            if (!panel->isVisible())
                trigger(h, action);
            if (!QTest::qWaitFor([&] { return panel->isVisible(); }, kTimeout)) {
                *error = dock + u" not shown"_s;
                return false;
            }
            if (!settle(panel, error))
                return false;
            if (!save(language, dock, windowPicture(h.window.get()), true, minimumOf(h.window.get()), error))
                return false;
            panel->hide();
        }

        // The notification bell's list, over the window.
        trigger(h, u"actionNotifications"_s);
        QWidget *popup = waitForWindow(u"notificationPopup"_s);
        if (!popup || !settle(popup, error))
            return false;
        if (!save(language, u"notificationPopup"_s, windowPicture(h.window.get(), {popup}), true,
                  minimumOf(h.window.get()), error))
            return false;
        popup->hide();

        // Settings, the registrar's flags and the keyboard shortcuts.
        const QList<std::pair<QString, QString>> dialogs{
            {u"actionMailSettings"_s, u"mailSettingsDialog"_s},
            {u"actionRegistrarSyncSettings"_s, u"registrarSyncDialog"_s},
            {u"actionRegistrarFlags"_s, u"registrarFlagsDialog"_s},
            {u"actionBackupSchedule"_s, u"backupScheduleDialog"_s},
            {u"actionKeyboardShortcuts"_s, u"shortcutsDialog"_s}};
        for (const auto &[action, dialog] : dialogs) {
            if (!shootDialog(
                    language, dialog, [&] { trigger(h, action); }, error,
                    dialog == u"shortcutsDialog" ? QStringList{u"shortcutsTable"_s} : QStringList{QString()}))
                return false;
        }
        return true;
    }

    QStringList shotNames(const QString &language) const
    {
        QStringList names;
        for (const Shot &shot : m_shots) {
            if (shot.language == language)
                names << shot.name;
        }
        return names;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // As the composition root does before any engine renders a PDF.
        PdfRenderer::warmUp();
        qRegisterMetaType<PdfViewerWindow *>();
    }

    void screenshots_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::newRow("en") << QLocale(QLocale::English, QLocale::UnitedStates);
        QTest::newRow("es") << QLocale(QLocale::Spanish, QLocale::Spain);
    }

    void screenshots()
    {
        QFETCH(QLocale, locale);
        const QString language = QString::fromLatin1(QTest::currentDataTag());
        installLanguage(locale);

        WindowHarness h;
        QString error;
        h.t = TestDatabase::create(&error);
        QVERIFY2(h.t, qPrintable(error));
        QVERIFY2(seedDemo(h.t->db(), &error), qPrintable(error));
        QVERIFY2(h.createServices(&error), qPrintable(error));
        std::unique_ptr<QSignalSpy> usersDecided;
        QVERIFY2(h.openWindow(&error,
                              [&](MainWindow &w) {
                                  w.setGeometry(QRect(QPoint(0, 0), kScreen));
                                  usersDecided =
                                      std::make_unique<QSignalSpy>(&w, &MainWindow::usersPageDecided);
                              }),
                 qPrintable(error));
        // The Users page joins the sidebar once the server says this login manages people.
        QTRY_VERIFY_WITH_TIMEOUT(usersDecided->count() == 1, kTimeout);
        h.window->setGeometry(QRect(QPoint(0, 0), kScreen));
        // The status bar names the test's throwaway database; the pictures show an
        // office's server instead, so they do not change from run to run.
        auto *who = h.child<ElidedLabel>(u"statusIdentity"_s);
        QVERIFY(who);
        who->setText(QCoreApplication::translate("MainWindow", "Signed in as %1  ·  %2")
                         .arg(h.actor.username,
                              u"postgresql://%1@db.example.edu:5432/residesk"_s.arg(h.actor.username)));

        QVERIFY2(shootPages(h, language, &error), qPrintable(error));

        // A small registrar export for the import wizard.
        const QString csvPath = QStringLiteral(RESIDESK_SCREENSHOT_SCRATCH) + u"/registrar-"_s + language +
                                u'-' + TestDatabase::backendName() + u".csv"_s;
        QFile csv(csvPath);
        QVERIFY(QDir().mkpath(QStringLiteral(RESIDESK_SCREENSHOT_SCRATCH)));
        QVERIFY(csv.open(QIODevice::WriteOnly | QIODevice::Truncate));
        csv.write("student_id,first_name,last_name,email,phone,status\r\n"
                  "S20260001,Ana,Arce,ana.arce@example.edu,+34 612 100 001,active\r\n"
                  "S20260002,Bruno,Blanco,bruno.blanco@example.edu,,active\r\n"
                  "S20260003,Carla,Castro,carla.castro@example.edu,+34 612 100 003,active\r\n"
                  "S20260004,Diego,Díaz,diego.diaz@example.edu,,graduated\r\n"
                  "S20260005,Elena,Esteban,elena.esteban@example.edu,+34 612 100 005,active\r\n");
        csv.close();
        QVERIFY2(shootDialogs(h, language, csvPath, &error), qPrintable(error));
    }

    // Every picture is there, of the right size and not blank, and both languages show
    // the same screens.
    void picturesAreComplete()
    {
        QVERIFY2(!m_shots.isEmpty(), "screenshots() took no pictures");
        for (const Shot &shot : std::as_const(m_shots)) {
            const QImage image(shot.path);
            QVERIFY2(!image.isNull(), qPrintable(shot.path + u": not written or not a PNG"_s));
            if (shot.page) {
                QCOMPARE(image.size(), kScreen);
            } else {
                QVERIFY2(image.width() <= kScreen.width() && image.height() <= kScreen.height(),
                         qPrintable(shot.path));
            }
            QVERIFY2(hasContent(image), qPrintable(shot.path + u": one colour only"_s));
        }
        QCOMPARE(shotNames(u"es"_s), shotNames(u"en"_s));
    }

    // Every picture the guide links to was made by this run: the guide shows no screen
    // that the application no longer has.
    void guideShowsOnlyExistingScreens()
    {
        const QRegularExpression link(uR"(images/([a-z]+)/([A-Za-z0-9_]+)\.png)"_s);
        for (const auto &[file, language] :
             {std::pair{u"guide.md"_s, u"en"_s}, std::pair{u"guide.es.md"_s, u"es"_s}}) {
            QFile guide(QStringLiteral(RESIDESK_GUIDE_DIR) + u'/' + file);
            QVERIFY2(guide.open(QIODevice::ReadOnly), qPrintable(guide.fileName()));
            const QString text = QString::fromUtf8(guide.readAll());
            const QStringList made = shotNames(language);
            int links = 0;
            QStringList missing;
            for (auto it = link.globalMatch(text); it.hasNext();) {
                const QRegularExpressionMatch m = it.next();
                ++links;
                QVERIFY2(m.captured(1) == language, qPrintable(file + u" links to "_s + m.captured(0)));
                // The Users page is PostgreSQL's (people are the server's roles).
                const bool serversOnly = m.captured(2) == u"usersPage" && !TestDatabase::isPostgreSQL();
                if (!made.contains(m.captured(2)) && !serversOnly)
                    missing << m.captured(2);
            }
            QVERIFY2(links > 0, qPrintable(file + u" shows no pictures"_s));
            QVERIFY2(missing.isEmpty(), qPrintable(file + u" shows screens this run did not photograph: "_s +
                                                   missing.join(u", "_s)));
            for (const QString &name : made) {
                if (!text.contains(u"images/%1/%2.png"_s.arg(language, name)))
                    qInfo("%s does not show %s yet", qPrintable(file), qPrintable(name));
            }
        }
    }

    // Nothing is cut off on a 1,366 × 768 laptop: every page (with the window's sidebar,
    // menus, toolbar and status bar) and every dialog fits at its minimum size.
    void fitsLaptopScreen()
    {
        QVERIFY2(!m_shots.isEmpty(), "screenshots() took no pictures");
        QStringList tooBig;
        QList<Shot> widest = m_shots;
        std::sort(widest.begin(), widest.end(),
                  [](const Shot &a, const Shot &b) { return a.needed.width() > b.needed.width(); });
        for (const Shot &shot : widest.mid(0, 4))
            qInfo("%s/%s needs %d x %d", qPrintable(shot.language), qPrintable(shot.name),
                  shot.needed.width(), shot.needed.height());
        for (const Shot &shot : std::as_const(m_shots)) {
            if (shot.needed.width() > kScreen.width() || shot.needed.height() > kScreen.height())
                tooBig << u"%1/%2: %3 × %4"_s.arg(shot.language, shot.name)
                              .arg(shot.needed.width())
                              .arg(shot.needed.height());
        }
        QVERIFY2(tooBig.isEmpty(),
                 qPrintable(u"%1 screens need more than 1366 × 768:\n  "_s.arg(tooBig.size()) +
                            tooBig.join(u"\n  "_s)));
    }

    void cleanupTestCase()
    {
        if (writingGuide())
            qInfo("pictures written to %s", qPrintable(outputRoot()));
    }
};

int main(int argc, char **argv)
{
    // One 1,366 × 768 screen at 96 dpi for the offscreen platform, and settings of this
    // program's own (no window geometry or column widths left by other tests).
    const QString scratch = QStringLiteral(RESIDESK_SCREENSHOT_SCRATCH);
    QDir().mkpath(scratch);
    const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
    if (platform.isEmpty() || platform == "offscreen") {
        const QString config = scratch + u"/offscreen-screen-"_s + TestDatabase::backendName() + u".json"_s;
        QFile file(config);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            file.write(QStringLiteral(R"({"synchronousWindowSystemEvents": false, "windowFrameMargins": false,
 "screens": [{"name": "Laptop", "x": 0, "y": 0, "width": %1, "height": %2,
              "logicalDpi": 96, "logicalBpi": 96, "dpr": 1}]})")
                           .arg(kScreen.width())
                           .arg(kScreen.height())
                           .toUtf8());
            file.close();
            qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + config.toLocal8Bit());
        }
    }
    const QString config = scratch + u"/config-"_s + TestDatabase::backendName();
    QDir(config).removeRecursively();
    qputenv("XDG_CONFIG_HOME", config.toLocal8Bit());

    QApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true);
    TestScreenshots test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_screenshots.moc"
