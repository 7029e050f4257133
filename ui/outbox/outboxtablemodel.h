#pragma once

#include "ui/outbox/outboxchannel.h"

#include <QAbstractTableModel>
#include <QList>

// The rows of an Outbox dock (e-mail or text messages): OutboxRow values, newest first,
// as the channel's load() gave them. It holds no SQL: the dock loads rows through the
// DbExecutor and hands them to setRows(), which updates rows in place when the same
// messages come back (selection and scrolling survive a refresh) and resets only when
// the set of rows changed. The columns are the same for every channel; the channel
// names the headers that differ (To / Number, Subject / Text …) and the dock hides the
// columns a channel has nothing for. SortRole gives each column a value that sorts as
// people expect (numbers and times as numbers), for a QSortFilterProxyModel in front.
//
// GUI thread only.
//
//   auto *model = new OutboxTableModel(channel.texts, this);
//   proxy->setSourceModel(model);
//   model->setRows(page.rows.value());   // from channel.load(db, query) on the read pool
class OutboxTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        ToColumn,
        NameColumn,
        ResidentColumn = NameColumn, // as the "Text messages" dock heads it
        ContentColumn,               // the subject of an e-mail, the text of a text message
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

    explicit OutboxTableModel(const OutboxChannel::Texts &texts, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setRows(QList<OutboxRow> rows);
    const OutboxRow &rowAt(int row) const { return m_rows.at(row); }
    // The row of message `id`, or -1.
    int rowOf(qint64 id) const;

private:
    QVariant display(const OutboxRow &row, int column) const;

    OutboxChannel::Texts m_texts;
    QList<OutboxRow> m_rows;
};
