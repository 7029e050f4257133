#pragma once

#include "tasks/backup/backuptasks.h"
#include "ui/windowservices.h"

#include <QCoroTask>
#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTimeEdit;

// Settings ▸ Scheduled backups…: on or off, the folder (on the machine that runs the
// job: a worker, or an administrator's window), the time of day (UTC, with the local
// time beside it) and how many daily and weekly backups to keep. The settings are the
// recurring job's (BackupTasks::recurringFor), as `residesk backup schedule` writes
// them, so every desktop and worker shares them; PostgreSQL lets administrators only.
//
// GUI thread only: database work goes through the DbExecutor and is co_awaited.
class BackupScheduleDialog : public QDialog
{
    Q_OBJECT
public:
    BackupScheduleDialog(const WindowServices &services, QWidget *parent = nullptr);

    // Checks and saves; true when saved.
    QCoro::Task<bool> save();

    QCheckBox *enabledBox() const { return m_enabled; }
    QLineEdit *folderEdit() const { return m_folder; }
    QTimeEdit *timeEdit() const { return m_time; }
    QSpinBox *keepDailyBox() const { return m_keepDaily; }
    QSpinBox *keepWeeklyBox() const { return m_keepWeekly; }
    QString status() const;

Q_SIGNALS:
    void loaded();
    void saved(const QString &error); // empty: success

private:
    QCoro::Task<> load();
    QCoro::Task<> saveAndClose();
    void chooseFolder();
    void setStatus(const QString &text, bool problem = false);
    void updateFields();

    WindowServices m_services;
    QCheckBox *m_enabled;
    QLineEdit *m_folder;
    QPushButton *m_browse;
    QTimeEdit *m_time;
    QLabel *m_localTime;
    QSpinBox *m_keepDaily;
    QSpinBox *m_keepWeekly;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
};
