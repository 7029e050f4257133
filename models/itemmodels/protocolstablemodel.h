#pragma once

#include "models/itemmodels/recordtablemodel.h"
#include "models/lab/protocol.h"
#include "models/lab/protocolrepository.h"

// Protocols, lazily loaded page by page; columns as ProtocolRepository::Column
// (number, client, species, animal id, samples, state, submitted, received). What is
// shown is the ProtocolFilter (setProtocolFilter); the base class's ListFilter still
// works for generic pages: its search and status (a state code) apply when the
// protocol filter leaves them empty. Lives on the GUI thread; loads on the executor's
// read pool.
//
//   ProtocolsTableModel model(executor);
//   model.setProtocolFilter({.state = Protocol::State::Submitted});
//   view->setModel(&model);
class ProtocolsTableModel : public RecordTableModel
{
    Q_OBJECT
public:
    explicit ProtocolsTableModel(DbExecutor &executor, QObject *parent = nullptr);

    void setProtocolFilter(const ProtocolFilter &filter);
    ProtocolFilter protocolFilter() const { return m_protocolFilter; }
    // What the rows shown were read with: the protocol filter completed by the ListFilter
    // (the search box of a page), as ProtocolRepository::page() receives it.
    ProtocolFilter shownFilter() const { return effectiveFilter(filter()); }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Protocol protocolAt(int row) const;

protected:
    std::function<Result<Page>(Database &)> pageLoader(const PageRequest &request) const override;
    std::function<Result<qint64>(Database &)> countLoader(const ListFilter &filter) const override;
    QVariant sortValueOf(const QVariant &record, int column) const override;
    qint64 idOf(const QVariant &record) const override;
    int versionOf(const QVariant &record) const override;

private:
    ProtocolFilter effectiveFilter(const ListFilter &filter) const;

    ProtocolFilter m_protocolFilter;
    bool m_filterSet = false;
};
