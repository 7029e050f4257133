#pragma once

#include "tasks/sms/smsoutbox.h"

#include <QAbstractTableModel>
#include <QList>

// The rows of the "Text messages" dock: SMS outbox messages as SmsOutbox::list() gave
// them (newest first). It holds no SQL: the dock loads rows through the DbExecutor and
// hands them to setMessages(), which updates rows in place when the same messages come
// back (selection and scrolling survive a refresh) and resets only when the set of rows
// changed. SortRole gives each column a value that sorts as people expect (numbers and
// times as numbers), for a QSortFilterProxyModel in front of it.
//
// GUI thread only.
//
//   auto *model = new SmsOutboxTableModel(this);
//   proxy->setSourceModel(model);
//   model->setMessages(rows);   // from SmsOutbox(db).list(filter) on the read pool
class SmsOutboxTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        ToColumn,
        ResidentColumn,
        TextColumn,
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
        SortRole,
    };

    explicit SmsOutboxTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setMessages(QList<SmsRecord> messages);
    const SmsRecord &messageAt(int row) const { return m_messages.at(row); }
    // The row of message `id`, or -1.
    int rowOf(qint64 id) const;

private:
    QList<SmsRecord> m_messages;
};
