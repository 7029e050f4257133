#include "ui/lab/resulteditcommand.h"

#include "models/itemmodels/reportresultsmodel.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ResultEditCommand", text);
}
} // namespace

ResultEditCommand::ResultEditCommand(Kind kind, ReportResultsModel *model, const QString &text)
    : QUndoCommand(text)
    , m_kind(kind)
    , m_model(model)
{}

ResultEditCommand *ResultEditCommand::cell(ReportResultsModel *model, int row, int column, QVariant before,
                                           QVariant after)
{
    auto *c = new ResultEditCommand(Kind::Cell, model, tr("Edit result row %1").arg(row + 1));
    c->m_row = row;
    c->m_column = column;
    c->m_before = std::move(before);
    c->m_after = std::move(after);
    c->m_applied = true;
    return c;
}

ResultEditCommand *ResultEditCommand::insert(ReportResultsModel *model, int row, Report::ResultRow result)
{
    auto *c = new ResultEditCommand(Kind::Insert, model, tr("Add result row %1").arg(row + 1));
    c->m_row = row;
    c->m_result = std::move(result);
    return c;
}

ResultEditCommand *ResultEditCommand::remove(ReportResultsModel *model, int row)
{
    auto *c = new ResultEditCommand(Kind::Remove, model, tr("Remove result row %1").arg(row + 1));
    c->m_row = row;
    c->m_result = model->row(row);
    return c;
}

ResultEditCommand *ResultEditCommand::move(ReportResultsModel *model, int from, int to)
{
    auto *c = new ResultEditCommand(Kind::Move, model, tr("Move result row %1").arg(from + 1));
    c->m_row = from;
    c->m_column = to;
    return c;
}

void ResultEditCommand::redo()
{
    if (!m_model)
        return;
    switch (m_kind) {
    case Kind::Cell:
        if (m_applied) {
            m_applied = false; // done by the view already
            return;
        }
        m_model->setCell(m_row, m_column, m_after);
        break;
    case Kind::Insert:
        m_model->insertResult(m_row, m_result);
        break;
    case Kind::Remove:
        m_model->removeResult(m_row);
        break;
    case Kind::Move:
        m_model->moveResult(m_row, m_column);
        break;
    }
}

void ResultEditCommand::undo()
{
    if (!m_model)
        return;
    switch (m_kind) {
    case Kind::Cell:
        m_model->setCell(m_row, m_column, m_before);
        break;
    case Kind::Insert:
        m_model->removeResult(m_row);
        break;
    case Kind::Remove:
        m_model->insertResult(m_row, m_result);
        break;
    case Kind::Move:
        m_model->moveResult(m_column, m_row);
        break;
    }
}

bool ResultEditCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const ResultEditCommand *>(other);
    if (m_kind != Kind::Cell || next->m_kind != Kind::Cell || next->m_row != m_row ||
        next->m_column != m_column)
        return false;
    m_after = next->m_after;
    return true;
}
