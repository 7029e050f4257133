#pragma once

#include "models/db/dberror.h"
#include "models/lab/report.h"

#include <QAbstractTableModel>
#include <QList>

// The results table of one report, for the report editor: analyte / value / unit /
// reference range / flag, editable in place (the flag column's EditRole is the flag as
// an int, its display the translated label), with rows inserted, removed and moved by
// the editor. Holds the rows in memory (a report has at most a few hundred); knows
// nothing of the database: the editor reads the rows from the report and writes them
// back with ReportRepository::updateDraft.
//
// Undo: setData() applies an edit and then announces it with cellEdited(row, column,
// before, after), so that the editor can push an undo command whose undo calls
// setCell(); row operations (insertResult, removeResult, moveResult) are called by the
// editor's own undo commands. GUI thread only (like every model a view shows).
//
//   ReportResultsModel model;
//   model.setRows(report.results);
//   view->setModel(&model);
//   ...
//   report.results = model.rows();
//   const QList<FieldError> errors = model.validate();   // "Result row 3: the analyte is required."
class ReportResultsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Analyte, Value, Unit, ReferenceRange, Flag, ColumnCount };
    Q_ENUM(Column)

    explicit ReportResultsModel(QObject *parent = nullptr);

    void setRows(const QList<Report::ResultRow> &rows);
    QList<Report::ResultRow> rows() const { return m_rows; }
    Report::ResultRow row(int index) const { return m_rows.value(index); }
    // A finalized report, or one being finalized: nothing is editable.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

    // The rows' problems, each naming the row and the field (ReportRepository::validate).
    QList<FieldError> validate() const;

    // Edits without announcing them (undo / redo).
    void setCell(int row, int column, const QVariant &value);
    void insertResult(int row, const Report::ResultRow &result);
    void removeResult(int row);
    // Moves row `from` to position `to` (both 0-based, `to` counted before the move).
    void moveResult(int from, int to);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QVariant cellValue(const Report::ResultRow &row, int column); // EditRole value

Q_SIGNALS:
    // A person changed a cell (setData); `before` and `after` are EditRole values.
    void cellEdited(int row, int column, const QVariant &before, const QVariant &after);

private:
    QList<Report::ResultRow> m_rows;
    bool m_readOnly = false;
};
