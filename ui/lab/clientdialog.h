#pragma once

#include "models/core/actor.h"
#include "models/lab/client.h"
#include "ui/dialogs/recorddialog.h"

#include <QCoroTask>
#include <QPointer>

class DbExecutor;
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
class ClientDialog : public RecordDialog
{
    Q_OBJECT
public:
    ClientDialog(DbExecutor &executor, const Actor &actor, qint64 clientId, QWidget *parent = nullptr);

    bool isLoaded() const { return m_loaded; }
    QLineEdit *emailEdit() const { return m_email; }
    QLineEdit *phoneEdit() const { return m_phone; }
    QComboBox *languageBox() const { return m_language; }

Q_SIGNALS:
    void loaded();
    void saved(const Client &client);

protected:
    QList<FieldError> validateInput() const override;
    void startSave() override { save(false); }
    void resolveConflict(ConflictChoice choice) override;

private:
    Client values() const;
    void showClient(const Client &client);
    QCoro::Task<> load(bool afterConflict);
    QCoro::Task<> save(bool overwrite);

    DbExecutor &m_executor;
    Actor m_actor;
    qint64 m_id;
    Client m_original;
    bool m_loaded = false;
    QLabel *m_name;
    QLineEdit *m_email;
    QLineEdit *m_phone;
    QComboBox *m_language;
};
