#pragma once

#include "models/lab/report.h"

#include <QPointer>
#include <QUndoCommand>
#include <QVariant>

class ReportResultsModel;

// One undoable change to a report's results table in the editor (before Save): a cell
// edited, a row inserted, removed or moved. A cell edit is pushed after the view already
// applied it (ReportResultsModel::cellEdited), so its first redo() does nothing; the
// others apply themselves on push. Consecutive edits of the same cell merge. GUI thread.
//
//   stack->push(ResultEditCommand::insert(model, row, {}));
//   stack->push(ResultEditCommand::cell(model, row, column, before, after));
class ResultEditCommand : public QUndoCommand
{
public:
    enum class Kind { Cell, Insert, Remove, Move };

    static ResultEditCommand *cell(ReportResultsModel *model, int row, int column, QVariant before,
                                   QVariant after);
    static ResultEditCommand *insert(ReportResultsModel *model, int row, Report::ResultRow result);
    static ResultEditCommand *remove(ReportResultsModel *model, int row);
    static ResultEditCommand *move(ReportResultsModel *model, int from, int to);

    void undo() override;
    void redo() override;
    int id() const override { return m_kind == Kind::Cell ? 1 : -1; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    ResultEditCommand(Kind kind, ReportResultsModel *model, const QString &text);

    Kind m_kind;
    QPointer<ReportResultsModel> m_model;
    int m_row = 0;
    int m_column = 0; // Cell; Move: the target row
    QVariant m_before;
    QVariant m_after;
    Report::ResultRow m_result; // Insert, Remove
    bool m_applied = false;     // Cell: the view applied it before the push
};
