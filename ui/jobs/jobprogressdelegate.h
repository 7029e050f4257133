#pragma once

#include <QStyledItemDelegate>

// Paints a job's progress cell as a progress bar (QStyleOptionProgressBar) with the
// cell's text on it ("3,450 of 10,000 — chunk 7"), from the JobsTableModel's
// ProgressDoneRole / ProgressTotalRole; a cell without a known total is painted as
// plain text. GUI thread only.
//
//   view->setItemDelegateForColumn(JobsTableModel::ProgressColumn, new JobProgressDelegate(view));
class JobProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};
