#include "ui/backup/backupscheduledialog.h"

#include "models/db/dbexecutor.h"
#include "tasks/jobstore.h"
#include "ui/widgets/filedialogs.h"
#include "ui/widgets/theme.h"

#include <QCheckBox>
#include <QCoroFuture>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

BackupScheduleDialog::BackupScheduleDialog(const WindowServices &services, QWidget *parent)
    : QDialog(parent)
    , m_services(services)
    , m_enabled(new QCheckBox(tr("&Back up every day"), this))
    , m_folder(new QLineEdit(this))
    , m_browse(new QPushButton(tr("B&rowse…"), this))
    , m_time(new QTimeEdit(this))
    , m_localTime(new QLabel(this))
    , m_keepDaily(new QSpinBox(this))
    , m_keepWeekly(new QSpinBox(this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"backupScheduleDialog"_s);
    setWindowTitle(tr("Scheduled backups"));
    m_enabled->setObjectName(u"enabled"_s);
    m_folder->setObjectName(u"folder"_s);
    m_folder->setPlaceholderText(tr("a folder on the machine that runs the backups"));
    m_browse->setObjectName(u"browse"_s);
    m_time->setObjectName(u"time"_s);
    m_time->setDisplayFormat(u"HH:mm"_s);
    m_time->setTimeSpec(Qt::UTC);
    m_localTime->setObjectName(u"localTime"_s);
    m_keepDaily->setObjectName(u"keepDaily"_s);
    m_keepDaily->setRange(1, 1000);
    m_keepWeekly->setObjectName(u"keepWeekly"_s);
    m_keepWeekly->setRange(0, 1000);
    m_status->setObjectName(u"status"_s);
    m_status->setWordWrap(true);

    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(m_browse);
    auto *timeRow = new QHBoxLayout;
    timeRow->addWidget(m_time);
    timeRow->addWidget(m_localTime, 1);
    auto *form = new QFormLayout;
    form->addRow(m_enabled);
    auto *folderLabel = new QLabel(tr("&Folder:"), this);
    folderLabel->setBuddy(m_folder);
    form->addRow(folderLabel, folderRow);
    auto *timeLabel = new QLabel(tr("&Time (UTC):"), this);
    timeLabel->setBuddy(m_time);
    form->addRow(timeLabel, timeRow);
    form->addRow(tr("Keep &daily backups:"), m_keepDaily);
    form->addRow(tr("Keep &weekly backups:"), m_keepWeekly);
    auto *note =
        new QLabel(tr("Each backup is read back once written; a failed one notifies the administrators. "
                      "The newest backup of each of the last days and weeks is kept, older ones are "
                      "deleted."),
                   this);
    note->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

    connect(m_enabled, &QCheckBox::toggled, this, &BackupScheduleDialog::updateFields);
    connect(m_time, &QTimeEdit::timeChanged, this, &BackupScheduleDialog::updateFields);
    connect(m_browse, &QPushButton::clicked, this, &BackupScheduleDialog::chooseFolder);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] { saveAndClose(); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_buttons->setEnabled(false);
    updateFields();
    load();
}

QString BackupScheduleDialog::status() const
{
    return m_status->text();
}

void BackupScheduleDialog::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(problem ? Theme::errorStyle(palette()) : QString());
    m_status->setProperty("problem", problem);
}

void BackupScheduleDialog::updateFields()
{
    const bool on = m_enabled->isChecked();
    for (QWidget *w : std::initializer_list<QWidget *>{m_folder, m_browse, m_time, m_keepDaily, m_keepWeekly})
        w->setEnabled(on);
    const QDateTime utc(QDate::currentDate(), m_time->time(), Qt::UTC);
    m_localTime->setText(
        tr("(%1 here)").arg(QLocale().toString(utc.toLocalTime().time(), QLocale::ShortFormat)));
}

void BackupScheduleDialog::chooseFolder()
{
    QFileDialog *dialog = FileDialogs::create(this, FileDialogs::Mode::Open, tr("Folder for the backups"),
                                              m_folder->text(), {});
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this](const QString &folder) { m_folder->setText(QDir::toNativeSeparators(folder)); });
    dialog->open();
}

QCoro::Task<> BackupScheduleDialog::load()
{
    QPointer<BackupScheduleDialog> self(this);
    setStatus(tr("Loading…"));
    auto future = m_services.executor.read([](Database &db) { return JobStore(db).recurring(); });
    const Result<QList<RecurringJob>> all = co_await future;
    if (!self)
        co_return;
    m_buttons->setEnabled(true);
    if (!all) {
        setStatus(tr("The settings cannot be read: %1").arg(all.error().message), true);
        co_return;
    }
    BackupTasks::Schedule s;
    for (const RecurringJob &job : all.value()) {
        if (job.name == BackupTasks::scheduleName())
            s = BackupTasks::scheduleFrom(job);
    }
    m_enabled->setChecked(s.enabled);
    m_folder->setText(QDir::toNativeSeparators(s.folder));
    m_time->setTime(s.time);
    m_keepDaily->setValue(s.keepDaily);
    m_keepWeekly->setValue(s.keepWeekly);
    updateFields();
    setStatus(QString());
    Q_EMIT loaded();
}

QCoro::Task<bool> BackupScheduleDialog::save()
{
    QPointer<BackupScheduleDialog> self(this);
    BackupTasks::Schedule s;
    s.enabled = m_enabled->isChecked();
    s.folder = m_folder->text().trimmed().isEmpty()
                   ? QString()
                   : QFileInfo(m_folder->text().trimmed()).absoluteFilePath();
    s.time = m_time->time();
    s.keepDaily = m_keepDaily->value();
    s.keepWeekly = m_keepWeekly->value();
    if (s.enabled && (s.folder.isEmpty() || !QFileInfo(s.folder).isDir())) {
        const QString error =
            s.folder.isEmpty()
                ? tr("Choose the folder for the backups.")
                : tr("“%1” is not a folder on this computer.").arg(QDir::toNativeSeparators(s.folder));
        setStatus(error, true);
        m_folder->setFocus();
        Q_EMIT saved(error);
        co_return false;
    }
    m_buttons->setEnabled(false);
    setStatus(tr("Saving…"));
    auto future = m_services.executor.write(
        [job = BackupTasks::recurringFor(s)](Database &db) { return JobStore(db).upsertRecurring(job); });
    const VoidResult stored = co_await future;
    if (!self)
        co_return false;
    m_buttons->setEnabled(true);
    if (!stored) {
        const QString error = tr("The settings were not saved: %1").arg(stored.error().text());
        setStatus(error, true);
        Q_EMIT saved(error);
        co_return false;
    }
    setStatus(tr("Saved."));
    Q_EMIT saved(QString());
    co_return true;
}

QCoro::Task<> BackupScheduleDialog::saveAndClose()
{
    QPointer<BackupScheduleDialog> self(this);
    auto saving = save();
    const bool ok = co_await saving;
    if (self && ok)
        accept();
}
