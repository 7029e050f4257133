#pragma once

#include "models/db/result.h"
#include "models/maintenance/maintenance.h"

#include <QCoroTask>
#include <QDateTime>
#include <QHash>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <optional>

class AttachmentUploader;
class MaintenanceRepository;
class MaintenanceUi;
class QComboBox;
class QDialog;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

// One maintenance request in a window of its own: its details (place, category,
// priority, due time, technician, estimate, visit, permission to enter, reporter, room
// status), the comment history with a box to add one, buttons for the state changes the
// request's state allows (Assign…, Schedule…, Start, Done, Cancel…), taking the room out
// of service and back, and its attachments as thumbnails: Add files… stores several at
// once off the GUI thread (AttachmentUploader); Open shows a PDF in the PDF viewer, a
// photo in a preview, and saves anything else to a file.
//
// Every change runs on the executor's write thread with the version this window shows:
// a change someone else made meanwhile is refused ("Another user changed …"), said in
// the window, and the window reloads. Refusals of the data layer or of PostgreSQL
// (DbError::PermissionDenied: "You may not change maintenance …") read the same way.
// Read-only (setWritable(false)) shows no change at all.
//
// Top-level, deleted when closed; closing it interrupts uploads not yet stored. GUI
// thread only; MaintenanceUi outlives it.
class MaintenanceRequestWindow : public QWidget
{
    Q_OBJECT
public:
    MaintenanceRequestWindow(MaintenanceUi &ui, qint64 requestId, QWidget *parent = nullptr);
    ~MaintenanceRequestWindow() override;

    qint64 requestId() const { return m_id; }
    bool isLoaded() const { return m_loaded; }
    const MaintenanceRequest &request() const { return m_request; }
    QList<MaintenanceComment> comments() const { return m_comments; }
    QList<MaintenanceAttachment> attachments() const { return m_attachments; }
    // The last message shown in the window (a refusal, an upload's outcome); empty if none.
    QString message() const;
    void setWritable(bool writable);
    bool isWritable() const { return m_writable; }

    // Reads the request, its comments and attachments again (loaded() when done).
    void reload();

    // The changes behind the buttons; true when done (else message() says why).
    QCoro::Task<bool> assign(qint64 technicianId, std::optional<int> estimateCents);
    QCoro::Task<bool> schedule(QDateTime start, QDateTime end);
    QCoro::Task<bool> startWork();
    QCoro::Task<bool> complete();
    QCoro::Task<bool> cancelRequest(QString reason);
    QCoro::Task<bool> setRoomOutOfService(bool out);
    QCoro::Task<bool> addComment(QString text);
    // Stores the files as attachments (see AttachmentUploader); uploadsFinished() at the end.
    void addFiles(const QStringList &paths);
    AttachmentUploader *uploader() const;
    // Opens attachment `id`: PDFs in the viewer, photos in a preview, others saved
    // (asking for a file name unless `saveTo` is given).
    QCoro::Task<bool> openAttachment(qint64 attachmentId, QString saveTo = {});

    QPushButton *assignButton() const { return m_assign; }
    QPushButton *scheduleButton() const { return m_schedule; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *doneButton() const { return m_done; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *roomButton() const { return m_room; }
    QPushButton *addFilesButton() const { return m_addFiles; }
    QPushButton *addCommentButton() const { return m_addComment; }
    QPlainTextEdit *commentEdit() const { return m_commentEdit; }
    QListWidget *commentsView() const { return m_commentsView; }
    QListWidget *attachmentsView() const { return m_attachmentsView; }

Q_SIGNALS:
    void loaded();
    // A change made here was stored (the request as it is now).
    void changed(const MaintenanceRequest &request);
    void failed(const QString &message);
    void uploadsFinished(int stored, int notStored);
    // An attachment was shown (a viewer or preview window) or saved.
    void attachmentOpened(QWidget *window);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    using Change = std::function<Result<MaintenanceRequest>(MaintenanceRepository &, int version)>;
    QCoro::Task<bool> change(QString what, Change change);
    QCoro::Task<> load();
    void showRequest(const MaintenanceRequest &request);
    void showMessage(const QString &text, bool problem);
    void updateButtons();
    void askAssign();
    QCoro::Task<> fillAssignDialog(QPointer<QDialog> dialog, QComboBox *technician, QDoubleSpinBox *estimate,
                                   QPushButton *ok);
    void askSchedule();
    void askCancel();
    void chooseFiles();

    MaintenanceUi &m_ui;
    qint64 m_id;
    MaintenanceRequest m_request;
    QList<MaintenanceComment> m_comments;
    QList<MaintenanceAttachment> m_attachments;
    bool m_loaded = false;
    bool m_writable = true;
    bool m_busy = false;
    quint64 m_generation = 0;
    QStringList m_uploadMessages;
    QPointer<AttachmentUploader> m_uploader;

    QLabel *m_title;
    QLabel *m_message;
    QHash<QString, QLabel *> m_fields;
    QPushButton *m_assign;
    QPushButton *m_schedule;
    QPushButton *m_start;
    QPushButton *m_done;
    QPushButton *m_cancel;
    QPushButton *m_room;
    QListWidget *m_commentsView;
    QPlainTextEdit *m_commentEdit;
    QPushButton *m_addComment;
    QListWidget *m_attachmentsView;
    QPushButton *m_addFiles;
    QPushButton *m_openAttachment;
    QLabel *m_uploadStatus;
};
