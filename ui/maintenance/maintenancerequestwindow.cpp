#include "ui/maintenance/maintenancerequestwindow.h"

#include "models/db/dbexecutor.h"
#include "models/maintenance/maintenancerepository.h"
#include "models/maintenance/maintenancerules.h"
#include "models/maintenance/technicianrepository.h"
#include "ui/maintenance/attachmentuploader.h"
#include "ui/maintenance/maintenanceui.h"
#include "ui/pdf/pdfviewerwindow.h"
#include "ui/widgets/filedialogs.h"
#include "ui/widgets/theme.h"

#include <QCloseEvent>
#include <QComboBox>
#include <QCoroFuture>
#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QImage>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;
using S = Maintenance::State;

namespace {

struct Snapshot
{
    Result<MaintenanceRequest> request;
    Result<QList<MaintenanceComment>> comments;
    Result<QList<MaintenanceAttachment>> attachments;
    QList<QImage> thumbnails; // decoded on the read thread, one per attachment
};

QString localTime(const QDateTime &t)
{
    return t.isValid() ? QLocale().toString(t.toLocalTime(), u"yyyy-MM-dd HH:mm"_s) : QString();
}

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

struct AssignChoices
{
    Result<QList<Technician>> technicians;
    Result<QList<MaintenanceRate>> rates;
};

const char *const kFieldNames[] = {"place",    "category", "priority",   "state",    "due", "technician",
                                   "estimate", "slot",     "permission", "reporter", "room"};

} // namespace

MaintenanceRequestWindow::MaintenanceRequestWindow(MaintenanceUi &ui, qint64 requestId, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_ui(ui)
    , m_id(requestId)
    , m_title(new QLabel(this))
    , m_message(new QLabel(this))
    , m_assign(new QPushButton(tr("&Assign…"), this))
    , m_schedule(new QPushButton(tr("&Schedule…"), this))
    , m_start(new QPushButton(tr("S&tart"), this))
    , m_done(new QPushButton(tr("&Done"), this))
    , m_cancel(new QPushButton(tr("&Cancel request…"), this))
    , m_room(new QPushButton(this))
    , m_commentsView(new QListWidget(this))
    , m_commentEdit(new QPlainTextEdit(this))
    , m_addComment(new QPushButton(tr("Add co&mment"), this))
    , m_attachmentsView(new QListWidget(this))
    , m_addFiles(new QPushButton(tr("Add &files…"), this))
    , m_openAttachment(new QPushButton(tr("&Open attachment"), this))
    , m_uploadStatus(new QLabel(this))
{
    setObjectName(u"maintenanceRequestWindow"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Maintenance request %1").arg(requestId));
    resize(760, 720);

    QFont font = m_title->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    m_title->setFont(font);
    m_title->setText(tr("Maintenance request %1").arg(requestId));
    m_message->setObjectName(u"requestMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    auto *details = new QGroupBox(tr("Details"), this);
    auto *form = new QFormLayout(details);
    const QStringList captions{tr("Place:"),       tr("Category:"), tr("Priority:"),
                               tr("State:"),       tr("Due:"),      tr("Technician:"),
                               tr("Estimate:"),    tr("Visit:"),    tr("Permission to enter:"),
                               tr("Reported by:"), tr("Room:")};
    for (int i = 0; i < captions.size(); ++i) {
        auto *value = new QLabel(details);
        value->setObjectName(u"detail_"_s + QLatin1String(kFieldNames[i]));
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setWordWrap(true);
        form->addRow(captions.at(i), value);
        m_fields.insert(QLatin1String(kFieldNames[i]), value);
    }
    auto *description = new QLabel(details);
    description->setObjectName(u"detail_description"_s);
    description->setWordWrap(true);
    description->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Description:"), description);
    m_fields.insert(u"description"_s, description);

    const QList<std::pair<QPushButton *, const char *>> buttons{{m_assign, "assignButton"},
                                                                {m_schedule, "scheduleButton"},
                                                                {m_start, "startButton"},
                                                                {m_done, "doneButton"},
                                                                {m_cancel, "cancelButton"},
                                                                {m_room, "roomServiceButton"},
                                                                {m_addComment, "addCommentButton"},
                                                                {m_addFiles, "addFilesButton"},
                                                                {m_openAttachment, "openAttachmentButton"}};
    for (const auto &[button, name] : buttons)
        button->setObjectName(QLatin1String(name));
    auto *actions = new QHBoxLayout;
    for (QPushButton *b : {m_assign, m_schedule, m_start, m_done, m_cancel})
        actions->addWidget(b);
    actions->addStretch();
    actions->addWidget(m_room);

    auto *commentsBox = new QGroupBox(tr("Comments"), this);
    m_commentsView->setObjectName(u"commentsView"_s);
    m_commentsView->setAccessibleName(commentsBox->title());
    m_commentsView->setWordWrap(true);
    m_commentsView->setSelectionMode(QAbstractItemView::NoSelection);
    m_commentEdit->setObjectName(u"commentEdit"_s);
    m_commentEdit->setPlaceholderText(tr("Write a comment…"));
    m_commentEdit->setMaximumHeight(70);
    auto *commentsLayout = new QVBoxLayout(commentsBox);
    commentsLayout->addWidget(m_commentsView, 1);
    auto *commentRow = new QHBoxLayout;
    commentRow->addWidget(m_commentEdit, 1);
    commentRow->addWidget(m_addComment, 0, Qt::AlignTop);
    commentsLayout->addLayout(commentRow);

    auto *attachmentsBox = new QGroupBox(tr("Attachments"), this);
    m_attachmentsView->setObjectName(u"attachmentsView"_s);
    m_attachmentsView->setAccessibleName(attachmentsBox->title());
    m_attachmentsView->setViewMode(QListView::IconMode);
    m_attachmentsView->setIconSize(
        QSize(AttachmentUploader::kThumbnailSize / 2, AttachmentUploader::kThumbnailSize / 2));
    m_attachmentsView->setResizeMode(QListView::Adjust);
    m_attachmentsView->setMovement(QListView::Static);
    m_attachmentsView->setWordWrap(true);
    m_attachmentsView->setMinimumHeight(120);
    m_uploadStatus->setObjectName(u"uploadStatus"_s);
    auto *attachmentsLayout = new QVBoxLayout(attachmentsBox);
    attachmentsLayout->addWidget(m_attachmentsView, 1);
    auto *attachmentRow = new QHBoxLayout;
    attachmentRow->addWidget(m_addFiles);
    attachmentRow->addWidget(m_openAttachment);
    attachmentRow->addWidget(m_uploadStatus, 1);
    attachmentsLayout->addLayout(attachmentRow);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_message);
    layout->addWidget(details);
    layout->addLayout(actions);
    layout->addWidget(commentsBox, 1);
    layout->addWidget(attachmentsBox, 1);

    connect(m_assign, &QPushButton::clicked, this, &MaintenanceRequestWindow::askAssign);
    connect(m_schedule, &QPushButton::clicked, this, &MaintenanceRequestWindow::askSchedule);
    connect(m_start, &QPushButton::clicked, this, [this] { startWork(); });
    connect(m_done, &QPushButton::clicked, this, [this] { complete(); });
    connect(m_cancel, &QPushButton::clicked, this, &MaintenanceRequestWindow::askCancel);
    connect(m_room, &QPushButton::clicked, this, [this] { setRoomOutOfService(!m_request.tookRoomOut); });
    connect(m_addComment, &QPushButton::clicked, this, [this] { addComment(m_commentEdit->toPlainText()); });
    connect(m_commentEdit, &QPlainTextEdit::textChanged, this, &MaintenanceRequestWindow::updateButtons);
    connect(m_addFiles, &QPushButton::clicked, this, &MaintenanceRequestWindow::chooseFiles);
    auto openCurrent = [this] {
        if (QListWidgetItem *item = m_attachmentsView->currentItem())
            openAttachment(item->data(Qt::UserRole).toLongLong());
    };
    connect(m_openAttachment, &QPushButton::clicked, this, openCurrent);
    connect(m_attachmentsView, &QListWidget::itemActivated, this, openCurrent);
    connect(m_attachmentsView, &QListWidget::currentItemChanged, this,
            &MaintenanceRequestWindow::updateButtons);

    m_uploader = new AttachmentUploader(ui.executor(), ui.actor(), requestId, ui.filePool(), this);
    connect(m_uploader, &AttachmentUploader::fileDone, this,
            [this](const QString &, bool stored, const QString &message) {
                if (!stored)
                    m_uploadMessages.append(message);
                m_uploadStatus->setText(m_uploader->isBusy()
                                            ? tr("Storing %Ln file(s)…", nullptr, m_uploader->pending())
                                            : QString());
            });
    connect(m_uploader, &AttachmentUploader::finished, this, [this](int stored, int notStored) {
        const QString summary = notStored == 0 ? tr("%Ln file(s) attached.", nullptr, stored)
                                               : tr("%Ln file(s) attached; ", nullptr, stored) +
                                                     tr("%Ln not:", nullptr, notStored) + u'\n' +
                                                     m_uploadMessages.join(u'\n');
        m_uploadMessages.clear();
        showMessage(summary, notStored > 0);
        reload();
        Q_EMIT uploadsFinished(stored, notStored);
    });

    setWritable(ui.isWritable());
    updateButtons();
    reload();
}

MaintenanceRequestWindow::~MaintenanceRequestWindow()
{
    if (m_uploader)
        m_uploader->cancel();
}

void MaintenanceRequestWindow::closeEvent(QCloseEvent *event)
{
    // Files not stored yet stay unstored; a file being written commits whole or not at all.
    if (m_uploader)
        m_uploader->cancel();
    QWidget::closeEvent(event);
}

AttachmentUploader *MaintenanceRequestWindow::uploader() const
{
    return m_uploader;
}

QString MaintenanceRequestWindow::message() const
{
    return m_message->isVisible() || !m_message->text().isEmpty() ? m_message->text() : QString();
}

void MaintenanceRequestWindow::setWritable(bool writable)
{
    m_writable = writable;
    for (QWidget *w : std::initializer_list<QWidget *>{m_assign, m_schedule, m_start, m_done, m_cancel,
                                                       m_room, m_addComment, m_commentEdit, m_addFiles})
        w->setVisible(writable);
    updateButtons();
}

void MaintenanceRequestWindow::showMessage(const QString &text, bool problem)
{
    m_message->setText(text);
    m_message->setStyleSheet(problem ? Theme::errorStyle(palette()) : QString());
    m_message->setVisible(!text.isEmpty());
}

void MaintenanceRequestWindow::reload()
{
    load();
}

QCoro::Task<> MaintenanceRequestWindow::load()
{
    QPointer<MaintenanceRequestWindow> self(this);
    const quint64 generation = ++m_generation;
    auto work = [id = m_id](Database &db) {
        MaintenanceRepository repo(db, Actor{});
        Snapshot s{repo.get(id), repo.comments(id), repo.attachments(id), {}};
        if (s.attachments) {
            for (const MaintenanceAttachment &a : s.attachments.value())
                s.thumbnails.append(a.thumbnail.isEmpty() ? QImage() : QImage::fromData(a.thumbnail, "PNG"));
        }
        return s;
    };
    auto future = m_ui.executor().read(std::move(work)); // named: GCC bug 100611
    const Snapshot s = co_await future;
    if (!self || generation != m_generation)
        co_return;
    if (!s.request) {
        showMessage(tr("Maintenance request %1 cannot be shown: %2").arg(m_id).arg(s.request.error().message),
                    true);
        co_return;
    }
    showRequest(s.request.value());
    if (s.comments) {
        m_comments = s.comments.value();
        m_commentsView->clear();
        for (const MaintenanceComment &c : std::as_const(m_comments)) {
            auto *item = new QListWidgetItem(tr("%1, %2:\n%3").arg(c.author, localTime(c.createdAt), c.body),
                                             m_commentsView);
            item->setData(Qt::UserRole, c.id);
        }
        m_commentsView->scrollToBottom();
    }
    if (s.attachments) {
        const qint64 current = m_attachmentsView->currentItem()
                                   ? m_attachmentsView->currentItem()->data(Qt::UserRole).toLongLong()
                                   : 0;
        m_attachments = s.attachments.value();
        m_attachmentsView->clear();
        for (int i = 0; i < m_attachments.size(); ++i) {
            const MaintenanceAttachment &a = m_attachments.at(i);
            const QImage &thumb = s.thumbnails.value(i);
            const QIcon icon = !thumb.isNull() ? QIcon(QPixmap::fromImage(thumb))
                               : a.mimeType == u"application/pdf"
                                   ? style()->standardIcon(QStyle::SP_FileDialogDetailedView)
                                   : style()->standardIcon(QStyle::SP_FileIcon);
            auto *item = new QListWidgetItem(icon, a.filename, m_attachmentsView);
            item->setData(Qt::UserRole, a.id);
            item->setToolTip(tr("%1, %2, added by %3 on %4")
                                 .arg(a.filename, sizeText(a.size), a.createdBy, localTime(a.createdAt)));
            if (a.id == current)
                m_attachmentsView->setCurrentItem(item);
        }
    }
    if (!s.comments || !s.attachments)
        showMessage((!s.comments ? s.comments.error() : s.attachments.error()).message, true);
    m_loaded = true;
    updateButtons();
    Q_EMIT loaded();
}

void MaintenanceRequestWindow::showRequest(const MaintenanceRequest &r)
{
    m_request = r;
    const bool overdue = r.isOverdue(QDateTime::currentDateTimeUtc());
    m_title->setText(tr("Maintenance request %1 — %2").arg(r.id).arg(r.placeLabel()));
    setWindowTitle(tr("Maintenance request %1 — %2").arg(r.id).arg(r.placeLabel()));
    m_fields[u"place"_s]->setText(r.roomId > 0
                                      ? tr("%1 (%2)").arg(r.placeLabel(), r.buildingName)
                                      : tr("Common area of %1 — %2").arg(r.buildingCode, r.buildingName));
    m_fields[u"category"_s]->setText(Maintenance::categoryLabel(r.category));
    m_fields[u"priority"_s]->setText(Maintenance::priorityLabel(r.priority));
    QString state = Maintenance::stateLabel(r.state);
    if (r.needsAttention && !Maintenance::isFinished(r.state))
        state = tr("%1 — needs attention: nobody could take it").arg(state);
    if (Maintenance::isFinished(r.state) && r.finishedAt.isValid())
        state = tr("%1 on %2").arg(state, localTime(r.finishedAt));
    m_fields[u"state"_s]->setText(state);
    QLabel *due = m_fields[u"due"_s];
    due->setText(overdue ? tr("%1 — overdue").arg(localTime(r.dueAt)) : localTime(r.dueAt));
    due->setStyleSheet(overdue ? Theme::errorStyle(palette()) + u" font-weight: bold;"_s : QString());
    m_fields[u"technician"_s]->setText(
        r.technicianId > 0 ? tr("%1 <%2>").arg(r.technicianName, r.technicianEmail) : tr("nobody yet"));
    m_fields[u"estimate"_s]->setText(r.estimateCents ? Maintenance::money(r.estimateCents) : tr("none yet"));
    m_fields[u"slot"_s]->setText(
        r.slotStart.isValid()
            ? tr("%1 – %2").arg(localTime(r.slotStart),
                                QLocale().toString(r.slotEnd.toLocalTime().time(), u"HH:mm"_s))
            : tr("not scheduled"));
    m_fields[u"permission"_s]->setText(r.permissionToEnter ? tr("yes: staff may enter when nobody is in")
                                                           : tr("no: only with someone in the room"));
    m_fields[u"reporter"_s]->setText(tr("%1 on %2")
                                         .arg(r.reportedByResidentId > 0
                                                  ? tr("%1 (resident)").arg(r.reporterName)
                                                  : tr("%1 (staff)").arg(r.reportedByStaff),
                                              localTime(r.reportedAt)));
    m_fields[u"room"_s]->setText(r.roomId == 0   ? tr("common area")
                                 : r.tookRoomOut ? tr("out of service for this request")
                                                 : tr("status: %1").arg(r.roomStatus));
    m_fields[u"description"_s]->setText(r.description);
    updateButtons();
}

void MaintenanceRequestWindow::updateButtons()
{
    const S state = m_request.state;
    const bool ready = m_loaded && m_writable && !m_busy;
    m_assign->setEnabled(ready && MaintenanceRules::canTransition(state, S::Assigned));
    m_schedule->setEnabled(ready && (state == S::Assigned || state == S::Scheduled));
    m_start->setEnabled(ready && MaintenanceRules::canTransition(state, S::InProgress));
    m_done->setEnabled(ready && MaintenanceRules::canTransition(state, S::Done));
    m_cancel->setEnabled(ready && MaintenanceRules::canTransition(state, S::Cancelled));
    m_room->setText(m_request.tookRoomOut ? tr("Put room back in ser&vice")
                                          : tr("Take room out of ser&vice"));
    m_room->setEnabled(ready && m_request.roomId > 0 &&
                       (m_request.tookRoomOut || !Maintenance::isFinished(state)));
    m_addComment->setEnabled(ready && !m_commentEdit->toPlainText().trimmed().isEmpty());
    m_addFiles->setEnabled(m_loaded && m_writable);
    m_openAttachment->setEnabled(m_attachmentsView->currentItem() != nullptr);
}

QCoro::Task<bool> MaintenanceRequestWindow::change(QString what, Change op)
{
    QPointer<MaintenanceRequestWindow> self(this);
    m_busy = true;
    updateButtons();
    auto work = [op = std::move(op), actor = m_ui.actor(), version = m_request.version](Database &db) {
        MaintenanceRepository repo(db, actor);
        return op(repo, version);
    };
    auto future = m_ui.executor().write(std::move(work)); // named: GCC bug 100611
    const Result<MaintenanceRequest> result = co_await future;
    if (!self)
        co_return bool(result);
    m_busy = false;
    if (!result) {
        const DbError error = result.error();
        const QString text = tr("%1 was not done: %2").arg(what, error.text().trimmed());
        showMessage(text, true);
        Q_EMIT failed(text);
        // Someone else changed it, or its state moved on: show it as it is now.
        reload();
        co_return false;
    }
    showMessage(QString(), false);
    showRequest(result.value());
    reload(); // comments (a cancel's reason) and the room
    Q_EMIT changed(result.value());
    co_return true;
}

QCoro::Task<bool> MaintenanceRequestWindow::assign(qint64 technicianId, std::optional<int> estimateCents)
{
    const qint64 id = m_id;
    auto task = change( // named: GCC bug 100611 destroys a co_await's temporaries twice
        tr("Assign"), [id, technicianId, estimateCents](MaintenanceRepository &repo, int v) {
            return repo.assign(id, technicianId, estimateCents, v);
        });
    co_return co_await task;
}

QCoro::Task<bool> MaintenanceRequestWindow::schedule(QDateTime start, QDateTime end)
{
    const qint64 id = m_id;
    auto task = change( // named: GCC bug 100611 destroys a co_await's temporaries twice
        tr("Schedule"), [id, start, end](MaintenanceRepository &repo, int v) {
            return repo.schedule(id, start.toUTC(), end.toUTC(), v);
        });
    co_return co_await task;
}

QCoro::Task<bool> MaintenanceRequestWindow::startWork()
{
    const qint64 id = m_id;
    auto task = change( // named: GCC bug 100611 destroys a co_await's temporaries twice
        tr("Start"), [id](MaintenanceRepository &repo, int v) { return repo.start(id, v); });
    co_return co_await task;
}

QCoro::Task<bool> MaintenanceRequestWindow::complete()
{
    const qint64 id = m_id;
    auto task = change( // named: GCC bug 100611 destroys a co_await's temporaries twice
        tr("Done"), [id](MaintenanceRepository &repo, int v) { return repo.complete(id, v); });
    co_return co_await task;
}

QCoro::Task<bool> MaintenanceRequestWindow::cancelRequest(QString reason)
{
    const qint64 id = m_id;
    auto task = change( // named: GCC bug 100611 destroys a co_await's temporaries twice
        tr("Cancel"),
        [id, reason](MaintenanceRepository &repo, int v) { return repo.cancel(id, reason, v); });
    co_return co_await task;
}

QCoro::Task<bool> MaintenanceRequestWindow::setRoomOutOfService(bool out)
{
    const qint64 id = m_id;
    auto task = change( // named: GCC bug 100611 destroys a co_await's temporaries twice
        out ? tr("Take the room out of service") : tr("Put the room back in service"),
        [id, out](MaintenanceRepository &repo, int v) { return repo.setRoomOutOfService(id, out, v); });
    co_return co_await task;
}

QCoro::Task<bool> MaintenanceRequestWindow::addComment(QString text)
{
    QPointer<MaintenanceRequestWindow> self(this);
    m_busy = true;
    updateButtons();
    auto work = [id = m_id, text, actor = m_ui.actor()](Database &db) {
        return MaintenanceRepository(db, actor).addComment(id, text);
    };
    auto future = m_ui.executor().write(std::move(work)); // named: GCC bug 100611
    const Result<MaintenanceComment> added = co_await future;
    if (!self)
        co_return bool(added);
    m_busy = false;
    if (!added) {
        const QString message = tr("The comment was not added: %1").arg(added.error().text().trimmed());
        showMessage(message, true);
        Q_EMIT failed(message);
        updateButtons();
        co_return false;
    }
    showMessage(QString(), false);
    m_commentEdit->clear();
    reload();
    co_return true;
}

void MaintenanceRequestWindow::addFiles(const QStringList &paths)
{
    if (paths.isEmpty() || !m_uploader)
        return;
    m_uploadStatus->setText(tr("Storing %Ln file(s)…", nullptr, int(paths.size()) + m_uploader->pending()));
    m_uploader->upload(paths);
}

void MaintenanceRequestWindow::chooseFiles()
{
    QFileDialog *dialog =
        FileDialogs::create(this, FileDialogs::Mode::Open, tr("Attach files"), QString(),
                            tr("Photos and documents (*.png *.jpg *.jpeg *.gif *.webp *.pdf "
                               "*.txt);;All files (*)"));
    dialog->setFileMode(QFileDialog::ExistingFiles);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::filesSelected, this, &MaintenanceRequestWindow::addFiles);
    dialog->open();
}

QCoro::Task<bool> MaintenanceRequestWindow::openAttachment(qint64 attachmentId, QString saveTo)
{
    QPointer<MaintenanceRequestWindow> self(this);
    auto work = [attachmentId](Database &db) {
        return MaintenanceRepository(db, Actor{}).attachment(attachmentId);
    };
    auto future = m_ui.executor().read(std::move(work)); // named: GCC bug 100611
    const Result<MaintenanceAttachment> a = co_await future;
    if (!self)
        co_return false;
    if (!a) {
        showMessage(tr("The attachment cannot be opened: %1").arg(a.error().message), true);
        co_return false;
    }
    if (saveTo.isEmpty() && a->mimeType == u"application/pdf") {
        PdfViewerWindow *viewer = PdfViewerWindow::openBytes(a->content, a->filename, this);
        Q_EMIT attachmentOpened(viewer);
        co_return true;
    }
    if (saveTo.isEmpty() && MaintenanceRules::isImage(a->mimeType)) {
        // Decoded off the GUI thread; shown at most screen-sized.
        auto decoding = QtConcurrent::run(m_ui.filePool(), [content = a->content] {
            QImage image;
            image.loadFromData(content);
            if (image.width() > 1600 || image.height() > 1200)
                image = image.scaled(1600, 1200, Qt::KeepAspectRatio, Qt::SmoothTransformation);
            return image;
        });
        const QImage image = co_await decoding;
        if (!self)
            co_return false;
        if (image.isNull()) {
            showMessage(tr("%1 cannot be shown: it is not a picture Residesk can read.").arg(a->filename),
                        true);
            co_return false;
        }
        auto *preview = new QDialog(this);
        preview->setObjectName(u"attachmentPreview"_s);
        preview->setWindowTitle(a->filename);
        preview->setAttribute(Qt::WA_DeleteOnClose);
        auto *label = new QLabel(preview);
        label->setObjectName(u"attachmentPreviewImage"_s);
        label->setPixmap(QPixmap::fromImage(image));
        auto *scroll = new QScrollArea(preview);
        scroll->setWidget(label);
        auto *close = new QDialogButtonBox(QDialogButtonBox::Close, preview);
        connect(close, &QDialogButtonBox::rejected, preview, &QDialog::reject);
        auto *layout = new QVBoxLayout(preview);
        layout->addWidget(scroll, 1);
        layout->addWidget(close);
        preview->resize(qMin(image.width() + 40, 1000), qMin(image.height() + 80, 800));
        preview->show();
        Q_EMIT attachmentOpened(preview);
        co_return true;
    }
    if (saveTo.isEmpty()) {
        saveTo = FileDialogs::getSaveFileName(this, tr("Save attachment"), a->filename, tr("All files (*)"));
        if (!self || saveTo.isEmpty())
            co_return false;
    }
    auto saving = QtConcurrent::run(m_ui.filePool(), [saveTo, content = a->content]() -> QString {
        QSaveFile file(saveTo);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit())
            return file.errorString().isEmpty() ? MaintenanceRequestWindow::tr("cannot write")
                                                : file.errorString();
        return {};
    });
    const QString error = co_await saving;
    if (!self)
        co_return false;
    if (!error.isEmpty()) {
        showMessage(tr("%1 was not saved to %2: %3").arg(a->filename, saveTo, error), true);
        co_return false;
    }
    showMessage(tr("%1 saved to %2.").arg(a->filename, saveTo), false);
    Q_EMIT attachmentOpened(nullptr);
    co_return true;
}

void MaintenanceRequestWindow::askAssign()
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName(u"assignDialog"_s);
    dialog->setWindowTitle(tr("Assign request %1").arg(m_id));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *technician = new QComboBox(dialog);
    technician->setObjectName(u"assignTechnician"_s);
    auto *estimate = new QDoubleSpinBox(dialog);
    estimate->setObjectName(u"assignEstimate"_s);
    estimate->setRange(0, 100000);
    estimate->setDecimals(2);
    estimate->setValue(m_request.estimateCents ? *m_request.estimateCents / 100.0 : 0);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    auto *form = new QFormLayout(dialog);
    form->addRow(tr("&Technician:"), technician);
    form->addRow(tr("&Estimate:"), estimate);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, [this, dialog, technician, estimate] {
        const qint64 id = technician->currentData().toLongLong();
        if (id <= 0)
            return;
        assign(id, int(qRound(estimate->value() * 100)));
        dialog->accept();
    });
    dialog->open();

    fillAssignDialog(dialog, technician, estimate, buttons->button(QDialogButtonBox::Ok));
}

QCoro::Task<> MaintenanceRequestWindow::fillAssignDialog(QPointer<QDialog> dialog, QComboBox *technician,
                                                         QDoubleSpinBox *estimate, QPushButton *ok)
{
    // The technicians (those with the skill first) and the rate for the estimate.
    auto work = [](Database &db) {
        return AssignChoices{TechnicianRepository(db, Actor{}).list(true),
                             MaintenanceRepository(db, Actor{}).rates()};
    };
    auto future = m_ui.executor().read(std::move(work)); // named: GCC bug 100611
    const AssignChoices c = co_await future;
    if (!dialog)
        co_return;
    const Maintenance::Category category = m_request.category;
    if (!c.technicians) {
        technician->addItem(tr("The technicians cannot be read: %1").arg(c.technicians.error().message), 0);
        co_return;
    }
    QList<Technician> list = c.technicians.value();
    std::stable_sort(list.begin(), list.end(), [category](const Technician &a, const Technician &b) {
        return a.hasSkill(category) && !b.hasSkill(category);
    });
    for (const Technician &t : std::as_const(list))
        technician->addItem(
            t.hasSkill(category)
                ? t.name
                : tr("%1 (no %2 skill)").arg(t.name, Maintenance::categoryLabel(category).toLower()),
            t.id);
    ok->setEnabled(!list.isEmpty());
    if (c.rates && !m_request.estimateCents) {
        if (const std::optional<int> cents =
                MaintenanceRules::estimate(c.rates.value(), category, m_request.priority))
            estimate->setValue(*cents / 100.0);
    }
}

void MaintenanceRequestWindow::askSchedule()
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName(u"scheduleDialog"_s);
    dialog->setWindowTitle(tr("Schedule request %1").arg(m_id));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *start = new QDateTimeEdit(dialog);
    start->setObjectName(u"scheduleStart"_s);
    start->setCalendarPopup(true);
    start->setDisplayFormat(u"yyyy-MM-dd HH:mm"_s);
    QDateTime suggested = m_request.slotStart.isValid() ? m_request.slotStart.toLocalTime()
                                                        : QDateTime::currentDateTime().addSecs(3600);
    suggested.setTime(QTime(suggested.time().hour(), 0));
    start->setDateTime(suggested);
    auto *minutes = new QSpinBox(dialog);
    minutes->setObjectName(u"scheduleMinutes"_s);
    minutes->setRange(15, 480);
    minutes->setSingleStep(15);
    minutes->setSuffix(tr(" min"));
    minutes->setValue(m_request.slotStart.isValid() ? int(m_request.slotStart.secsTo(m_request.slotEnd) / 60)
                                                    : 60);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    auto *form = new QFormLayout(dialog);
    form->addRow(tr("&Visit starts:"), start);
    form->addRow(tr("&Length:"), minutes);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, [this, dialog, start, minutes] {
        const QDateTime from = start->dateTime();
        schedule(from, from.addSecs(qint64(minutes->value()) * 60));
        dialog->accept();
    });
    dialog->open();
}

void MaintenanceRequestWindow::askCancel()
{
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(u"cancelDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Cancel request %1").arg(m_id));
    dialog->setLabelText(tr("Why is it cancelled? (kept as a comment)"));
    connect(dialog, &QInputDialog::textValueSelected, this,
            [this](const QString &reason) { cancelRequest(reason); });
    dialog->open();
}
