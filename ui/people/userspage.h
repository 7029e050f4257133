#pragma once

#include "models/core/person.h"
#include "models/db/result.h"

#include <QCoroTask>
#include <QPointer>
#include <QWidget>

#include <functional>

class DbExecutor;
class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;
class PeopleRepository;

// The administrators' Users page: the people who sign in to a shared PostgreSQL and
// their roles; add a person, change a role, disable a login, set a password. Every read
// and change runs on the executor's threads (PeopleRepository, the server's functions
// of migration 0013), never on the GUI thread; PostgreSQL refuses whoever is not an
// administrator, and its refusal is shown as the repository words it.
//
// The window shows the page only to administrators on PostgreSQL (canManage()).
// GUI thread only; the executor outlives the page.
//
//   auto *page = new UsersPage(executor, stack);
//   page->refresh();
class UsersPage : public QWidget
{
    Q_OBJECT
public:
    explicit UsersPage(DbExecutor &executor, QWidget *parent = nullptr);

    // Asks the server whether the signed-in login may manage people (off the GUI thread).
    static QCoro::Task<bool> canManage(DbExecutor &executor);

    void refresh();
    QString message() const;
    int rowCount() const;
    // The login of the selected row, or empty.
    QString currentLogin() const;
    // Whether the selected row's person may sign in (false without a selection).
    bool currentCanLogin() const;

    // The dialogs' results, also for tests (which skip the dialogs): each runs off the
    // GUI thread and reloads the list; the outcome lands in message().
    QCoro::Task<bool> addPerson(Person person, QString password);
    QCoro::Task<bool> setRole(QString login, QString role);
    QCoro::Task<bool> disable(QString login);
    QCoro::Task<bool> enable(QString login);
    QCoro::Task<bool> setPassword(QString login, QString password);

Q_SIGNALS:
    void loaded();

private:
    QCoro::Task<> load();
    QCoro::Task<bool> change(std::function<VoidResult(PeopleRepository &)> work, QString done);
    void showMessage(const QString &text, bool error);
    void updateButtons();
    void askAdd();
    void askRole();
    // Disable, or Enable for a person who is disabled (the one button says which).
    void askDisable();
    void askPassword();

    DbExecutor &m_executor;
    QStandardItemModel *m_model;
    QTableView *m_view;
    QLabel *m_message;
    QPushButton *m_add;
    QPushButton *m_role;
    QPushButton *m_disable;
    QPushButton *m_password;
    QString m_sessionLogin;
};
