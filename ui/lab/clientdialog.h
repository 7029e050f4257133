#pragma once

#include "models/lab/client.h"
#include "models/lab/clientrepository.h"
#include "ui/dialogs/entitydialog.h"

class QComboBox;
class QLabel;
class QLineEdit;

// Edits a lab client's contact: the e-mail address its reports and protocol e-mails go
// to, the phone, and the language they are written in (Office default / English /
// Español: clients.language). The name and kind are shown, not edited. Saving goes
// through ClientRepository::update on the executor's write pool; the data layer's
// refusals show at their fields and nothing is stored. Versioned: if someone else saved
// first, the "Changed by someone else" box offers Reload or Overwrite. Vets and
// administrators (the lab pages are theirs; PostgreSQL refuses everybody else). Opened
// with open(); deletes itself when closed. GUI thread only.
//
//   auto *dialog = new ClientDialog(executor, actor, protocol.clientId, window);
//   connect(dialog, &ClientDialog::saved, this, [](const Client &c) { ... });
//   dialog->open();   // loads the client first
class ClientDialog : public EntityDialog<ClientRepository, Client>
{
    Q_OBJECT
public:
    ClientDialog(DbExecutor &executor, const Actor &actor, qint64 clientId, QWidget *parent = nullptr);

    QLineEdit *emailEdit() const { return m_email; }
    QLineEdit *phoneEdit() const { return m_phone; }
    QComboBox *languageBox() const { return m_language; }

Q_SIGNALS:
    void saved(const Client &client);

protected:
    Texts texts() const override;
    Client formValues() const override;
    void setFormValues(const Client &client) override;
    QString conflictText() const override;
    void savedRecord(const Client &client) override { Q_EMIT saved(client); }

private:
    static Result<Client> write(Database &db, const Actor &actor, const Client &client, bool overwrite);

    QLabel *m_name;
    QLineEdit *m_email;
    QLineEdit *m_phone;
    QComboBox *m_language;
};
