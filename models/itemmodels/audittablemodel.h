#pragma once

#include "models/core/auditlog.h"
#include "models/itemmodels/recordtablemodel.h"

// The audit trail, columns as AuditLog::Column plus a summary of what changed; newest
// first until a header is clicked. Filtered by an AuditFilter (setAuditFilter), in the
// database, a page at a time like every record table. GUI thread only.
class AuditTableModel : public RecordTableModel
{
    Q_OBJECT
public:
    enum { Changes = AuditLog::ColumnCount, ColumnCount };

    explicit AuditTableModel(DbExecutor &executor, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    AuditEntry entryAt(int row) const;

    // Reloads from the first page when the filter differs.
    void setAuditFilter(const AuditFilter &filter);
    AuditFilter auditFilter() const { return m_auditFilter; }

    // "name: Audit Hall → Audit House; version: 1 → 2" (created and deleted records:
    // their fields).
    static QString changeSummary(const AuditEntry &entry);

protected:
    std::function<Result<Page>(Database &)> pageLoader(const PageRequest &request) const override;
    std::function<Result<qint64>(Database &)> countLoader(const ListFilter &filter) const override;
    QVariant sortValueOf(const QVariant &record, int column) const override;
    qint64 idOf(const QVariant &record) const override;
    int versionOf(const QVariant &record) const override;

private:
    AuditFilter m_auditFilter;
};
