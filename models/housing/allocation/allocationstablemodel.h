#pragma once

#include "models/housing/allocation/allocation.h"
#include "models/itemmodels/recordtablemodel.h"

#include <QDate>

// Room allocations, columns as AllocationRepository::Column, loaded lazily in pages like
// the other record tables. ListFilter: search, buildingId and status (an
// Allocation::stateCode); setDate() adds "whose days include this date". Lives on the
// GUI thread.
//
//   auto *model = new AllocationsTableModel(executor, this);
//   model->setDate(QDate::currentDate());   // who holds a bed today
class AllocationsTableModel : public RecordTableModel
{
    Q_OBJECT
public:
    explicit AllocationsTableModel(DbExecutor &executor, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Allocation allocationAt(int row) const;

    // Null: any day. Reloads.
    void setDate(const QDate &date);
    QDate date() const { return m_date; }

protected:
    std::function<Result<Page>(Database &)> pageLoader(const PageRequest &request) const override;
    std::function<Result<qint64>(Database &)> countLoader(const ListFilter &filter) const override;
    QVariant sortValueOf(const QVariant &record, int column) const override;
    qint64 idOf(const QVariant &record) const override;
    int versionOf(const QVariant &record) const override;

private:
    QDate m_date;
};
