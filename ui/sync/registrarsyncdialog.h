#pragma once

#include "tasks/sync/registrarsyncsettings.h"
#include "ui/windowservices.h"

#include <QCoroTask>
#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

// Settings ▸ Registrar sync…: the export's URL, the authentication (none, basic with a
// user name, bearer token) with its secret stored in the system keychain, the schedule
// (a cron expression; empty: by hand only) and the timeout; Save, and Sync now, which
// saves and queues a residents.sync job (the Jobs panel shows it). The settings live in
// the database (RegistrarSyncStore); a stale save is refused with a reload hint.
//
// GUI thread only: database work goes through the DbExecutor and is co_awaited.
class RegistrarSyncDialog : public QDialog
{
    Q_OBJECT
public:
    RegistrarSyncDialog(const WindowServices &services, QWidget *parent = nullptr);

    // Saves (and stores the secret if it was typed); true when everything was saved.
    QCoro::Task<bool> save();
    QCoro::Task<> syncNow();

Q_SIGNALS:
    void loaded();
    void saved(const QString &error);   // empty: success
    void queued(qint64 jobId);

private:
    QCoro::Task<> load();
    QCoro::Task<> saveAndClose();
    void setStatus(const QString &text, bool problem = false);
    void updateAuthFields();

    WindowServices m_services;
    RegistrarSyncSettings m_loaded;
    bool m_secretEdited = false;
    QLineEdit *m_url;
    QComboBox *m_auth;
    QLineEdit *m_user;
    QLineEdit *m_secret;
    QLineEdit *m_schedule;
    QSpinBox *m_timeout;
    QLabel *m_status;
    QPushButton *m_syncNow;
    QDialogButtonBox *m_buttons;
};
