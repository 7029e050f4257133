#include "ui/mail/mailsettingsdialog.h"

#include "models/db/dbexecutor.h"
#include "tasks/jobengine.h"
#include "tasks/mail/mailsettings.h"
#include "tasks/mail/outbox.h"
#include "ui/widgets/theme.h"
#include "ui/windowservices.h"

#include <QComboBox>
#include <QCoroFuture>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
QSettings appSettings()
{
    return QSettings(u"Residesk"_s, u"Residesk"_s);
}
} // namespace

MailSettingsDialog::MailSettingsDialog(const WindowServices &services, QWidget *parent)
    : QDialog(parent)
    , m_executor(services.executor)
    , m_engine(services.engine)
    , m_actor(services.actor)
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_security(new QComboBox(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_fromAddress(new QLineEdit(this))
    , m_fromName(new QLineEdit(this))
    , m_rate(new QSpinBox(this))
    , m_testTo(new QLineEdit(this))
    , m_testButton(new QPushButton(tr("Send &test e-mail"), this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"mailSettingsDialog"_s);
    setWindowTitle(tr("E-mail settings"));
    m_host->setObjectName(u"mailHost"_s);
    m_port->setObjectName(u"mailPort"_s);
    m_security->setObjectName(u"mailSecurity"_s);
    m_user->setObjectName(u"mailUser"_s);
    m_password->setObjectName(u"mailPassword"_s);
    m_fromAddress->setObjectName(u"mailFromAddress"_s);
    m_fromName->setObjectName(u"mailFromName"_s);
    m_rate->setObjectName(u"mailRate"_s);
    m_testTo->setObjectName(u"mailTestTo"_s);
    m_testButton->setObjectName(u"mailTestButton"_s);
    m_status->setObjectName(u"mailSettingsStatus"_s);
    m_status->setWordWrap(true);

    m_host->setPlaceholderText(tr("smtp.example.edu"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("Default"));
    m_security->addItem(tr("STARTTLS (required)"),
                        MailSettings::securityCode(MailSettings::Security::StartTls));
    m_security->addItem(tr("TLS (smtps)"), MailSettings::securityCode(MailSettings::Security::Tls));
    m_security->addItem(tr("None (local relay only)"),
                        MailSettings::securityCode(MailSettings::Security::None));
    m_user->setPlaceholderText(tr("empty: no login"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("kept in the system keychain"));
    m_fromAddress->setPlaceholderText(tr("housing@example.edu"));
    m_fromName->setPlaceholderText(tr("Housing Office"));
    m_rate->setRange(0, 10000);
    m_rate->setSpecialValueText(tr("Unlimited"));
    m_rate->setSuffix(tr(" per minute"));
    m_testTo->setPlaceholderText(tr("recipient of the test e-mail"));
    m_testTo->setAccessibleName(tr("Recipient of the test e-mail"));

    const MailSettings current = [] {
        QSettings s = appSettings();
        return MailSettings::fromSettings(s);
    }();
    m_host->setText(current.host);
    m_port->setValue(current.port);
    m_security->setCurrentIndex(qMax(0, m_security->findData(MailSettings::securityCode(current.security))));
    m_user->setText(current.user);
    m_fromAddress->setText(current.fromAddress);
    m_fromName->setText(current.fromName);
    m_rate->setValue(current.ratePerMinute);
    m_testTo->setText(current.fromAddress);
    m_loadedKey = current.keychainKey();
    connect(m_password, &QLineEdit::textEdited, this, [this] { m_passwordEdited = true; });

    auto *form = new QFormLayout;
    form->addRow(tr("&Server:"), m_host);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("S&ecurity:"), m_security);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("Pass&word:"), m_password);
    form->addRow(tr("Sender &address:"), m_fromAddress);
    form->addRow(tr("Sender &name:"), m_fromName);
    form->addRow(tr("&Rate limit:"), m_rate);
    auto *test = new QHBoxLayout;
    test->addWidget(m_testTo, 1);
    test->addWidget(m_testButton);
    form->addRow(tr("Test:"), test);

    auto *layout = new QVBoxLayout(this);
    if (!qEnvironmentVariableIsEmpty("RESIDESK_SMTP_URL")) {
        auto *note = new QLabel(tr("RESIDESK_SMTP_URL is set in the environment: it is used instead of these "
                                   "settings while it is set."),
                                this);
        note->setObjectName(u"mailEnvironmentNote"_s);
        note->setWordWrap(true);
        layout->addWidget(note);
    }
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] { save(true); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_testButton, &QPushButton::clicked, this, &MailSettingsDialog::sendTest);

    if (!current.user.isEmpty() && !current.host.isEmpty())
        loadPassword();
}

MailSettingsDialog::~MailSettingsDialog() = default;

void MailSettingsDialog::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(problem ? Theme::errorStyle(palette()) : QString());
}

QCoro::Task<> MailSettingsDialog::loadPassword()
{
    QPointer<MailSettingsDialog> self(this);
    auto reading = MailSettings::readPassword(m_loadedKey);
    const MailSettings::Secret secret = co_await reading;
    if (!self || m_passwordEdited)
        co_return;
    if (secret.error.isEmpty())
        m_password->setText(secret.value);
    else if (!secret.notFound)
        setStatus(tr("The password could not be read from the system keychain: %1").arg(secret.error), true);
}

void MailSettingsDialog::save(bool closeAfter)
{
    saveAsync(closeAfter);
}

QCoro::Task<> MailSettingsDialog::saveAsync(bool closeAfter)
{
    QPointer<MailSettingsDialog> self(this);
    MailSettings s;
    s.host = m_host->text().trimmed();
    s.port = m_port->value();
    s.security = MailSettings::securityFromCode(m_security->currentData().toString())
                     .value_or(MailSettings::Security::StartTls);
    s.user = m_user->text().trimmed();
    s.fromAddress = m_fromAddress->text().trimmed();
    s.fromName = m_fromName->text().trimmed();
    s.ratePerMinute = m_rate->value();
    {
        QSettings settings = appSettings();
        s.saveTo(settings);
    }
    QString error;
    if (!s.user.isEmpty() && (m_passwordEdited || s.keychainKey() != m_loadedKey)) {
        m_buttons->setEnabled(false);
        setStatus(tr("Storing the password in the system keychain…"));
        auto storing = MailSettings::storePassword(s.keychainKey(), m_password->text());
        error = co_await storing;
        if (!self)
            co_return;
        m_buttons->setEnabled(true);
    }
    if (!error.isEmpty()) {
        setStatus(
            tr("The settings were saved, but the password could not be stored in the system keychain: %1")
                .arg(error),
            true);
        Q_EMIT saved(error);
        co_return;
    }
    m_passwordEdited = false;
    m_loadedKey = s.keychainKey();
    QStringList missing = s.missing();
    missing.removeIf([](const QString &m) { return m.contains(u"password"_s); });
    setStatus(missing.isEmpty() ? tr("Saved.") : tr("Saved. Still missing: %1.").arg(missing.join(u", "_s)),
              !missing.isEmpty());
    Q_EMIT saved(QString());
    if (closeAfter)
        accept();
}

void MailSettingsDialog::sendTest()
{
    sendTestAsync();
}

QCoro::Task<> MailSettingsDialog::sendTestAsync()
{
    QPointer<MailSettingsDialog> self(this);
    auto saving = saveAsync(false);
    co_await saving;
    if (!self)
        co_return;
    OutboxMessage m;
    m.toAddress = m_testTo->text().trimmed();
    m.subject = tr("Residesk test e-mail");
    m.bodyText = tr("This is a test e-mail from Residesk, sent by %1 to check the e-mail settings.\n")
                     .arg(m_actor.username);
    m.relatedEntity = u"test"_s;
    auto future =
        m_executor.write([m, actor = m_actor](Database &db) { return Outbox(db).enqueue(m, actor); });
    const Result<Outbox::Enqueued> queued = co_await future;
    if (!self)
        co_return;
    if (!queued) {
        setStatus(tr("The test e-mail could not be queued: %1").arg(queued.error().text()), true);
        Q_EMIT testQueued(0, 0, queued.error().text());
        co_return;
    }
    if (m_engine)
        m_engine->wake();
    setStatus(
        tr("Test e-mail %1 queued; the Outbox shows when it is sent or why it failed.").arg(queued->id));
    Q_EMIT testQueued(queued->id, queued->drainJobId, QString());
}
