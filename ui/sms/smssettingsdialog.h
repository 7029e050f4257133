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
class QProgressBar;
class QPushButton;
class QSpinBox;
class SmsSettings;
struct WindowServices;

// Settings ▸ Text messages…: how this machine reaches its SMS gateway (tasks/sms/
// smssettings.h): the URL, the authentication (none / bearer token / basic user and
// password; the secret goes to the system keychain under SmsSettings::keychainKey(), as
// `residesk sms settings --secret-stdin` stores it, never to the settings file), the body
// format and template, the sender ({from}), the default region of phone numbers, the
// timeout and a rate limit. Save refuses settings the gateway could not use and names
// what is wrong, as the command does. "Send test message" saves, then queues a test
// message for the given number as `residesk sms test` does and follows it through this
// window's engine to the gateway's answer (a busy bar meanwhile): sent, refused with the
// gateway's reason, or why it did not go out. When RESIDESK_SMS_URL is set, the
// environment wins and the dialog says so.
//
// GUI thread only; keychain calls and database work are awaited, never blocking.
//
//   auto *dialog = new SmsSettingsDialog(services, window);
//   dialog->setAttribute(Qt::WA_DeleteOnClose);
//   dialog->open();
class SmsSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SmsSettingsDialog(const WindowServices &services, QWidget *parent = nullptr);
    ~SmsSettingsDialog() override;

    // Saves (settings and, when changed, the keychain); `saved` after the keychain answered.
    void save(bool closeAfter);
    void sendTest();
    QString statusText() const;
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    // After a save: an empty text means success.
    void saved(const QString &error);
    // After "Send test message" queued it: the message id and its drain job, or the error.
    void testQueued(qint64 messageId, qint64 jobId, const QString &error);
    // The test message's outcome: its state code ("sent", "failed", "uncertain",
    // "queued") and, unless sent, why (the text the dialog shows).
    void testFinished(qint64 messageId, const QString &state, const QString &error);

private:
    QCoro::Task<> loadSecret();
    QCoro::Task<bool> saveAsync(bool closeAfter);
    QCoro::Task<> sendTestAsync();
    void setStatus(const QString &text, bool problem = false);
    void setBusy(bool busy);
    void updateFields();
    // What the fields say (the secret as typed).
    SmsSettings formValues() const;

    DbExecutor &m_executor;
    QPointer<JobEngine> m_engine;
    Actor m_actor;
    QLineEdit *m_url;
    QComboBox *m_auth;
    QLineEdit *m_user;
    QLineEdit *m_secret;
    QComboBox *m_contentType;
    QLineEdit *m_template;
    QLineEdit *m_sender;
    QLineEdit *m_region;
    QSpinBox *m_timeout;
    QSpinBox *m_rate;
    QLineEdit *m_testTo;
    QPushButton *m_testButton;
    QProgressBar *m_progress;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    bool m_secretEdited = false;
    bool m_busy = false;
    QString m_loadedKey;
};
