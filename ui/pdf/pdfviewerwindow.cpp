#include "ui/pdf/pdfviewerwindow.h"

#include "models/db/databasefileguard.h"
#include "ui/pdf/pdfpageview.h"
#include "ui/widgets/filedialogs.h"
#include "ui/widgets/icons.h"

#include <QAction>
#include <QBuffer>
#include <QCloseEvent>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHash>
#include <QIcon>
#include <QLabel>
#include <QLoggingCategory>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfPageNavigator>
#include <QPrintDialog>
#include <QPrinter>
#include <QProgressDialog>
#include <QPromise>
#include <QRegularExpression>
#include <QSaveFile>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <array>
#include <memory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcPdfViewer, "residesk.ui.pdfviewer")

namespace {

QSettings settings()
{
    return QSettings(QStringLiteral("Residesk"), QStringLiteral("Residesk"));
}

// The zoom steps of zoom in / zoom out, as most viewers have them.
constexpr std::array<qreal, 15> kZoomSteps{0.25, 0.33, 0.5,  0.67, 0.75, 0.9, 1.0, 1.1,
                                           1.25, 1.5,  1.75, 2.0,  2.5,  3.0, 4.0};

// Pages are printed as images at the printer's resolution, at most this (a 600 dpi A4
// page is already a 140 MB image; more resolution adds nothing visible).
constexpr int kMaxPrintDpi = 600;

QString errorMessage(QPdfDocument::Error error)
{
    switch (error) {
    case QPdfDocument::Error::FileNotFound:
        return PdfViewerWindow::tr("The file was not found.");
    case QPdfDocument::Error::InvalidFileFormat:
        return PdfViewerWindow::tr("The data is not a PDF document, or the document is damaged.");
    case QPdfDocument::Error::IncorrectPassword:
    case QPdfDocument::Error::UnsupportedSecurityScheme:
        return PdfViewerWindow::tr("The document is protected by a password.");
    case QPdfDocument::Error::DataNotYetAvailable:
        return PdfViewerWindow::tr("The document is incomplete.");
    case QPdfDocument::Error::None:
    case QPdfDocument::Error::Unknown:
        break;
    }
    return PdfViewerWindow::tr("The document could not be read.");
}

// The worker side of printing: its own QPdfDocument on a copy of the bytes (QtPdf
// serialises PDFium calls internally), one page image at a time, painted on the
// printer (QPainter may paint on a QPrinter outside the GUI thread).
void printPages(QPromise<bool> &promise, const QByteArray &bytes, QPrinter *printer)
{
    QByteArray data = bytes;
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    QPdfDocument document;
    document.load(&buffer);
    if (document.status() != QPdfDocument::Status::Ready || document.pageCount() == 0) {
        promise.addResult(false);
        return;
    }
    int first = 0;
    int last = document.pageCount() - 1;
    if (printer->printRange() == QPrinter::PageRange && printer->fromPage() > 0) {
        first = qBound(0, printer->fromPage() - 1, last);
        last = qBound(first, printer->toPage() > 0 ? printer->toPage() - 1 : last, last);
    }
    promise.setProgressRange(0, last - first + 1);
    QPainter painter;
    if (!painter.begin(printer)) {
        promise.addResult(false);
        return;
    }
    const qreal dpi = qMin(printer->resolution(), kMaxPrintDpi);
    for (int page = first; page <= last; ++page) {
        if (promise.isCanceled()) {
            printer->abort();
            painter.end();
            promise.addResult(false);
            return;
        }
        if (page > first)
            printer->newPage();
        const QSize imageSize = (document.pagePointSize(page) * dpi / 72.0).toSize();
        const QImage image = document.render(page, imageSize);
        // Centred in the printable area, keeping the page's proportions.
        const QRect area = painter.viewport();
        QSize target = image.size().scaled(area.size(), Qt::KeepAspectRatio);
        if (image.width() <= area.width() && image.height() <= area.height() && dpi >= printer->resolution())
            target = image.size();
        painter.drawImage(QRect(area.topLeft() + QPoint((area.width() - target.width()) / 2,
                                                        (area.height() - target.height()) / 2),
                                target),
                          image);
        promise.setProgressValue(page - first + 1);
    }
    promise.addResult(painter.end());
}

} // namespace

PdfViewerWindow::PdfViewerWindow(QWidget *parent)
    : QMainWindow(parent)
{
    init(nullptr, {});
}

PdfViewerWindow::PdfViewerWindow(const QByteArray &pdf, const QString &title, QWidget *parent)
    : QMainWindow(parent)
{
    init(&pdf, title);
}

void PdfViewerWindow::init(const QByteArray *pdf, const QString &title)
{
    setObjectName(u"pdfViewerWindow"_s);
    // A window of its own even with a parent: several stay open beside the main window.
    setWindowFlag(Qt::Window);
    m_document = new QPdfDocument(this);
    m_document->setObjectName(u"pdfDocument"_s);
    buildView();
    buildToolBar();
    restoreSettings();
    updateTitle();
    updateActions();
    updateZoomLabel();
    if (pdf)
        setPdf(*pdf, title);
}

PdfViewerWindow::~PdfViewerWindow()
{
    // The print worker uses no member, but its progress is reported to us.
    if (m_printing.isRunning()) {
        m_printing.cancel();
        m_printing.waitForFinished();
    }
}

PdfViewerWindow *PdfViewerWindow::openBytes(const QByteArray &pdf, const QString &title, QWidget *parent)
{
    auto *window = new PdfViewerWindow(pdf, title, parent);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
    return window;
}

PdfViewerWindow *PdfViewerWindow::openFile(const QString &path, const QString &title, QWidget *parent)
{
    auto *window = new PdfViewerWindow(parent);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->loadFile(path, title);
    window->show();
    return window;
}

void PdfViewerWindow::buildToolBar()
{
    connect(m_view->pageNavigator(), &QPdfPageNavigator::currentPageChanged, this,
            &PdfViewerWindow::updatePageControls);
    connect(m_view, &QPdfView::zoomFactorChanged, this, &PdfViewerWindow::updateZoomLabel);
    connect(m_view, &QPdfView::zoomModeChanged, this, &PdfViewerWindow::updateZoomLabel);
    // Fitting the width or the page, the zoom follows the view's size and the page shown.
    connect(m_view, &PdfPageView::effectiveZoomChanged, this, &PdfViewerWindow::updateZoomLabel);

    auto *toolBar = addToolBar(tr("PDF"));
    toolBar->setObjectName(u"pdfToolBar"_s);
    toolBar->setMovable(false);
    auto action = [this, toolBar](const QString &name, const QString &text, Icons::Name icon,
                                  const QList<QKeySequence> &keys, auto slot, bool onToolBar = true) {
        auto *a = new QAction(Icons::get(icon), text, this);
        a->setObjectName(name);
        a->setShortcuts(keys);
        a->setShortcutContext(Qt::WindowShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        if (onToolBar)
            toolBar->addAction(a);
        m_documentActions.append(a);
        return a;
    };
    action(u"saveAsAction"_s, tr("Save &As…"), Icons::SaveAs, {QKeySequence::SaveAs, QKeySequence::Save},
           &PdfViewerWindow::saveAs);
    action(u"printAction"_s, tr("&Print…"), Icons::Print, {QKeySequence::Print}, &PdfViewerWindow::print);
    toolBar->addSeparator();
    action(u"previousPageAction"_s, tr("Previous Page"), Icons::PageUp, {QKeySequence(Qt::Key_PageUp)},
           &PdfViewerWindow::previousPage);
    action(u"nextPageAction"_s, tr("Next Page"), Icons::PageDown, {QKeySequence(Qt::Key_PageDown)},
           &PdfViewerWindow::nextPage);
    action(u"firstPageAction"_s, tr("First Page"), Icons::FirstPage, {QKeySequence(Qt::Key_Home)},
           &PdfViewerWindow::firstPage, false);
    action(u"lastPageAction"_s, tr("Last Page"), Icons::LastPage, {QKeySequence(Qt::Key_End)},
           &PdfViewerWindow::lastPage, false);

    m_pageSpin = new QSpinBox(this);
    m_pageSpin->setObjectName(u"pageSpinBox"_s);
    m_pageSpin->setAccessibleName(tr("Page"));
    m_pageSpin->setKeyboardTracking(false);
    m_pageSpin->setRange(0, 0);
    connect(m_pageSpin, &QSpinBox::valueChanged, this, [this](int value) {
        if (value >= 1)
            goToPage(value - 1);
    });
    m_pageCountLabel = new QLabel(this);
    m_pageCountLabel->setObjectName(u"pageCountLabel"_s);
    toolBar->addWidget(m_pageSpin);
    toolBar->addWidget(m_pageCountLabel);
    toolBar->addSeparator();

    action(u"zoomOutAction"_s, tr("Zoom &Out"), Icons::ZoomOut, {QKeySequence::ZoomOut},
           &PdfViewerWindow::zoomOut);
    m_zoomLabel = new QLabel(this);
    m_zoomLabel->setObjectName(u"zoomLabel"_s);
    m_zoomLabel->setMinimumWidth(m_zoomLabel->fontMetrics().horizontalAdvance(u"0000 %"_s));
    m_zoomLabel->setAlignment(Qt::AlignCenter);
    toolBar->addWidget(m_zoomLabel);
    action(u"zoomInAction"_s, tr("Zoom &In"), Icons::ZoomIn,
           {QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)}, &PdfViewerWindow::zoomIn);
    action(u"actualSizeAction"_s, tr("&Actual Size"), Icons::ActualSize, {QKeySequence(Qt::CTRL | Qt::Key_0)},
           &PdfViewerWindow::actualSize);
    action(u"fitWidthAction"_s, tr("Fit &Width"), Icons::FitWidth, {}, &PdfViewerWindow::fitWidth);
    action(u"fitPageAction"_s, tr("Fit &Page"), Icons::FitPage, {}, &PdfViewerWindow::fitPage);

    auto *close = new QAction(tr("&Close"), this);
    close->setObjectName(u"closeAction"_s);
    // Ctrl+W, and Escape as in most viewers.
    QList<QKeySequence> closeKeys = QKeySequence::keyBindings(QKeySequence::Close);
    closeKeys.append(QKeySequence(Qt::Key_Escape));
    close->setShortcuts(closeKeys);
    connect(close, &QAction::triggered, this, &QWidget::close);
    addAction(close);

    statusBar()->setObjectName(u"pdfStatusBar"_s);
}

void PdfViewerWindow::buildView()
{
    m_view = new PdfPageView(this);
    m_view->setObjectName(u"pdfView"_s);
    m_view->setPageMode(QPdfView::PageMode::MultiPage);
    m_view->setDocument(m_document);
    connect(m_view, &PdfPageView::pagePainted, this, [this] {
        if (!std::exchange(m_firstPageReported, true))
            Q_EMIT firstPagePainted();
    });

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(u"pdfErrorView"_s);
    m_errorLabel->setAlignment(Qt::AlignCenter);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setMargin(24);
    m_errorLabel->setTextFormat(Qt::RichText);

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(u"pdfViewerStack"_s);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_errorLabel);
    setCentralWidget(m_stack);
}

void PdfViewerWindow::restoreSettings()
{
    const QSettings s = settings();
    if (!restoreGeometry(s.value(u"pdfviewer/geometry"_s).toByteArray()))
        resize(820, 1000);
    const QString mode = s.value(u"pdfviewer/zoomMode"_s, u"fitWidth"_s).toString();
    if (mode == u"custom") {
        m_view->setZoomMode(QPdfView::ZoomMode::Custom);
        m_view->setZoomFactor(
            qBound(kZoomSteps.front(), s.value(u"pdfviewer/zoomFactor"_s, 1.0).toReal(), kZoomSteps.back()));
    } else {
        m_view->setZoomMode(mode == u"fitPage" ? QPdfView::ZoomMode::FitInView
                                               : QPdfView::ZoomMode::FitToWidth);
    }
    updateZoomLabel();
}

void PdfViewerWindow::saveSettings() const
{
    QSettings s = settings();
    s.setValue(u"pdfviewer/geometry"_s, saveGeometry());
    switch (m_view->zoomMode()) {
    case QPdfView::ZoomMode::Custom:
        s.setValue(u"pdfviewer/zoomMode"_s, u"custom"_s);
        s.setValue(u"pdfviewer/zoomFactor"_s, m_view->zoomFactor());
        break;
    case QPdfView::ZoomMode::FitToWidth:
        s.setValue(u"pdfviewer/zoomMode"_s, u"fitWidth"_s);
        break;
    case QPdfView::ZoomMode::FitInView:
        s.setValue(u"pdfviewer/zoomMode"_s, u"fitPage"_s);
        break;
    }
}

void PdfViewerWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

bool PdfViewerWindow::setPdf(const QByteArray &pdf, const QString &title)
{
    if (!loadDocument(pdf, title)) {
        showError(errorMessage(m_document->error()));
        return false;
    }
    documentReady();
    return true;
}

bool PdfViewerWindow::loadDocument(const QByteArray &pdf, const QString &title)
{
    m_givenTitle = title;
    m_errorText.clear();
    m_firstPageReported = false;
    m_document->close();
    m_bytes = pdf;
    // The document reads from the buffer while it is open: both live as long as it.
    delete m_buffer;
    m_buffer = new QBuffer(&m_bytes, this);
    m_buffer->open(QIODevice::ReadOnly);
    m_document->load(m_buffer);
    if (m_document->status() != QPdfDocument::Status::Ready)
        return false;
    m_stack->setCurrentWidget(m_view);
    m_view->pageNavigator()->clear();
    m_view->verticalScrollBar()->setValue(0);
    return true;
}

void PdfViewerWindow::documentReady()
{
    m_pageSpin->setRange(1, m_document->pageCount());
    m_pageCountLabel->setText(tr("of %1").arg(m_document->pageCount()));
    updatePageControls(0);
    updateTitle();
    updateActions();
    updateZoomLabel();
    Q_EMIT documentLoaded(m_document->pageCount());
}

bool PdfViewerWindow::loadFile(const QString &path, const QString &title)
{
    QFile file(path);
    if (const std::optional<QString> refused = DatabaseFileGuard::refusal(path)) {
        m_givenTitle = title.isEmpty() ? QFileInfo(path).fileName() : title;
        m_bytes.clear();
        showError(*refused);
        return false;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        m_givenTitle = title.isEmpty() ? QFileInfo(path).fileName() : title;
        m_bytes.clear();
        showError(
            tr("The file %1 cannot be read: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    return setPdf(file.readAll(), title.isEmpty() ? QFileInfo(path).completeBaseName() : title);
}

void PdfViewerWindow::showError(const QString &message)
{
    m_document->close();
    m_errorText = message;
    m_errorLabel->setText(u"<p><b>%1</b></p><p>%2</p><p>%3</p>"_s.arg(
        tr("This PDF cannot be shown.").toHtmlEscaped(), message.toHtmlEscaped(),
        tr("Close this window and open the document again; if it fails again, render it again or tell "
           "your administrator.")
            .toHtmlEscaped()));
    m_stack->setCurrentWidget(m_errorLabel);
    m_pageSpin->setRange(0, 0);
    m_pageCountLabel->clear();
    updateTitle();
    updateActions();
    qCWarning(lcPdfViewer) << "cannot show a PDF:" << message;
    Q_EMIT loadFailed(message);
}

bool PdfViewerWindow::hasDocument() const
{
    return m_document->status() == QPdfDocument::Status::Ready;
}

int PdfViewerWindow::pageCount() const
{
    return hasDocument() ? m_document->pageCount() : 0;
}

int PdfViewerWindow::currentPage() const
{
    return m_view->pageNavigator()->currentPage();
}

void PdfViewerWindow::updateTitle()
{
    QString title = m_givenTitle;
    if (title.isEmpty() && hasDocument())
        title = m_document->metaData(QPdfDocument::MetaDataField::Title).toString().trimmed();
    if (title.isEmpty())
        title = tr("PDF document");
    m_title = title;
    setWindowTitle(tr("%1 - Residesk").arg(title));
}

void PdfViewerWindow::updateActions()
{
    const bool ready = hasDocument();
    for (QAction *a : std::as_const(m_documentActions))
        a->setEnabled(ready);
    m_pageSpin->setEnabled(ready);
    if (ready) {
        const int page = currentPage();
        findChild<QAction *>(u"previousPageAction"_s)->setEnabled(page > 0);
        findChild<QAction *>(u"firstPageAction"_s)->setEnabled(page > 0);
        findChild<QAction *>(u"nextPageAction"_s)->setEnabled(page + 1 < pageCount());
        findChild<QAction *>(u"lastPageAction"_s)->setEnabled(page + 1 < pageCount());
    }
}

void PdfViewerWindow::updatePageControls(int page)
{
    if (!hasDocument())
        return;
    const QSignalBlocker blocker(m_pageSpin);
    m_pageSpin->setValue(page + 1);
    updateActions();
}

void PdfViewerWindow::updateZoomLabel()
{
    if (!m_zoomLabel) // not built yet
        return;
    m_zoomLabel->setText(tr("%1 %").arg(qRound(m_view->effectiveZoom() * 100)));
}

void PdfViewerWindow::applyZoom(qreal factor)
{
    m_view->setZoomMode(QPdfView::ZoomMode::Custom);
    m_view->setZoomFactor(qBound(kZoomSteps.front(), factor, kZoomSteps.back()));
    updateZoomLabel();
}

void PdfViewerWindow::zoomIn()
{
    const qreal now = m_view->effectiveZoom();
    const auto next = std::upper_bound(kZoomSteps.begin(), kZoomSteps.end(), now + 0.001);
    applyZoom(next == kZoomSteps.end() ? kZoomSteps.back() : *next);
}

void PdfViewerWindow::zoomOut()
{
    const qreal now = m_view->effectiveZoom();
    auto below = std::lower_bound(kZoomSteps.begin(), kZoomSteps.end(), now - 0.001);
    applyZoom(below == kZoomSteps.begin() ? kZoomSteps.front() : *(below - 1));
}

void PdfViewerWindow::actualSize()
{
    applyZoom(1.0);
}

void PdfViewerWindow::fitWidth()
{
    m_view->setZoomMode(QPdfView::ZoomMode::FitToWidth);
    updateZoomLabel();
}

void PdfViewerWindow::fitPage()
{
    m_view->setZoomMode(QPdfView::ZoomMode::FitInView);
    updateZoomLabel();
}

void PdfViewerWindow::goToPage(int page)
{
    if (!hasDocument())
        return;
    page = qBound(0, page, pageCount() - 1);
    if (page == currentPage()) {
        // The navigator does not move to the page it is on; scroll back to its top.
        m_view->pageNavigator()->jump(page, {}, m_view->zoomFactor());
        updatePageControls(page);
        return;
    }
    m_view->pageNavigator()->jump(page, {}, m_view->zoomFactor());
}

void PdfViewerWindow::nextPage()
{
    goToPage(currentPage() + 1);
}

void PdfViewerWindow::previousPage()
{
    goToPage(currentPage() - 1);
}

void PdfViewerWindow::firstPage()
{
    goToPage(0);
}

void PdfViewerWindow::lastPage()
{
    goToPage(pageCount() - 1);
}

QFuture<bool> PdfViewerWindow::printTo(QPrinter *printer)
{
    return QtConcurrent::run(
        [bytes = m_bytes, printer](QPromise<bool> &promise) { printPages(promise, bytes, printer); });
}

void PdfViewerWindow::print()
{
    if (!hasDocument() || m_printing.isRunning())
        return;
    // Shared with the worker: the printer lives until the last page is out, even if
    // this window closes first.
    auto printer = std::make_shared<QPrinter>(QPrinter::HighResolution);
    printer->setDocName(m_title);
    printer->setFromTo(1, pageCount());
    QPrintDialog dialog(printer.get(), this);
    dialog.setWindowTitle(tr("Print %1").arg(m_title));
    dialog.setOption(QAbstractPrintDialog::PrintPageRange);
    dialog.setMinMax(1, pageCount());
    if (dialog.exec() != QDialog::Accepted)
        return;

    // Rendering a page at printer resolution takes a good fraction of a second: the
    // pages are rendered and painted on a worker thread, and a non-modal progress
    // dialog shows "page x of y" with a Cancel button, so the window (and every other
    // window) stays responsive while a long document prints.
    m_printing = printTo(printer.get());
    m_progress = new QProgressDialog(tr("Printing %1…").arg(m_title), tr("Cancel"), 0, 0, this);
    m_progress->setObjectName(u"printProgressDialog"_s);
    m_progress->setWindowModality(Qt::NonModal);
    m_progress->setAttribute(Qt::WA_DeleteOnClose);
    m_progress->setMinimumDuration(300);
    auto *watcher = new QFutureWatcher<bool>(this);
    connect(watcher, &QFutureWatcher<bool>::progressRangeChanged, m_progress, &QProgressDialog::setRange);
    connect(watcher, &QFutureWatcher<bool>::progressValueChanged, m_progress, [this](int value) {
        m_progress->setValue(value);
        m_progress->setLabelText(tr("Printing page %1 of %2…").arg(value).arg(m_progress->maximum()));
    });
    connect(m_progress, &QProgressDialog::canceled, watcher, [watcher] { watcher->future().cancel(); });
    connect(watcher, &QFutureWatcher<bool>::finished, this, [this, watcher, printer] {
        const bool ok = !watcher->future().isCanceled() && watcher->future().resultCount() > 0 &&
                        watcher->future().result();
        if (m_progress)
            m_progress->close();
        statusBar()->showMessage(ok ? tr("Sent to the printer.") : tr("Printing was cancelled or failed."),
                                 5000);
        watcher->deleteLater();
        Q_EMIT printFinished(ok);
    });
    watcher->setFuture(m_printing);
}

void PdfViewerWindow::saveAs()
{
    if (!hasDocument())
        return;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString name = m_title;
    name.replace(QRegularExpression(u"[\\\\/:*?\"<>|]"_s), u"_"_s);
    const QString path = FileDialogs::getSaveFileName(
        this, tr("Save PDF"), QDir(dir).filePath(name + u".pdf"_s), tr("PDF documents (*.pdf)"));
    if (path.isEmpty())
        return;
    if (saveTo(path))
        statusBar()->showMessage(tr("Saved to %1.").arg(QDir::toNativeSeparators(path)), 5000);
    else
        statusBar()->showMessage(m_errorText);
}

bool PdfViewerWindow::saveTo(const QString &path)
{
    if (const std::optional<QString> refused = DatabaseFileGuard::refusal(path)) {
        m_errorText = *refused;
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_bytes) != m_bytes.size() || !file.commit()) {
        m_errorText = tr("The PDF could not be saved to %1: %2")
                          .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}
