#include "ui/sync/registrarsyncdialog.h"

#include "models/core/keychain.h"
#include "models/db/dbexecutor.h"
#include "tasks/jobstore.h"
#include "tasks/sync/registrarsyncstore.h"
#include "tasks/sync/synctasks.h"
#include "ui/widgets/theme.h"

#include <QComboBox>
#include <QCoroFuture>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

RegistrarSyncDialog::RegistrarSyncDialog(const WindowServices &services, QWidget *parent)
    : QDialog(parent)
    , m_services(services)
    , m_url(new QLineEdit(this))
    , m_auth(new QComboBox(this))
    , m_user(new QLineEdit(this))
    , m_secret(new QLineEdit(this))
    , m_schedule(new QLineEdit(this))
    , m_timeout(new QSpinBox(this))
    , m_status(new QLabel(this))
    , m_syncNow(new QPushButton(tr("Sync &now"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"registrarSyncDialog"_s);
    setWindowTitle(tr("Registrar sync"));
    m_url->setObjectName(u"url"_s);
    m_url->setPlaceholderText(tr("https://registrar.example.edu/exports/residents.csv"));
    m_auth->setObjectName(u"auth"_s);
    m_auth->addItem(tr("None"), RegistrarSyncSettings::authCode(RegistrarSyncSettings::Auth::None));
    m_auth->addItem(tr("User name and password (basic)"),
                    RegistrarSyncSettings::authCode(RegistrarSyncSettings::Auth::Basic));
    m_auth->addItem(tr("Token (bearer)"),
                    RegistrarSyncSettings::authCode(RegistrarSyncSettings::Auth::Bearer));
    m_user->setObjectName(u"user"_s);
    m_secret->setObjectName(u"secret"_s);
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("kept in the system keychain"));
    m_schedule->setObjectName(u"schedule"_s);
    m_schedule->setPlaceholderText(tr("e.g. 0 6 * * * (daily at 06:00 UTC); empty: by hand only"));
    m_timeout->setObjectName(u"timeout"_s);
    m_timeout->setRange(1, 3600);
    m_timeout->setSuffix(tr(" s"));
    m_syncNow->setObjectName(u"syncNow"_s);
    m_status->setObjectName(u"status"_s);
    m_status->setWordWrap(true);
    m_buttons->addButton(m_syncNow, QDialogButtonBox::ActionRole);

    auto *form = new QFormLayout;
    form->addRow(tr("Export &URL:"), m_url);
    form->addRow(tr("&Authentication:"), m_auth);
    form->addRow(tr("User &name:"), m_user);
    form->addRow(tr("&Password or token:"), m_secret);
    form->addRow(tr("&Schedule:"), m_schedule);
    form->addRow(tr("&Timeout:"), m_timeout);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

    connect(m_auth, &QComboBox::currentIndexChanged, this, &RegistrarSyncDialog::updateAuthFields);
    connect(m_secret, &QLineEdit::textEdited, this, [this] { m_secretEdited = true; });
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] { saveAndClose(); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_syncNow, &QPushButton::clicked, this, [this] { syncNow(); });
    m_buttons->setEnabled(false);
    updateAuthFields();
    load();
}

void RegistrarSyncDialog::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(problem ? Theme::errorStyle(palette()) : QString());
}

void RegistrarSyncDialog::updateAuthFields()
{
    const auto auth = RegistrarSyncSettings::authFromCode(m_auth->currentData().toString())
                          .value_or(RegistrarSyncSettings::Auth::None);
    m_user->setEnabled(auth == RegistrarSyncSettings::Auth::Basic);
    m_secret->setEnabled(auth != RegistrarSyncSettings::Auth::None);
}

QCoro::Task<> RegistrarSyncDialog::load()
{
    QPointer<RegistrarSyncDialog> self(this);
    setStatus(tr("Loading…"));
    auto future = m_services.executor.read([](Database &db) { return RegistrarSyncStore(db).settings(); });
    const Result<RegistrarSyncSettings> settings = co_await future;
    if (!self)
        co_return;
    m_buttons->setEnabled(true);
    if (!settings) {
        setStatus(tr("The settings cannot be read: %1").arg(settings.error().message), true);
        co_return;
    }
    m_loaded = settings.value();
    m_url->setText(m_loaded.url);
    m_auth->setCurrentIndex(qMax(0, m_auth->findData(RegistrarSyncSettings::authCode(m_loaded.auth))));
    m_user->setText(m_loaded.username);
    m_schedule->setText(m_loaded.schedule);
    m_timeout->setValue(m_loaded.timeoutSeconds);
    updateAuthFields();
    setStatus(QString());
    Q_EMIT loaded();
}

QCoro::Task<bool> RegistrarSyncDialog::save()
{
    QPointer<RegistrarSyncDialog> self(this);
    RegistrarSyncSettings s = m_loaded;
    s.url = m_url->text().trimmed();
    s.auth = RegistrarSyncSettings::authFromCode(m_auth->currentData().toString())
                 .value_or(RegistrarSyncSettings::Auth::None);
    s.username = m_user->text().trimmed();
    s.schedule = m_schedule->text().trimmed();
    s.timeoutSeconds = m_timeout->value();
    m_buttons->setEnabled(false);
    setStatus(tr("Saving…"));
    auto future = m_services.executor.write([s](Database &db) { return RegistrarSyncStore(db).save(s); });
    const Result<RegistrarSyncSettings> stored = co_await future;
    if (!self)
        co_return false;
    m_buttons->setEnabled(true);
    if (!stored) {
        const QString error = stored.error().text();
        setStatus(error, true);
        Q_EMIT saved(error);
        co_return false;
    }
    m_loaded = stored.value();
    if (m_loaded.auth != RegistrarSyncSettings::Auth::None && m_secretEdited) {
        setStatus(tr("Storing the password or token in the system keychain…"));
        auto storing = Keychain::store(m_loaded.keychainKey(), m_secret->text());
        const QString error = co_await storing;
        if (!self)
            co_return false;
        if (!error.isEmpty()) {
            const QString text =
                tr("The settings were saved, but the secret could not be stored in the system keychain: %1")
                    .arg(error);
            setStatus(text, true);
            Q_EMIT saved(text);
            co_return false;
        }
        m_secretEdited = false;
    }
    setStatus(tr("Saved."));
    Q_EMIT saved(QString());
    co_return true;
}

QCoro::Task<> RegistrarSyncDialog::saveAndClose()
{
    QPointer<RegistrarSyncDialog> self(this);
    auto saving = save();
    const bool ok = co_await saving;
    if (self && ok)
        accept();
}

QCoro::Task<> RegistrarSyncDialog::syncNow()
{
    QPointer<RegistrarSyncDialog> self(this);
    auto saving = save();
    const bool ok = co_await saving;
    if (!self || !ok)
        co_return;
    if (m_loaded.url.isEmpty()) {
        setStatus(tr("Enter the export's URL first."), true);
        co_return;
    }
    auto future = m_services.executor.write([actor = m_services.actor](Database &db) {
        return JobStore(db).enqueue(SyncTasks::residentsRequest(), actor);
    });
    const Result<EnqueueResult> enqueued = co_await future;
    if (!self)
        co_return;
    if (!enqueued) {
        setStatus(tr("The sync could not be queued: %1").arg(enqueued.error().message), true);
        co_return;
    }
    setStatus(tr("Sync job %1 queued; the Jobs panel shows its progress.").arg(enqueued->id));
    Q_EMIT queued(enqueued->id);
}
