#include "ui/lab/clientdialog.h"

#include "models/core/recipientlanguage.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>

using namespace Qt::StringLiterals;

ClientDialog::ClientDialog(DbExecutor &executor, const Actor &actor, qint64 clientId, QWidget *parent)
    : EntityDialog(executor, actor, clientId, &ClientDialog::write, parent)
    , m_name(new QLabel(this))
    , m_email(new QLineEdit(this))
    , m_phone(new QLineEdit(this))
    , m_language(new QComboBox(this))
{
    setObjectName(u"clientDialog"_s);
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
    loadRecord();
}

ClientDialog::Texts ClientDialog::texts() const
{
    return {tr("Loading…"),
            tr("The client cannot be loaded: %1"),
            {},
            tr("Showing the values stored now. Review them and save again."),
            tr("Not saved: this client was changed by someone else. Your changes are kept.")};
}

Client ClientDialog::formValues() const
{
    Client client = original();
    client.email = m_email->text().trimmed();
    client.phone = m_phone->text().trimmed();
    client.language = m_language->currentData().toString();
    return client;
}

void ClientDialog::setFormValues(const Client &client)
{
    setWindowTitle(tr("Client %1").arg(client.name));
    m_name->setText(tr("%1 (%2)").arg(client.name, Client::kindLabel(client.kind)));
    m_email->setText(client.email);
    m_phone->setText(client.phone);
    m_language->setCurrentIndex(qMax(0, m_language->findData(client.language)));
}

QString ClientDialog::conflictText() const
{
    return tr("Someone else saved client %1 since you opened it.").arg(original().name);
}

Result<Client> ClientDialog::write(Database &db, const Actor &actor, const Client &client, bool overwrite)
{
    ClientRepository clients(db, actor);
    const Result<Client> toSave = atStoredVersion(clients, client, overwrite);
    return toSave ? clients.update(toSave.value()) : toSave;
}
