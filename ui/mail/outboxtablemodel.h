#pragma once

#include "tasks/mail/outboxemail.h"

#include <QAbstractTableModel>
#include <QList>

// The rows of the Outbox dock: outbox e-mails, newest first, as Outbox::list() gave
// them. It holds no SQL: the dock loads rows through the DbExecutor and hands them to
// setEmails(), which updates rows in place when the same e-mails come back (selection
// and scrolling survive a refresh) and resets only when the set of rows changed.
//
// GUI thread only.
//
//   auto *model = new OutboxTableModel(this);
//   view->setModel(model);
//   model->setEmails(rows);   // from Outbox(db).list(filter) on the read pool
class OutboxTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        ToColumn,
        SubjectColumn,
        StateColumn,
        AttemptsColumn,
        ErrorColumn,
        CreatedColumn,
        SentColumn,
        ColumnCount
    };
    enum Roles {
        IdRole = Qt::UserRole + 1,
        StateRole,   // int(OutboxState)
        VersionRole, // int
    };

    explicit OutboxTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setEmails(QList<OutboxEmail> emails);
    const OutboxEmail &emailAt(int row) const { return m_emails.at(row); }
    // The row of e-mail `id`, or -1.
    int rowOf(qint64 id) const;

private:
    QList<OutboxEmail> m_emails;
};
