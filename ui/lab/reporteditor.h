#pragma once

#include "models/lab/client.h"
#include "models/lab/protocol.h"
#include "models/lab/report.h"

#include <QCoroTask>
#include <QDialog>
#include <QJsonObject>
#include <QPointer>

class LabUi;
class PdfViewerWindow;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QTimer;
class QUndoStack;
class ReportResultsModel;
struct Job;
struct JobChange;

// The report editor: a window per report with its findings, an editable results table
// (analyte, value, unit, reference range, flag from a list; rows added, removed and
// moved; every change undoable before Save), and
//  - Save (Ctrl+S): ReportRepository::updateDraft on the write pool, versioned: if
//    someone saved first, the "Changed by someone else" box offers Reload / Overwrite;
//    validation errors name the row and the field;
//  - Preview (Ctrl+P): the values as shown, rendered as a draft (DRAFT watermark) on the
//    CPU pool and shown in the PDF viewer; nothing is written;
//  - Finalize: the click locks the editor and shows "Finalizing…" with a busy indicator
//    at once, before any database round trip; then, on the write pool and in one
//    transaction, unsaved edits are saved and the report.finalize job is queued with the
//    report's hold (ReportFinalizer). The editor stays locked while the job runs (job
//    events from the EventBus, and a read every two seconds in case one was missed),
//    then shows "Finalized by … at …", or the job's reason and unlocks;
//  - a finalized report shows what became of its e-mail to the client (ReportEmail):
//    queued, being sent, sent, failed with the reason, uncertain, or queued but stopped
//    by the sending job's reason; it follows the outbox's record events and the ends of
//    mail.send jobs (and reads it every five seconds while it is queued or being sent);
//  - Amend (a finalized report that is not superseded): the next draft revision, opened
//    in this window;
//  - History: every revision of the protocol; a finalized one opens its stored PDF.
// A finalized report is read-only. Window size and column widths are remembered.
//
// GUI thread only; made and owned by LabUi (deleted on close), which outlives it.
//
//   ReportEditor *editor = lab->openReport(reportId);   // loads, then shows it
class ReportEditor : public QDialog
{
    Q_OBJECT
public:
    enum class Mode {
        Loading,
        Editing, // a draft that may be edited
        Locked,  // a draft that cannot be edited here (protocol not received …)
        Saving,
        Finalizing, // the click was taken, or a finalize job holds the report
        Finalized,  // read-only
    };
    Q_ENUM(Mode)

    ReportEditor(LabUi &lab, qint64 reportId, QWidget *parent = nullptr);
    ~ReportEditor() override;

    qint64 reportId() const { return m_report.id > 0 ? m_report.id : m_reportId; }
    const Report &report() const { return m_report; }
    Mode mode() const { return m_mode; }
    bool isDirty() const;
    qint64 finalizeJobId() const { return m_jobId; }
    // The line under the table: "Finalizing…", "Finalized by … at …", a failure.
    QString statusText() const;
    // The line about a finalized report's e-mail ("E-mail to … sent at …."); empty when
    // none is shown.
    QString emailText() const;
    ReportResultsModel *resultsModel() const { return m_results; }
    QUndoStack *undoStack() const { return m_undo; }

public Q_SLOTS:
    void save();
    void preview();
    void finalize();
    void amend();
    void reload();
    void addRow();
    void removeRow();
    void moveRowUp();
    void moveRowDown();

Q_SIGNALS:
    void loaded();
    void saved();
    void modeChanged(ReportEditor::Mode mode);
    void finalizeQueued(qint64 jobId);
    void finalized();
    void finalizeFailed(const QString &reason);
    // Amend opened another revision in this window.
    void reportChanged(qint64 from, qint64 to);
    void previewOpened(PdfViewerWindow *window);
    // The e-mail line shows this (again, or anew).
    void emailShown(const QString &text);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    struct Loaded;
    void buildUi();
    QCoro::Task<> load(QString messageAfter = {}, bool messageIsError = false);
    void display(const Loaded &loaded);
    void setMode(Mode mode);
    void setStatus(const QString &text, bool busy, bool error = false);
    void setMessage(const QString &text, bool error = false);
    Report values() const;
    void moveRow(int delta);
    QCoro::Task<> runSave(bool overwrite);
    QCoro::Task<> runFinalize();
    QCoro::Task<> runAmend();
    QCoro::Task<> runPreview();
    QCoro::Task<> checkJob();
    QCoro::Task<> readEmail();
    void showEmail(const QString &text, bool attention = false);
    void jobChanged(const JobChange &change);
    void askConflict();
    void markClean();
    void saveSettings() const;

    LabUi &m_lab;
    qint64 m_reportId;
    Report m_report;
    Protocol m_protocol;
    Client m_client;
    Mode m_mode = Mode::Loading;
    qint64 m_jobId = 0;
    bool m_checking = false;
    bool m_checkAgain = false; // an event came while a check was reading the job
    QString m_lockReason;

    QLabel *m_header;
    QPlainTextEdit *m_findings;
    QTableView *m_view;
    ReportResultsModel *m_results;
    QUndoStack *m_undo;
    QLabel *m_status;
    QLabel *m_email;
    int m_emailReads = 0;
    QProgressBar *m_busy;
    QLabel *m_message;
    QListWidget *m_history;
    QPushButton *m_saveButton;
    QPushButton *m_previewButton;
    QPushButton *m_finalizeButton;
    QPushButton *m_amendButton;
    QPushButton *m_openRevisionButton;
    QList<QWidget *> m_rowButtons;
    QTimer *m_jobPoll;
    QTimer *m_emailPoll; // while the e-mail is queued or being sent
};
