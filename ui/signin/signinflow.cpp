#include "ui/signin/signinflow.h"

#include "models/db/pgsignin.h"
#include "ui/signin/signindialog.h"

#include <QLoggingCategory>

using namespace std::chrono_literals;

Q_DECLARE_LOGGING_CATEGORY(lcSignIn)

SignInFlow::SignInFlow(DatabaseConfig config, bool askFirst, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_askFirst(askFirst)
{}

SignInFlow::~SignInFlow()
{
    delete m_dialog.data();
}

void SignInFlow::start()
{
    run();
}

QCoro::Task<> SignInFlow::run()
{
    QPointer<SignInFlow> self(this);
    if (m_askFirst) {
        ask({}, false);
        co_return;
    }

    DatabaseConfig trying = m_config;
    bool remembered = false;
    if (!trying.passwordFromEnvironment) {
        auto reading = PgSignIn::rememberedPassword(trying, 5s);
        const Keychain::Secret secret = co_await reading;
        if (!self)
            co_return;
        if (secret.error.isEmpty()) {
            trying.password = secret.value;
            remembered = true;
        } else if (!secret.notFound) {
            qCInfo(lcSignIn) << "no password from the system keychain:" << secret.error;
        }
    }

    auto attempting = PgSignIn::attemptAsync(trying);
    const PgSignIn::Outcome outcome = co_await attempting;
    if (!self)
        co_return;
    if (outcome.ok()) {
        m_config = trying;
        m_sessionUser = outcome.sessionUser;
        finish(true);
        co_return;
    }
    // A first sign-in (the server wants a password nobody gave) needs no complaint.
    const bool firstTime =
        outcome.result == PgSignIn::Result::PasswordNeeded && !remembered && !trying.passwordFromEnvironment;
    ask(firstTime ? QString() : outcome.message, remembered);
}

void SignInFlow::ask(const QString &problem, bool remember)
{
    auto *dialog = new SignInDialog(m_config);
    m_dialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->showProblem(problem);
    dialog->setRemember(remember);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_config = dialog->signedInConfig();
        m_sessionUser = dialog->sessionUser();
        finish(true);
    });
    connect(dialog, &QDialog::rejected, this, [this] { finish(false); });
    dialog->open();
    Q_EMIT dialogShown(dialog);
}

void SignInFlow::finish(bool signedIn)
{
    if (std::exchange(m_finished, true))
        return;
    Q_EMIT finished(signedIn);
}
