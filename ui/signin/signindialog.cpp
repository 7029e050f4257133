#include "ui/signin/signindialog.h"

#include "models/db/pgsignin.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcSignIn)

SignInDialog::SignInDialog(DatabaseConfig config, QWidget *parent)
    : QDialog(parent)
    , m_config(std::move(config))
{
    setObjectName(u"signInDialog"_s);
    setWindowTitle(tr("Sign in to Residesk"));

    auto *intro = new QLabel(
        tr("Sign in to the database %1 on %2.").arg(m_config.databaseName, m_config.serverName()), this);
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);

    m_user = new QLineEdit(PgSignIn::effectiveUser(m_config), this);
    m_user->setObjectName(u"signInUser"_s);
    m_password = new QLineEdit(this);
    m_password->setObjectName(u"signInPassword"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("empty: the server may not need one"));
    m_remember = new QCheckBox(tr("&Remember password (in the system keychain)"), this);
    m_remember->setObjectName(u"signInRemember"_s);

    m_message = new QLabel(this);
    m_message->setObjectName(u"signInMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    m_buttons = new QDialogButtonBox(this);
    QPushButton *signInButton = m_buttons->addButton(tr("&Sign in"), QDialogButtonBox::AcceptRole);
    signInButton->setObjectName(u"signInButton"_s);
    signInButton->setDefault(true);
    m_buttons->addButton(tr("&Quit"), QDialogButtonBox::RejectRole)->setObjectName(u"signInQuit"_s);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignInDialog::signIn);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&User name:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_remember);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    if (m_user->text().isEmpty())
        m_user->setFocus();
    else
        m_password->setFocus();
}

SignInDialog::~SignInDialog() = default;

void SignInDialog::showProblem(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void SignInDialog::setRemember(bool remember)
{
    m_remember->setChecked(remember);
}

void SignInDialog::setPassword(const QString &password)
{
    m_password->setText(password);
}

void SignInDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_user->setEnabled(!busy);
    m_password->setEnabled(!busy);
    m_remember->setEnabled(!busy);
    if (QPushButton *button = findChild<QPushButton *>(u"signInButton"_s))
        button->setEnabled(!busy);
}

void SignInDialog::signIn()
{
    if (m_busy)
        return;
    if (m_user->text().trimmed().isEmpty()) {
        showProblem(tr("Enter a user name."));
        m_user->setFocus();
        return;
    }
    signInAsync();
}

QCoro::Task<> SignInDialog::signInAsync()
{
    QPointer<SignInDialog> self(this);
    DatabaseConfig attempt = m_config;
    attempt.user = m_user->text().trimmed();
    attempt.password = m_password->text();
    const bool remember = m_remember->isChecked();
    setBusy(true);
    showProblem(tr("Signing in as %1…").arg(attempt.user));

    auto trying = PgSignIn::attemptAsync(attempt);
    const PgSignIn::Outcome outcome = co_await trying;
    if (!self)
        co_return;
    if (!outcome.ok()) {
        setBusy(false);
        showProblem(outcome.message);
        m_password->setFocus();
        m_password->selectAll();
        Q_EMIT attemptFinished(false, outcome.message);
        co_return;
    }

    // Signed in: the keychain keeps the password, or forgets one remembered before.
    if (remember) {
        showProblem(tr("Storing the password in the system keychain…"));
        auto storing = PgSignIn::remember(attempt, attempt.password);
        const QString error = co_await storing;
        if (!error.isEmpty())
            qCWarning(lcSignIn) << "the password could not be stored in the system keychain:" << error;
    } else {
        auto forgetting = PgSignIn::forget(attempt);
        const QString error = co_await forgetting;
        if (!error.isEmpty())
            qCInfo(lcSignIn) << "no remembered password removed:" << error;
    }
    if (!self)
        co_return;
    m_config = attempt;
    m_sessionUser = outcome.sessionUser;
    setBusy(false);
    Q_EMIT attemptFinished(true, QString());
    accept();
}
