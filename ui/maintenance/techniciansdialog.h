#pragma once

#include "models/core/actor.h"
#include "models/maintenance/maintenance.h"

#include <QCoroTask>
#include <QDialog>

class DbExecutor;
class QLabel;
class QPushButton;
class QTableWidget;
class TechnicianDialog;

// The maintenance technicians, from the Maintenance page's "Technicians…": name,
// e-mail, skills, working days and hours, language and whether active, read on the
// executor's read pool. Housing staff and administrators add and edit them
// (TechnicianDialog: Add…, Edit… or a double-click); anyone else who sees the page
// reads the list (setWritable(false) hides the changes; PostgreSQL refuses them
// anyway). reload() after a change, here or on another desktop. Non-modal, deleted
// when closed. GUI thread only.
//
//   auto *dialog = new TechniciansDialog(executor, actor, window);
//   dialog->setWritable(rights.housing);
//   dialog->show();
class TechniciansDialog : public QDialog
{
    Q_OBJECT
public:
    TechniciansDialog(DbExecutor &executor, const Actor &actor, QWidget *parent = nullptr);

    void setWritable(bool writable);
    bool isWritable() const { return m_writable; }
    QCoro::Task<> reload();

    QTableWidget *table() const { return m_table; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *editButton() const { return m_edit; }
    // The technicians as last read, in the table's order.
    QList<Technician> technicians() const { return m_technicians; }
    // Opens the editor: a new technician (id 0) or the one shown in `row`.
    TechnicianDialog *addTechnician();
    TechnicianDialog *editTechnician(int row);

Q_SIGNALS:
    void loaded();
    // A technician was stored through this dialog.
    void saved(const Technician &technician);

private:
    TechnicianDialog *openEditor(qint64 id);
    void updateButtons();

    DbExecutor &m_executor;
    Actor m_actor;
    QTableWidget *m_table;
    QLabel *m_message;
    QPushButton *m_add;
    QPushButton *m_edit;
    QList<Technician> m_technicians;
    qint64 m_keepId = 0;
    quint64 m_generation = 0;
    bool m_writable = true;
};
