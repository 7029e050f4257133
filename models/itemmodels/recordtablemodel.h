#pragma once

#include "models/core/listquery.h"
#include "models/db/result.h"

#include <QAbstractTableModel>
#include <QCoroTask>
#include <QFuture>
#include <QPointer>

#include <functional>

class Database;
class DbExecutor;

// Base of the lazily loaded entity tables. Rows arrive in pages (keyset paging,
// PageRequest::limit rows at a time) from the DbExecutor's read pool: the view's
// fetchMore() starts a page load and returns at once; the rows are appended when
// they arrive. Sorting and filtering happen in the database (setFilter, sort), so
// 100,000 rows never sit in memory. Lives on the GUI thread.
//
// Subclasses provide the columns and a loader that runs on a pool thread.
class RecordTableModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
public:
    enum Roles { IdRole = Qt::UserRole + 1, VersionRole, RecordRole /* QVariant holding the struct */ };

    explicit RecordTableModel(DbExecutor &executor, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    // Re-queries the database in the new order (first page).
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    // Whether the database can order by this column (a column computed per page cannot).
    virtual bool canSort(int column) const
    {
        Q_UNUSED(column)
        return true;
    }

    void setFilter(const ListFilter &filter);
    ListFilter filter() const { return m_filter; }
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    void setPageSize(int rows);

    // Drops the loaded rows and loads the first page again (after an edit, or when
    // another client changed the table). Keeps nothing stale.
    void reload();
    // Rows matching the filter in the database (not just the loaded ones); -1 until known.
    qint64 totalCount() const { return m_totalCount; }
    bool isLoading() const { return m_loading; }
    qint64 idAt(int row) const;
    int rowOfId(qint64 id) const; // -1 if not loaded

Q_SIGNALS:
    void loadingChanged(bool loading);
    // A page arrived (the first page after reload/sort/filter has `first` true).
    void pageLoaded(bool first);
    void totalCountChanged(qint64 count);
    void loadFailed(const DbError &error);

protected:
    struct Page
    {
        QList<QVariant> records; // each a QVariant holding the entity struct
        bool atEnd = false;
    };
    // Loads one page on a pool thread (must only use `db` and values captured by copy).
    virtual std::function<Result<Page>(Database &)> pageLoader(const PageRequest &request) const = 0;
    virtual std::function<Result<qint64>(Database &)> countLoader(const ListFilter &filter) const = 0;
    // The cursor value of a loaded record for the current sort column.
    virtual QVariant sortValueOf(const QVariant &record, int column) const = 0;
    virtual qint64 idOf(const QVariant &record) const = 0;
    virtual int versionOf(const QVariant &record) const = 0;

    const QVariant &recordAt(int row) const { return m_records.at(row); }
    DbExecutor &executor() const { return m_executor; }
    // IdRole, VersionRole and RecordRole for subclasses' data(); an invalid QVariant otherwise.
    QVariant recordRoleData(const QModelIndex &index, int role) const;

private:
    void startLoad(bool first);
    void setLoading(bool loading);
    QCoro::Task<> loadPage(quint64 generation, bool first, std::function<Result<Page>(Database &)> loader);
    QCoro::Task<> loadCount(quint64 generation, std::function<Result<qint64>(Database &)> loader);

    DbExecutor &m_executor;
    QList<QVariant> m_records;
    ListFilter m_filter;
    int m_sortColumn = 0;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    int m_pageSize = 200;
    qint64 m_totalCount = -1;
    bool m_loading = false;
    bool m_atEnd = false;
    quint64 m_generation = 0; // bumps on reload: late pages of an old query are dropped
    bool m_started = false;   // the first page was asked for (nothing loads before)
    bool m_failed = false;    // the last load failed: no automatic fetchMore until reload()
};
