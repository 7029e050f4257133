#include "models/itemmodels/reportresultsmodel.h"

#include "models/lab/reportrepository.h"

#include <QColor>

ReportResultsModel::ReportResultsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ReportResultsModel::setRows(const QList<Report::ResultRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

void ReportResultsModel::setReadOnly(bool readOnly)
{
    if (m_readOnly == readOnly)
        return;
    m_readOnly = readOnly;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QList<FieldError> ReportResultsModel::validate() const
{
    Report report;
    report.results = m_rows;
    return ReportRepository::validate(report);
}

int ReportResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReportResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReportResultsModel::cellValue(const Report::ResultRow &row, int column)
{
    switch (column) {
    case Analyte:
        return row.analyte;
    case Value:
        return row.value;
    case Unit:
        return row.unit;
    case ReferenceRange:
        return row.referenceRange;
    case Flag:
        return int(row.flag);
    default:
        return {};
    }
}

QVariant ReportResultsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Report::ResultRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::EditRole:
        return cellValue(row, index.column());
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        if (index.column() == Flag)
            return Report::flagLabel(row.flag);
        return cellValue(row, index.column());
    case Qt::ForegroundRole:
        if (index.column() == Flag && row.flag != Report::Flag::None)
            return QColor(0xb3, 0x26, 0x1e);
        if (index.column() == Analyte && row.analyte.trimmed().isEmpty())
            return QColor(0xb3, 0x26, 0x1e);
        return {};
    default:
        return {};
    }
}

void ReportResultsModel::setCell(int row, int column, const QVariant &value)
{
    if (row < 0 || row >= rowCount())
        return;
    Report::ResultRow &r = m_rows[row];
    switch (column) {
    case Analyte:
        r.analyte = value.toString();
        break;
    case Value:
        r.value = value.toString();
        break;
    case Unit:
        r.unit = value.toString();
        break;
    case ReferenceRange:
        r.referenceRange = value.toString();
        break;
    case Flag: {
        const int flag = value.toInt();
        r.flag = flag >= int(Report::Flag::None) && flag <= int(Report::Flag::Abnormal) ? Report::Flag(flag)
                                                                                        : Report::Flag::None;
        break;
    }
    default:
        return;
    }
    Q_EMIT dataChanged(index(row, column), index(row, column));
}

bool ReportResultsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (m_readOnly || role != Qt::EditRole || !index.isValid() || index.row() >= rowCount())
        return false;
    const QVariant before = cellValue(m_rows.at(index.row()), index.column());
    setCell(index.row(), index.column(), value);
    const QVariant after = cellValue(m_rows.at(index.row()), index.column());
    if (before != after)
        Q_EMIT cellEdited(index.row(), index.column(), before, after);
    return true;
}

Qt::ItemFlags ReportResultsModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && !m_readOnly)
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant ReportResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case Analyte:
        return tr("Analyte");
    case Value:
        return tr("Value");
    case Unit:
        return tr("Unit");
    case ReferenceRange:
        return tr("Reference range");
    case Flag:
        return tr("Flag");
    default:
        return {};
    }
}

void ReportResultsModel::insertResult(int row, const Report::ResultRow &result)
{
    row = qBound(0, row, rowCount());
    beginInsertRows({}, row, row);
    m_rows.insert(row, result);
    endInsertRows();
}

void ReportResultsModel::removeResult(int row)
{
    if (row < 0 || row >= rowCount())
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

void ReportResultsModel::moveResult(int from, int to)
{
    if (from < 0 || from >= rowCount() || to < 0 || to >= rowCount() || from == to)
        return;
    // beginMoveRows counts the destination before the move: one past the target going down.
    if (!beginMoveRows({}, from, from, {}, to > from ? to + 1 : to))
        return;
    m_rows.move(from, to);
    endMoveRows();
}
