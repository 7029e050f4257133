#pragma once

#include <QByteArray>
#include <QFuture>
#include <QMainWindow>
#include <QPointer>

class PdfPageView;
class QAction;
class QBuffer;
class QLabel;
class QPdfDocument;
class QPrinter;
class QProgressDialog;
class QSpinBox;
class QStackedWidget;

// The in-app PDF viewer: a top-level window (non-modal; open as many as needed) that
// shows one PDF from bytes or from a file, with zoom (in, out, actual size, fit width,
// fit page), page navigation (previous/next, "x of y", PgUp/PgDn, Home/End) over
// continuous multi-page scrolling, printing, "save as" and a clear error page when the
// bytes are not a PDF. Its size and zoom mode are remembered in QSettings.
//
// The viewer holds its own copy of the bytes: "save as" writes exactly those bytes,
// and printing renders pages from them on a worker thread.
//
// GUI thread only. openBytes()/openFile() create a window that deletes itself when
// closed; a window made with `new` is owned like any widget.
//
//   // after a cache lookup on the executor (see tasks/pdf/pdfcache.h):
//   PdfViewerWindow::openBytes(entry.bytes, tr("Work order %1").arg(number), this);
class PdfViewerWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit PdfViewerWindow(QWidget *parent = nullptr);
    // A window on `pdf`, as setPdf() on a new window.
    PdfViewerWindow(const QByteArray &pdf, const QString &title, QWidget *parent = nullptr);
    ~PdfViewerWindow() override;

    // A new window, shown at once, deleted on close. `title` empty: the document's
    // own title (its metadata), else the file name, else "PDF document".
    static PdfViewerWindow *openBytes(const QByteArray &pdf, const QString &title = {},
                                      QWidget *parent = nullptr);
    static PdfViewerWindow *openFile(const QString &path, const QString &title = {},
                                     QWidget *parent = nullptr);

    // Shows `pdf`; false (and the error page) if it is not a PDF QtPdf can open.
    bool setPdf(const QByteArray &pdf, const QString &title = {});
    // Reads the file and shows it; false with the error page if it cannot be read or shown.
    bool loadFile(const QString &path, const QString &title = {});

    bool hasDocument() const;
    QByteArray pdf() const { return m_bytes; }
    QString documentTitle() const { return m_title; }
    QString errorText() const { return m_errorText; }
    int pageCount() const;
    int currentPage() const; // 0-based
    PdfPageView *view() const { return m_view; }
    QPdfDocument *document() const { return m_document; }

    // Prints every page on `printer` from a worker thread (see print()); the future's
    // result is false if it failed or was cancelled. The printer must stay alive until
    // the future finishes.
    QFuture<bool> printTo(QPrinter *printer);

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void actualSize();
    void fitWidth();
    void fitPage();
    void goToPage(int page); // 0-based
    void nextPage();
    void previousPage();
    void firstPage();
    void lastPage();
    // Asks for a printer (QPrintDialog) and prints with a progress dialog.
    void print();
    // Asks for a file name (QFileDialog) and calls saveTo().
    void saveAs();
    // Writes the PDF's bytes to `path` (atomically); false with a message box-free
    // error in errorText() on failure.
    bool saveTo(const QString &path);

Q_SIGNALS:
    void documentLoaded(int pageCount);
    void loadFailed(const QString &message);
    // The first page image was painted (not just the blank page frame).
    void firstPagePainted();
    void printFinished(bool ok);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void init(const QByteArray *pdf, const QString &title);
    void buildView();
    void buildToolBar();
    bool loadDocument(const QByteArray &pdf, const QString &title);
    void documentReady();
    void applyZoom(qreal factor);
    void showError(const QString &message);
    void updateActions();
    void updatePageControls(int page);
    void updateZoomLabel();
    void updateTitle();
    void saveSettings() const;
    void restoreSettings();

    QByteArray m_bytes;
    QString m_title;
    QString m_givenTitle;
    QString m_errorText;
    QBuffer *m_buffer = nullptr;
    QPdfDocument *m_document = nullptr;
    PdfPageView *m_view = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_errorLabel = nullptr;
    QSpinBox *m_pageSpin = nullptr;
    QLabel *m_pageCountLabel = nullptr;
    QLabel *m_zoomLabel = nullptr;
    QList<QAction *> m_documentActions;
    QPointer<QProgressDialog> m_progress;
    bool m_firstPageReported = false;
    QFuture<bool> m_printing;
};
