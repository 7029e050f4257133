#pragma once

#include "models/core/actor.h"

#include <QCoroTask>
#include <QDialog>
#include <QPointer>

class DbExecutor;
class JobEngine;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
struct WindowServices;

// Settings ▸ E-mail…: the SMTP server (host, port, security: none / STARTTLS / TLS),
// the login (user; the password goes to the system keychain, never to the settings
// file), the sender (address and name) and a rate limit (messages per minute, 0 =
// unlimited). "Send test e-mail" saves, then puts a test message for the given
// address into the outbox, like any other e-mail, so it shows up in the Outbox dock
// with the server's answer. When RESIDESK_SMTP_URL is set, the environment wins and
// the dialog says so.
//
// GUI thread only; keychain calls and database writes are awaited, never blocking.
//
//   auto *dialog = new MailSettingsDialog(services, window);
//   dialog->setAttribute(Qt::WA_DeleteOnClose);
//   dialog->open();
class MailSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit MailSettingsDialog(const WindowServices &services, QWidget *parent = nullptr);
    ~MailSettingsDialog() override;

    // Saves (settings and, when changed, the keychain); `done` after the keychain answered.
    void save(bool closeAfter);
    void sendTest();

Q_SIGNALS:
    // After a save: an empty text means success.
    void saved(const QString &error);
    // After "Send test e-mail": the e-mail id and its drain job, or the error.
    void testQueued(qint64 emailId, qint64 jobId, const QString &error);

private:
    QCoro::Task<> loadPassword();
    QCoro::Task<> saveAsync(bool closeAfter);
    QCoro::Task<> sendTestAsync();
    void setStatus(const QString &text, bool problem = false);

    DbExecutor &m_executor;
    QPointer<JobEngine> m_engine;
    Actor m_actor;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QComboBox *m_security;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLineEdit *m_fromAddress;
    QLineEdit *m_fromName;
    QSpinBox *m_rate;
    QLineEdit *m_testTo;
    QPushButton *m_testButton;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    bool m_passwordEdited = false;
    QString m_loadedKey;
};
