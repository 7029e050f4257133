#include "ui/sms/smssettingsdialog.h"

#include "models/core/keychain.h"
#include "models/core/phonenumber.h"
#include "models/db/dbexecutor.h"
#include "tasks/jobengine.h"
#include "tasks/jobstore.h"
#include "tasks/sms/smsoutbox.h"
#include "tasks/sms/smssettings.h"
#include "ui/widgets/theme.h"
#include "ui/windowservices.h"

#include <QComboBox>
#include <QCoroFuture>
#include <QCoroTimer>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
// How often the test message is looked at while it is on its way, and for how long
// beyond the gateway's own timeout.
constexpr auto kFollowEvery = std::chrono::milliseconds(400);
constexpr qint64 kFollowGraceMs = 60000;
const QString kTestNumberKey = u"sms/test_number"_s;

QSettings appSettings()
{
    return QSettings(u"Residesk"_s, u"Residesk"_s);
}

struct Followed
{
    Result<SmsRecord> message;
    Result<Job> drain;
};
} // namespace

SmsSettingsDialog::SmsSettingsDialog(const WindowServices &services, QWidget *parent)
    : QDialog(parent)
    , m_executor(services.executor)
    , m_engine(services.engine)
    , m_actor(services.actor)
    , m_url(new QLineEdit(this))
    , m_auth(new QComboBox(this))
    , m_user(new QLineEdit(this))
    , m_secret(new QLineEdit(this))
    , m_contentType(new QComboBox(this))
    , m_template(new QLineEdit(this))
    , m_sender(new QLineEdit(this))
    , m_region(new QLineEdit(this))
    , m_timeout(new QSpinBox(this))
    , m_rate(new QSpinBox(this))
    , m_testTo(new QLineEdit(this))
    , m_testButton(new QPushButton(tr("Send test messa&ge"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"smsSettingsDialog"_s);
    setWindowTitle(tr("Text message settings"));
    m_url->setObjectName(u"smsUrl"_s);
    m_auth->setObjectName(u"smsAuth"_s);
    m_user->setObjectName(u"smsUser"_s);
    m_secret->setObjectName(u"smsSecret"_s);
    m_contentType->setObjectName(u"smsContentType"_s);
    m_template->setObjectName(u"smsTemplate"_s);
    m_sender->setObjectName(u"smsSender"_s);
    m_region->setObjectName(u"smsRegion"_s);
    m_timeout->setObjectName(u"smsTimeout"_s);
    m_rate->setObjectName(u"smsRate"_s);
    m_testTo->setObjectName(u"smsTestTo"_s);
    m_testButton->setObjectName(u"smsTestButton"_s);
    m_progress->setObjectName(u"smsTestProgress"_s);
    m_status->setObjectName(u"smsSettingsStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_url->setPlaceholderText(tr("https://sms.example.com/api/messages"));
    m_auth->addItem(tr("None"), SmsSettings::authCode(SmsSettings::Auth::None));
    m_auth->addItem(tr("Bearer token"), SmsSettings::authCode(SmsSettings::Auth::Bearer));
    m_auth->addItem(tr("User and password (basic)"), SmsSettings::authCode(SmsSettings::Auth::Basic));
    m_user->setPlaceholderText(tr("for basic authentication"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("kept in the system keychain"));
    m_contentType->addItem(tr("JSON"), SmsSettings::contentTypeCode(SmsSettings::ContentType::Json));
    m_contentType->addItem(tr("Form fields"), SmsSettings::contentTypeCode(SmsSettings::ContentType::Form));
    m_template->setToolTip(tr("The request body: {to} is the number (E.164), {text} the message, {name} "
                              "the recipient's name and {from} the sender."));
    m_sender->setPlaceholderText(tr("optional; the number or name for {from}"));
    m_region->setMaxLength(2);
    m_region->setValidator(new QRegularExpressionValidator(QRegularExpression(u"[A-Za-z]{0,2}"_s), m_region));
    m_region->setPlaceholderText(tr("empty: %1").arg(PhoneNumber::defaultRegion()));
    m_timeout->setRange(1, 600);
    m_timeout->setSuffix(tr(" s"));
    m_rate->setRange(0, 10000);
    m_rate->setSpecialValueText(tr("Unlimited"));
    m_rate->setSuffix(tr(" per minute"));
    m_testTo->setPlaceholderText(tr("phone number for the test message"));
    m_progress->setRange(0, 0); // busy: the gateway says when it is done
    m_progress->setTextVisible(false);
    m_progress->setAccessibleName(tr("Sending the test message"));
    m_progress->hide();

    QSettings stored = appSettings();
    const SmsSettings current = SmsSettings::fromSettings(stored);
    m_url->setText(current.url.toString());
    m_auth->setCurrentIndex(qMax(0, m_auth->findData(SmsSettings::authCode(current.auth))));
    m_user->setText(current.user);
    m_contentType->setCurrentIndex(
        qMax(0, m_contentType->findData(SmsSettings::contentTypeCode(current.contentType))));
    m_template->setText(current.bodyTemplate);
    m_sender->setText(current.sender);
    m_region->setText(current.defaultRegion);
    m_timeout->setValue(current.timeoutMs / 1000);
    m_rate->setValue(current.ratePerMinute);
    m_testTo->setText(stored.value(kTestNumberKey).toString());
    m_loadedKey = current.keychainKey();
    connect(m_secret, &QLineEdit::textEdited, this, [this] { m_secretEdited = true; });
    connect(m_auth, &QComboBox::currentIndexChanged, this, &SmsSettingsDialog::updateFields);
    // A new format starts from its own template unless the person wrote one of their own.
    connect(m_contentType, &QComboBox::currentIndexChanged, this, [this] {
        const SmsSettings::ContentType type =
            SmsSettings::contentTypeFromCode(m_contentType->currentData().toString())
                .value_or(SmsSettings::ContentType::Json);
        const QString text = m_template->text().trimmed();
        if (text.isEmpty() || text == SmsSettings::defaultTemplate(SmsSettings::ContentType::Json) ||
            text == SmsSettings::defaultTemplate(SmsSettings::ContentType::Form))
            m_template->setText(SmsSettings::defaultTemplate(type));
    });

    auto *form = new QFormLayout;
    form->addRow(tr("Gateway &URL:"), m_url);
    form->addRow(tr("&Authentication:"), m_auth);
    form->addRow(tr("User na&me:"), m_user);
    form->addRow(tr("To&ken or password:"), m_secret);
    form->addRow(tr("Body &format:"), m_contentType);
    form->addRow(tr("Body t&emplate:"), m_template);
    form->addRow(tr("Se&nder:"), m_sender);
    form->addRow(tr("Default &region:"), m_region);
    form->addRow(tr("T&imeout:"), m_timeout);
    form->addRow(tr("Rate &limit:"), m_rate);
    auto *test = new QHBoxLayout;
    test->addWidget(m_testTo, 1);
    test->addWidget(m_testButton);
    form->addRow(tr("&Test:"), test);
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(test)))
        label->setBuddy(m_testTo);

    auto *layout = new QVBoxLayout(this);
    if (!qEnvironmentVariableIsEmpty("RESIDESK_SMS_URL")) {
        auto *note = new QLabel(tr("RESIDESK_SMS_URL is set in the environment: it and the other "
                                   "RESIDESK_SMS_* variables are used instead of these settings while it is "
                                   "set."),
                                this);
        note->setObjectName(u"smsEnvironmentNote"_s);
        note->setWordWrap(true);
        layout->addWidget(note);
    }
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] { save(true); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_testButton, &QPushButton::clicked, this, &SmsSettingsDialog::sendTest);

    updateFields();
    if (current.auth != SmsSettings::Auth::None && !current.url.isEmpty())
        loadSecret();
}

SmsSettingsDialog::~SmsSettingsDialog() = default;

QString SmsSettingsDialog::statusText() const
{
    return m_status->text();
}

void SmsSettingsDialog::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(problem ? Theme::errorStyle(palette()) : QString());
}

void SmsSettingsDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    m_testButton->setEnabled(!busy);
}

void SmsSettingsDialog::updateFields()
{
    const auto auth =
        SmsSettings::authFromCode(m_auth->currentData().toString()).value_or(SmsSettings::Auth::None);
    m_user->setEnabled(auth == SmsSettings::Auth::Basic);
    m_secret->setEnabled(auth != SmsSettings::Auth::None);
}

SmsSettings SmsSettingsDialog::formValues() const
{
    SmsSettings s;
    s.url = QUrl(m_url->text().trimmed(), QUrl::StrictMode);
    s.auth = SmsSettings::authFromCode(m_auth->currentData().toString()).value_or(SmsSettings::Auth::None);
    s.user = s.auth == SmsSettings::Auth::Basic ? m_user->text().trimmed() : QString();
    s.secret = s.auth == SmsSettings::Auth::None ? QString() : m_secret->text();
    s.contentType = SmsSettings::contentTypeFromCode(m_contentType->currentData().toString())
                        .value_or(SmsSettings::ContentType::Json);
    s.bodyTemplate = m_template->text();
    if (s.bodyTemplate.trimmed().isEmpty())
        s.bodyTemplate = SmsSettings::defaultTemplate(s.contentType);
    s.sender = m_sender->text().trimmed();
    s.defaultRegion = m_region->text().trimmed().toUpper();
    s.timeoutMs = m_timeout->value() * 1000;
    s.ratePerMinute = m_rate->value();
    return s;
}

QCoro::Task<> SmsSettingsDialog::loadSecret()
{
    QPointer<SmsSettingsDialog> self(this);
    auto reading = Keychain::read(m_loadedKey); // named: GCC 12 bug 100611
    const Keychain::Secret secret = co_await reading;
    if (!self || m_secretEdited)
        co_return;
    if (secret.error.isEmpty())
        m_secret->setText(secret.value);
    else if (!secret.notFound)
        setStatus(tr("The gateway's token or password could not be read from the system keychain: %1")
                      .arg(secret.error),
                  true);
}

void SmsSettingsDialog::save(bool closeAfter)
{
    saveAsync(closeAfter);
}

QCoro::Task<bool> SmsSettingsDialog::saveAsync(bool closeAfter)
{
    QPointer<SmsSettingsDialog> self(this);
    const SmsSettings s = formValues();
    // As `residesk sms settings`: nothing the gateway could not use is saved. A secret
    // not typed here may be in the keychain already (still being read, or unreadable).
    SmsSettings check = s;
    if (check.auth != SmsSettings::Auth::None && check.secret.isEmpty() && !m_secretEdited)
        check.secret = u"-"_s;
    const QStringList problems = check.problems();
    if (!problems.isEmpty()) {
        const QString error = tr("Not saved: the settings lack %1.").arg(problems.join(u"; "_s));
        setStatus(error, true);
        Q_EMIT saved(error);
        co_return false;
    }
    {
        QSettings settings = appSettings();
        s.saveTo(settings);
        settings.setValue(kTestNumberKey, m_testTo->text().trimmed());
        settings.sync();
        if (settings.status() != QSettings::NoError) {
            const QString error =
                tr("Not saved: the settings file %1 cannot be written.").arg(settings.fileName());
            setStatus(error, true);
            Q_EMIT saved(error);
            co_return false;
        }
    }
    QString error;
    const bool keyChanged = s.keychainKey() != m_loadedKey;
    if (s.auth != SmsSettings::Auth::None && !s.secret.isEmpty() && (m_secretEdited || keyChanged)) {
        m_buttons->setEnabled(false);
        setStatus(tr("Storing the token or password in the system keychain…"));
        // The key `residesk sms settings --secret-stdin` stores it under.
        auto storing = Keychain::store(s.keychainKey(), s.secret);
        error = co_await storing;
        if (!self)
            co_return false;
        m_buttons->setEnabled(true);
    }
    if (!error.isEmpty()) {
        const QString text =
            tr("The settings were saved, but the token or password could not be stored in the system "
               "keychain: %1")
                .arg(error);
        setStatus(text, true);
        Q_EMIT saved(text);
        co_return false;
    }
    m_secretEdited = false;
    m_loadedKey = s.keychainKey();
    setStatus(tr("Saved."));
    Q_EMIT saved(QString());
    if (closeAfter)
        accept();
    co_return true;
}

void SmsSettingsDialog::sendTest()
{
    if (!m_busy)
        sendTestAsync();
}

QCoro::Task<> SmsSettingsDialog::sendTestAsync()
{
    QPointer<SmsSettingsDialog> self(this);
    setBusy(true);
    const auto fail = [this](qint64 id, const QString &state, const QString &error) {
        setBusy(false);
        setStatus(error, true);
        if (id > 0)
            Q_EMIT testFinished(id, state, error);
        else
            Q_EMIT testQueued(0, 0, error);
    };

    // The number first: a test cannot go anywhere without one.
    const QString typed = m_testTo->text().trimmed();
    const QString region = m_region->text().trimmed().toUpper();
    if (typed.isEmpty()) {
        fail(0, {}, tr("Test: enter the phone number the test message goes to."));
        co_return;
    }
    const PhoneNumber::Parsed number =
        PhoneNumber::normalize(typed, region.isEmpty() ? PhoneNumber::defaultRegion() : region);
    if (!number.ok()) {
        fail(0, {}, tr("Test: %1").arg(number.error));
        co_return;
    }

    auto saving = saveAsync(false); // named: GCC 12 bug 100611
    const bool savedOk = co_await saving;
    if (!self)
        co_return;
    if (!savedOk) {
        setBusy(false);
        Q_EMIT testQueued(0, 0, m_status->text());
        co_return;
    }
    // The environment wins over what was just saved: say so if it cannot send.
    QString envError;
    if (const std::optional<SmsSettings> env = SmsSettings::fromEnvironment(&envError)) {
        QStringList problems = env->problems();
        if (!envError.isEmpty())
            problems.prepend(envError);
        if (!problems.isEmpty()) {
            fail(0, {},
                 tr("The test message was not queued: RESIDESK_SMS_URL is set, and the environment's "
                    "settings lack %1.")
                     .arg(problems.join(u"; "_s)));
            co_return;
        }
    }

    SmsMessage m;
    m.toNumber = number.e164;
    m.text = tr("This is a test text message from Residesk, sent by %1.").arg(m_actor.username);
    m.relatedEntity = u"test"_s;
    auto queueing =
        m_executor.write([m, actor = m_actor](Database &db) { return SmsOutbox(db).enqueue(m, actor); });
    const Result<SmsOutbox::Enqueued> queued = co_await queueing;
    if (!self)
        co_return;
    if (!queued) {
        fail(0, {}, tr("The test message could not be queued: %1").arg(queued.error().text()));
        co_return;
    }
    const qint64 id = queued->id;
    const qint64 jobId = queued->drainJobId;
    Q_EMIT testQueued(id, jobId, QString());
    if (!m_engine) {
        setBusy(false);
        setStatus(tr("Test message %1 to %2 queued. This window runs no jobs: a worker (residesk worker) "
                     "sends it; the Text messages panel shows when it goes out or why not.")
                      .arg(id)
                      .arg(number.e164));
        Q_EMIT testFinished(id, u"queued"_s, QString());
        co_return;
    }
    m_engine->wake();
    setStatus(tr("Test message %1 to %2 queued; waiting for the gateway…").arg(id).arg(number.e164));

    // Follow it to the gateway's answer.
    const qint64 deadline =
        QDateTime::currentMSecsSinceEpoch() + qint64(m_timeout->value()) * 1000 + kFollowGraceMs;
    while (true) {
        auto pause = QCoro::sleepFor(kFollowEvery); // named: GCC 12 bug 100611
        co_await pause;
        if (!self)
            co_return;
        auto reading = m_executor.read([id, jobId](Database &db) {
            return Followed{SmsOutbox(db).get(id), jobId > 0 ? JobStore(db).get(jobId) : Result<Job>(Job{})};
        });
        const Followed now = co_await reading;
        if (!self)
            co_return;
        if (!now.message) {
            fail(id, {}, tr("Test message %1 could not be read: %2").arg(id).arg(now.message.error().text()));
            co_return;
        }
        const SmsRecord &r = now.message.value();
        switch (r.state) {
        case OutboxState::Sent:
            setBusy(false);
            setStatus(tr("Test message %1 sent to %2. The gateway answered: %3")
                          .arg(id)
                          .arg(r.toNumber, r.gatewayReply.simplified()));
            Q_EMIT testFinished(id, u"sent"_s, QString());
            co_return;
        case OutboxState::Failed:
            fail(id, u"failed"_s,
                 tr("The gateway refused test message %1: %2").arg(id).arg(r.lastError.simplified()));
            co_return;
        case OutboxState::Uncertain:
            fail(id, u"uncertain"_s,
                 tr("Test message %1 went out, but no answer came: it may or may not have arrived. %2")
                     .arg(id)
                     .arg(r.lastError.simplified()));
            co_return;
        case OutboxState::Sending:
            setStatus(tr("Sending test message %1 to %2…").arg(id).arg(r.toNumber));
            break;
        case OutboxState::Queued:
            if (!r.lastError.isEmpty()) {
                fail(id, u"queued"_s,
                     tr("Test message %1 was not sent: %2 It stays in the Text messages panel.")
                         .arg(id)
                         .arg(r.lastError.simplified()));
                co_return;
            }
            if (now.drain && now.drain->state == JobState::Failed) {
                fail(id, u"queued"_s,
                     tr("Test message %1 was not sent: %2").arg(id).arg(now.drain->errorText().simplified()));
                co_return;
            }
            break;
        }
        if (QDateTime::currentMSecsSinceEpoch() > deadline) {
            fail(id, OutboxStates::code(r.state),
                 tr("Test message %1 has not gone out yet; the Text messages panel shows when it does, or "
                    "why not.")
                     .arg(id));
            co_return;
        }
    }
}
