#pragma once

#include "models/core/actor.h"

#include <QCoroTask>
#include <QDialog>
#include <QPointer>

class BuildingComboBox;
class DbExecutor;
class JobEngine;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;
struct WindowServices;

// Tools ▸ E-mail residents…: a bulk e-mail from a template. The residents are chosen
// by status and building (those holding a bed there today); the subject and text take
// the placeholders {first_name}, {last_name}, {student_id}, {email}, {room} and
// {building} (the room each resident holds today; empty without one); an unknown
// placeholder is named as an error.
// "Preview" shows how many residents get it and the first three messages; "Queue"
// puts one outbox e-mail per resident, keyed by (mailing, resident), so queueing
// the same mailing twice sends nothing twice (ResidentMailing).
//
// GUI thread only; previews read on the executor's read pool, the queueing writes on
// its write pool.
//
//   auto *dialog = new ResidentMailingDialog(services, window);
//   dialog->setAttribute(Qt::WA_DeleteOnClose);
//   dialog->open();
class ResidentMailingDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ResidentMailingDialog(const WindowServices &services, QWidget *parent = nullptr);
    ~ResidentMailingDialog() override;

    void setTemplate(const QString &subject, const QString &body);
    void setStatusFilter(const QString &statusCode); // "" = every resident
    BuildingComboBox *buildingFilter() const { return m_building; }
    void preview();
    void queue();

    QString previewText() const;
    QString errorText() const;

Q_SIGNALS:
    void previewed(qint64 recipients);
    // After queueing: how many new and already queued e-mails, or the error.
    void queued(int queuedCount, int existingCount, const QString &error);

private:
    struct Request;
    Request request() const;
    bool checkTemplate();
    QCoro::Task<> previewAsync();
    QCoro::Task<> queueAsync();

    DbExecutor &m_executor;
    QPointer<JobEngine> m_engine;
    Actor m_actor;
    QLineEdit *m_subject;
    QPlainTextEdit *m_body;
    QComboBox *m_status;
    BuildingComboBox *m_building;
    QLabel *m_hint;
    QLabel *m_error;
    QTextBrowser *m_preview;
    QPushButton *m_previewButton;
    QPushButton *m_queueButton;
    QDialogButtonBox *m_buttons;
};
