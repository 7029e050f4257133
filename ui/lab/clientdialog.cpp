#include "ui/lab/clientdialog.h"

#include "models/core/recipientlanguage.h"
#include "models/db/dbexecutor.h"
#include "models/lab/clientrepository.h"

#include <QComboBox>
#include <QCoroFuture>
#include <QLabel>
#include <QLineEdit>

using namespace Qt::StringLiterals;

ClientDialog::ClientDialog(DbExecutor &executor, const Actor &actor, qint64 clientId, QWidget *parent)
    : RecordDialog(parent)
    , m_executor(executor)
    , m_actor(actor)
    , m_id(clientId)
    , m_name(new QLabel(this))
    , m_email(new QLineEdit(this))
    , m_phone(new QLineEdit(this))
    , m_language(new QComboBox(this))
{
    setObjectName(u"clientDialog"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Client"));
    setMinimumWidth(420);
    m_name->setObjectName(u"clientName"_s);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_email->setPlaceholderText(tr("name@example.org"));
    // The language of the reports' and protocols' e-mails; empty: the office's default.
    m_language->addItem(RecipientLanguage::defaultLabel(), QString());
    for (const QString &code : RecipientLanguage::codes())
        m_language->addItem(RecipientLanguage::nativeName(code), code);

    addField(u"name"_s, tr("Name:"), m_name);
    addField(u"email"_s, tr("&E-mail:"), m_email);
    addField(u"phone"_s, tr("&Phone:"), m_phone);
    addField(u"language"_s, tr("Lan&guage:"), m_language);
    setMessage(tr("Loading…"));
    setSaving(true);
    load(false);
}

Client ClientDialog::values() const
{
    Client client = m_original;
    client.email = m_email->text().trimmed();
    client.phone = m_phone->text().trimmed();
    client.language = m_language->currentData().toString();
    return client;
}

void ClientDialog::showClient(const Client &client)
{
    setPopulating(true);
    setWindowTitle(tr("Client %1").arg(client.name));
    m_name->setText(tr("%1 (%2)").arg(client.name, Client::kindLabel(client.kind)));
    m_email->setText(client.email);
    m_phone->setText(client.phone);
    m_language->setCurrentIndex(qMax(0, m_language->findData(client.language)));
    setPopulating(false);
}

QList<FieldError> ClientDialog::validateInput() const
{
    return ClientRepository::validate(values());
}

QCoro::Task<> ClientDialog::load(bool afterConflict)
{
    QPointer<ClientDialog> self(this);
    auto work = [id = m_id, actor = m_actor](Database &db) {
        return ClientRepository(db, actor).get(id);
    };
    auto future = m_executor.read(std::move(work)); // named: GCC 12 bug 100611
    const Result<Client> client = co_await future;
    if (!self)
        co_return;
    setSaving(false);
    if (!client) {
        setMessage(tr("The client cannot be loaded: %1").arg(client.error().message), true);
        co_return;
    }
    m_original = client.value();
    showClient(m_original);
    m_loaded = true;
    revalidate();
    setMessage(afterConflict ? tr("Showing the values stored now. Review them and save again.") : QString());
    Q_EMIT loaded();
}

void ClientDialog::resolveConflict(ConflictChoice choice)
{
    resolveConflictBy(
        choice, [this] { load(true); }, [this] { save(true); },
        tr("Not saved: this client was changed by someone else. Your changes are kept."));
}

QCoro::Task<> ClientDialog::save(bool overwrite)
{
    if (!m_loaded)
        co_return;
    const Client client = values();
    if (const QList<FieldError> errors = ClientRepository::validate(client); !errors.isEmpty()) {
        setFieldErrors(errors, false);
        setMessage(tr("Please correct the marked fields."), true);
        co_return;
    }
    setSaving(true);
    QPointer<ClientDialog> self(this);
    // Overwrite: the same values over the version stored now (read in the same write).
    auto work = [client, actor = m_actor, overwrite](Database &db) -> Result<Client> {
        Client toSave = client;
        ClientRepository clients(db, actor);
        if (overwrite) {
            const Result<Client> current = clients.get(client.id);
            if (!current)
                return current.error();
            toSave.version = current->version;
        }
        return clients.update(toSave);
    };
    auto future = m_executor.write(std::move(work)); // named: GCC 12 bug 100611
    const Result<Client> stored = co_await future;
    if (!self)
        co_return;
    setSaving(false);
    if (stored) {
        setMessage({});
        Q_EMIT saved(stored.value());
        acceptSaved();
        co_return;
    }
    showSaveError(stored.error(),
                  tr("Someone else saved client %1 since you opened it.").arg(m_original.name));
}
