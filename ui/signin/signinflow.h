#pragma once

#include "models/db/databaseconfig.h"
#include "ui/signin/signindialog.h"

#include <QCoroTask>
#include <QObject>
#include <QPointer>

// Before the window connects to PostgreSQL: finds a password that works without
// asking (RESIDESK_DB_PASSWORD, else the one remembered in the system keychain, else
// libpq's own: ~/.pgpass, trust, peer, Kerberos) and otherwise asks with SignInDialog.
// `askFirst` (File ▸ Sign in as someone else…) always asks. Not used on SQLite.
//
// GUI thread only; nothing in it blocks (connection attempts run on a pool thread,
// keychain calls are asynchronous). finished() comes exactly once.
//
//   SignInFlow flow(config, false);
//   connect(&flow, &SignInFlow::finished, &app, [](bool ok) { QCoreApplication::exit(ok ? 0 : 1); });
//   flow.start();
class SignInFlow : public QObject
{
    Q_OBJECT
public:
    SignInFlow(DatabaseConfig config, bool askFirst, QObject *parent = nullptr);
    ~SignInFlow() override;

    void start();
    // After finished(true): the configuration that signed in and the server's name for
    // the person (session_user).
    DatabaseConfig config() const { return m_config; }
    QString sessionUser() const { return m_sessionUser; }
    // The dialog, while it is open (else null).
    SignInDialog *dialog() const { return m_dialog; }

Q_SIGNALS:
    void dialogShown(SignInDialog *dialog);
    // True: signed in; false: the person chose Quit.
    void finished(bool signedIn);

private:
    QCoro::Task<> run();
    void ask(const QString &problem, bool remember);
    void finish(bool signedIn);

    DatabaseConfig m_config;
    bool m_askFirst;
    bool m_finished = false;
    QString m_sessionUser;
    QPointer<SignInDialog> m_dialog;
};
