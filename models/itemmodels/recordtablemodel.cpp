#include "models/itemmodels/recordtablemodel.h"

#include "models/db/dbexecutor.h"

#include <QCoroFuture>

RecordTableModel::RecordTableModel(DbExecutor &executor, QObject *parent)
    : QAbstractTableModel(parent)
    , m_executor(executor)
{
    // Nothing loads until the owner asks (reload, sort, setFilter, or a view's
    // fetchMore): the window builds its pages before the schema is migrated, and a
    // query sent then fails on a fresh database.
}

int RecordTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

bool RecordTableModel::canFetchMore(const QModelIndex &parent) const
{
    if (parent.isValid())
        return false;
    return !m_loading && !m_atEnd && !m_failed;
}

void RecordTableModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_loading || m_atEnd || m_failed)
        return;
    if (!m_started)
        reload();
    else
        startLoad(false);
}

void RecordTableModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = qMax(0, column);
    m_sortOrder = order;
    reload();
}

void RecordTableModel::setFilter(const ListFilter &filter)
{
    if (filter == m_filter && m_started)
        return;
    m_filter = filter;
    reload();
}

void RecordTableModel::setPageSize(int rows)
{
    m_pageSize = qMax(1, rows);
}

void RecordTableModel::reload()
{
    m_started = true;
    startLoad(true);
}

qint64 RecordTableModel::idAt(int row) const
{
    if (row < 0 || row >= m_records.size())
        return 0;
    return idOf(m_records.at(row));
}

int RecordTableModel::rowOfId(qint64 id) const
{
    for (int row = 0; row < m_records.size(); ++row) {
        if (idOf(m_records.at(row)) == id)
            return row;
    }
    return -1;
}

QVariant RecordTableModel::recordRoleData(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_records.size())
        return {};
    const QVariant &record = m_records.at(index.row());
    switch (role) {
    case IdRole:
        return idOf(record);
    case VersionRole:
        return versionOf(record);
    case RecordRole:
        return record;
    default:
        return {};
    }
}

void RecordTableModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

void RecordTableModel::startLoad(bool first)
{
    PageRequest request;
    request.filter = m_filter;
    request.sortColumn = m_sortColumn;
    request.order = m_sortOrder;
    // One row more than a page tells whether another page follows.
    request.limit = m_pageSize + 1;
    if (first) {
        // Results of every earlier query are dropped when they arrive.
        ++m_generation;
        m_failed = false;
        if (m_totalCount != -1) {
            m_totalCount = -1;
            Q_EMIT totalCountChanged(-1);
        }
        loadCount(m_generation, countLoader(m_filter));
    } else if (!m_records.isEmpty()) {
        const QVariant &last = m_records.constLast();
        request.hasCursor = true;
        request.afterValue = sortValueOf(last, m_sortColumn);
        request.afterId = idOf(last);
    }
    setLoading(true);
    loadPage(m_generation, first, pageLoader(request));
}

QCoro::Task<> RecordTableModel::loadPage(quint64 generation, bool first,
                                         std::function<Result<Page>(Database &)> loader)
{
    QPointer<RecordTableModel> self(this);
    // A named future, not a temporary: GCC 12 destroys temporaries of a co_await
    // expression twice (GCC bug 100611).
    auto future = m_executor.read(std::move(loader));
    Result<Page> result = co_await future;
    // The model may be gone, or the query outdated by a reload, sort or filter.
    if (!self || generation != self->m_generation)
        co_return;
    if (!result) {
        m_failed = true;
        setLoading(false);
        Q_EMIT loadFailed(result.error());
        co_return;
    }
    Page page = std::move(result).value();
    const bool atEnd = page.records.size() <= m_pageSize;
    if (!atEnd)
        page.records.resize(m_pageSize);
    if (first) {
        beginResetModel();
        m_records = std::move(page.records);
        m_atEnd = atEnd;
        endResetModel();
    } else {
        if (!page.records.isEmpty()) {
            const int firstRow = int(m_records.size());
            beginInsertRows({}, firstRow, firstRow + int(page.records.size()) - 1);
            m_records.append(page.records);
            endInsertRows();
        }
        m_atEnd = atEnd;
    }
    setLoading(false);
    Q_EMIT pageLoaded(first);
}

QCoro::Task<> RecordTableModel::loadCount(quint64 generation,
                                          std::function<Result<qint64>(Database &)> loader)
{
    QPointer<RecordTableModel> self(this);
    // A named future, not a temporary: GCC 12 destroys temporaries of a co_await
    // expression twice (GCC bug 100611).
    auto future = m_executor.read(std::move(loader));
    const Result<qint64> result = co_await future;
    if (!self || generation != self->m_generation)
        co_return;
    if (!result) {
        Q_EMIT loadFailed(result.error());
        co_return;
    }
    m_totalCount = result.value();
    Q_EMIT totalCountChanged(m_totalCount);
}
