#include "ui/people/userspage.h"

#include "models/core/peoplerepository.h"
#include "models/db/dbexecutor.h"

#include <QComboBox>
#include <QCoroFuture>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

enum Column { Login, FullName, Title, Email, Role, SignIn, ColumnCount };

QString roleLabel(const QString &role)
{
    if (role == u"admin"_s)
        return UsersPage::tr("Administrator");
    if (role == u"housing"_s)
        return UsersPage::tr("Housing");
    if (role == u"vet"_s)
        return UsersPage::tr("Vet");
    if (role == u"worker"_s)
        return UsersPage::tr("Worker");
    return role;
}

QComboBox *roleCombo(QWidget *parent, const QString &current = {})
{
    auto *combo = new QComboBox(parent);
    for (const QString &role : PeopleRepository::roles())
        combo->addItem(roleLabel(role), role);
    if (!current.isEmpty())
        combo->setCurrentIndex(combo->findData(current));
    return combo;
}

// Two password fields that must agree; the OK button waits for them.
struct PasswordFields
{
    QLineEdit *first;
    QLineEdit *second;

    PasswordFields(QFormLayout *form, QWidget *parent)
        : first(new QLineEdit(parent))
        , second(new QLineEdit(parent))
    {
        first->setEchoMode(QLineEdit::Password);
        second->setEchoMode(QLineEdit::Password);
        form->addRow(UsersPage::tr("&Password:"), first);
        form->addRow(UsersPage::tr("&Again:"), second);
    }
    bool ok() const { return !first->text().isEmpty() && first->text() == second->text(); }
};

} // namespace

UsersPage::UsersPage(DbExecutor &executor, QWidget *parent)
    : QWidget(parent)
    , m_executor(executor)
    , m_model(new QStandardItemModel(0, ColumnCount, this))
    , m_view(new QTableView(this))
    , m_message(new QLabel(this))
    , m_add(new QPushButton(tr("&Add person…"), this))
    , m_role(new QPushButton(tr("Change &role…"), this))
    , m_disable(new QPushButton(tr("&Disable"), this))
    , m_password(new QPushButton(tr("Set pass&word…"), this))
{
    setObjectName(u"usersPage"_s);
    m_model->setHorizontalHeaderLabels(
        {tr("Login"), tr("Full name"), tr("Title"), tr("E-mail"), tr("Role"), tr("Sign-in")});
    m_view->setObjectName(u"usersView"_s);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_message->setObjectName(u"usersMessage"_s);
    m_disable->setObjectName(u"disableButton"_s);
    m_message->setWordWrap(true);

    auto *title = new QLabel(tr("<h2>Users</h2>"), this);
    auto *note =
        new QLabel(tr("People sign in as their own PostgreSQL login; the role decides what the server "
                      "lets them do."),
                   this);
    note->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_add, m_role, m_disable, m_password})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(note);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_message);

    connect(m_add, &QPushButton::clicked, this, &UsersPage::askAdd);
    connect(m_role, &QPushButton::clicked, this, &UsersPage::askRole);
    connect(m_disable, &QPushButton::clicked, this, &UsersPage::askDisable);
    connect(m_password, &QPushButton::clicked, this, &UsersPage::askPassword);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &UsersPage::updateButtons);
    updateButtons();
}

QCoro::Task<bool> UsersPage::canManage(DbExecutor &executor)
{
    auto future = executor.read([](Database &db) { return PeopleRepository(db).canManagePeople(); });
    const Result<bool> allowed = co_await future;
    co_return allowed &&allowed.value();
}

void UsersPage::refresh()
{
    load();
}

QString UsersPage::message() const
{
    return m_message->text();
}

int UsersPage::rowCount() const
{
    return m_model->rowCount();
}

QString UsersPage::currentLogin() const
{
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid() || !m_view->selectionModel()->isRowSelected(index.row(), {}))
        return {};
    return m_model->item(index.row(), Login)->text();
}

bool UsersPage::currentCanLogin() const
{
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid() || !m_view->selectionModel()->isRowSelected(index.row(), {}))
        return false;
    return m_model->item(index.row(), SignIn)->data(Qt::UserRole).toBool();
}

void UsersPage::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? u"color: palette(link-visited);"_s : QString());
    m_message->setProperty("error", error);
}

void UsersPage::updateButtons()
{
    const QString login = currentLogin();
    m_role->setEnabled(!login.isEmpty());
    m_disable->setEnabled(!login.isEmpty() && login != m_sessionLogin);
    // One button, two verbs: a disabled person's row offers Enable.
    const bool enabling = !login.isEmpty() && !currentCanLogin();
    m_disable->setText(enabling ? tr("&Enable") : tr("&Disable"));
    m_disable->setToolTip(enabling ? tr("Let this person sign in again.")
                                   : tr("Stop this person from signing in and end their open sessions."));
    m_password->setEnabled(!login.isEmpty());
}

QCoro::Task<> UsersPage::load()
{
    QPointer<UsersPage> self(this);
    struct Loaded
    {
        Result<QList<Person>> people;
        QString login;
    };
    auto future = m_executor.read([](Database &db) {
        PeopleRepository repository(db);
        Loaded loaded{repository.list(), {}};
        loaded.login = repository.currentLogin();
        return loaded;
    });
    const Loaded got = co_await future;
    if (!self)
        co_return;
    m_sessionLogin = got.login;
    const QString selected = currentLogin();
    m_model->removeRows(0, m_model->rowCount());
    if (!got.people) {
        showMessage(tr("The people could not be loaded: %1").arg(got.people.error().message), true);
        updateButtons();
        Q_EMIT loaded();
        co_return;
    }
    for (const Person &p : got.people.value()) {
        QList<QStandardItem *> row;
        row << new QStandardItem(p.login) << new QStandardItem(p.fullName) << new QStandardItem(p.title)
            << new QStandardItem(p.email) << new QStandardItem(roleLabel(p.role))
            << new QStandardItem(p.canLogin ? tr("Allowed") : tr("Disabled"));
        row.at(Role)->setData(p.role, Qt::UserRole);
        row.at(SignIn)->setData(p.canLogin, Qt::UserRole);
        m_model->appendRow(row);
        if (p.login == selected)
            m_view->selectRow(m_model->rowCount() - 1);
    }
    m_view->resizeColumnsToContents();
    updateButtons();
    Q_EMIT loaded();
}

QCoro::Task<bool> UsersPage::change(std::function<VoidResult(PeopleRepository &)> work, QString done)
{
    QPointer<UsersPage> self(this);
    showMessage(tr("Working…"), false);
    auto future = m_executor.write([work = std::move(work)](Database &db) {
        PeopleRepository repository(db);
        return work(repository);
    });
    const VoidResult result = co_await future;
    if (!self)
        co_return false;
    if (!result) {
        const DbError e = result.error();
        showMessage(e.code == DbError::Code::Validation ? e.text() : e.message, true);
        co_return false;
    }
    showMessage(done, false);
    load();
    co_return true;
}

// Each task is a named local, not a temporary of the co_await expression: GCC 12
// destroys those twice (GCC bug 100611).
QCoro::Task<bool> UsersPage::addPerson(Person person, QString password)
{
    const QString done = tr("%1 was added as %2.").arg(person.login, roleLabel(person.role));
    auto task = change([person, password](PeopleRepository &r) { return r.add(person, password); }, done);
    co_return co_await task;
}

QCoro::Task<bool> UsersPage::setRole(QString login, QString role)
{
    const QString done = tr("%1 is now %2.").arg(login, roleLabel(role));
    auto task = change([login, role](PeopleRepository &r) { return r.setRole(login, role); }, done);
    co_return co_await task;
}

QCoro::Task<bool> UsersPage::disable(QString login)
{
    const QString done = tr("%1 can no longer sign in.").arg(login);
    auto task = change([login](PeopleRepository &r) { return r.disable(login); }, done);
    co_return co_await task;
}

QCoro::Task<bool> UsersPage::enable(QString login)
{
    const QString done = tr("%1 can sign in again.").arg(login);
    auto task = change([login](PeopleRepository &r) { return r.enable(login); }, done);
    co_return co_await task;
}

QCoro::Task<bool> UsersPage::setPassword(QString login, QString password)
{
    const QString done = tr("The password of %1 was changed.").arg(login);
    const bool own = login == m_sessionLogin;
    auto task = change(
        [login, password, own](PeopleRepository &r) {
            return own ? r.setOwnPassword(password) : r.setPassword(login, password);
        },
        done);
    co_return co_await task;
}

void UsersPage::askAdd()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Add person"));
    auto *form = new QFormLayout;
    auto *login = new QLineEdit(&dialog);
    login->setPlaceholderText(tr("lowercase letters, digits, _"));
    auto *fullName = new QLineEdit(&dialog);
    auto *title = new QLineEdit(&dialog);
    auto *email = new QLineEdit(&dialog);
    QComboBox *role = roleCombo(&dialog, u"housing"_s);
    form->addRow(tr("&Login:"), login);
    form->addRow(tr("&Full name:"), fullName);
    form->addRow(tr("&Title:"), title);
    form->addRow(tr("&E-mail:"), email);
    form->addRow(tr("&Role:"), role);
    PasswordFields passwords(form, &dialog);
    auto *problem = new QLabel(&dialog);
    problem->setWordWrap(true);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    const auto check = [&] {
        QString why;
        if (const auto p = PeopleRepository::loginProblem(login->text()); p && !login->text().isEmpty())
            why = *p;
        else if (!passwords.second->text().isEmpty() && passwords.first->text() != passwords.second->text())
            why = tr("The two passwords differ.");
        problem->setText(why);
        box->button(QDialogButtonBox::Ok)
            ->setEnabled(why.isEmpty() && !login->text().isEmpty() && !fullName->text().trimmed().isEmpty() &&
                         passwords.ok());
    };
    for (QLineEdit *edit : {login, fullName, passwords.first, passwords.second})
        connect(edit, &QLineEdit::textChanged, &dialog, check);
    check();
    connect(box, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(problem);
    layout->addWidget(box);
    if (dialog.exec() != QDialog::Accepted)
        return;
    addPerson({login->text(), fullName->text(), title->text(), email->text(), role->currentData().toString()},
              passwords.first->text());
}

void UsersPage::askRole()
{
    const QString login = currentLogin();
    if (login.isEmpty())
        return;
    const QString current = m_model->item(m_view->currentIndex().row(), Role)->data(Qt::UserRole).toString();
    QStringList labels;
    for (const QString &role : PeopleRepository::roles())
        labels << roleLabel(role);
    bool ok = false;
    const QString label =
        QInputDialog::getItem(this, tr("Change role"), tr("New role of %1:").arg(login), labels,
                              int(PeopleRepository::roles().indexOf(current)), false, &ok);
    if (!ok)
        return;
    setRole(login, PeopleRepository::roles().value(labels.indexOf(label)));
}

void UsersPage::askDisable()
{
    const QString login = currentLogin();
    if (login.isEmpty())
        return;
    if (!currentCanLogin()) {
        enable(login);
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, tr("Disable %1").arg(login),
                                tr("%1 will no longer be able to sign in, and the sessions %1 has open end now.")
                                    .arg(login),
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(u"disableQuestion"_s);
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::accepted, this, [this, login] { disable(login); });
    box->open();
}

void UsersPage::askPassword()
{
    const QString login = currentLogin();
    if (login.isEmpty())
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Password of %1").arg(login));
    auto *form = new QFormLayout;
    PasswordFields passwords(form, &dialog);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    const auto check = [&] {
        box->button(QDialogButtonBox::Ok)->setEnabled(passwords.ok());
    };
    for (QLineEdit *edit : {passwords.first, passwords.second})
        connect(edit, &QLineEdit::textChanged, &dialog, check);
    check();
    connect(box, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(box);
    if (dialog.exec() != QDialog::Accepted)
        return;
    setPassword(login, passwords.first->text());
}
