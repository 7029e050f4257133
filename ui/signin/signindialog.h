#pragma once

#include "models/db/databaseconfig.h"

#include <QCoroTask>
#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

// Sign in to PostgreSQL: user name, password and "Remember password" (the system
// keychain). "Sign in" tries the connection off the GUI thread; a refusal is shown in
// the dialog ("The password for ann was not accepted by db:5432.") and the dialog stays
// open; success remembers (or forgets) the password and accepts. An empty password may
// be tried: pg_hba.conf may trust the person, or libpq may find one in ~/.pgpass.
//
// GUI thread only. The password is kept in memory for the connections to come and
// never shown or logged.
//
//   auto *dialog = new SignInDialog(config);
//   connect(dialog, &QDialog::accepted, this, [dialog] { use(dialog->signedInConfig()); });
//   dialog->open();
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SignInDialog(DatabaseConfig config, QWidget *parent = nullptr);
    ~SignInDialog() override;

    // A problem to show from the start (a remembered password that stopped working).
    void showProblem(const QString &message);
    void setRemember(bool remember);
    void setPassword(const QString &password);

    // After accepted(): the configuration that signed in (user and password), and who
    // the server says this is.
    DatabaseConfig signedInConfig() const { return m_config; }
    QString sessionUser() const { return m_sessionUser; }

    // Starts an attempt, as the Sign in button does.
    void signIn();

Q_SIGNALS:
    // After every attempt (for tests and the flow): the message shown, empty on success.
    void attemptFinished(bool signedIn, const QString &message);

private:
    QCoro::Task<> signInAsync();
    void setBusy(bool busy);

    DatabaseConfig m_config;
    QString m_sessionUser;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    bool m_busy = false;
};
