#pragma once

#include "models/itemmodels/recordtablemodel.h"
#include "models/lab/report.h"
#include "models/lab/reportrepository.h"

// Reports, lazily loaded page by page; columns as ReportRepository::Column
// (protocol number, revision, state, signed by, signed at). What is shown is the
// ReportFilter (setReportFilter); the base class's ListFilter search and status (a
// report state code) apply when that filter leaves them empty. Lives on the GUI
// thread; loads on the executor's read pool.
//
//   ReportsTableModel model(executor);
//   model.setReportFilter({.state = Report::State::Draft});
class ReportsTableModel : public RecordTableModel
{
    Q_OBJECT
public:
    explicit ReportsTableModel(DbExecutor &executor, QObject *parent = nullptr);

    void setReportFilter(const ReportFilter &filter);
    ReportFilter reportFilter() const { return m_reportFilter; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Report reportAt(int row) const;

protected:
    std::function<Result<Page>(Database &)> pageLoader(const PageRequest &request) const override;
    std::function<Result<qint64>(Database &)> countLoader(const ListFilter &filter) const override;
    QVariant sortValueOf(const QVariant &record, int column) const override;
    qint64 idOf(const QVariant &record) const override;
    int versionOf(const QVariant &record) const override;

private:
    ReportFilter effectiveFilter(const ListFilter &filter) const;

    ReportFilter m_reportFilter;
    bool m_filterSet = false;
};
