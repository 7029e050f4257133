#pragma once

#include <QStyledItemDelegate>

// Edits a result's flag (none, low, high, abnormal) with a combo box; the model's
// EditRole is the Report::Flag as an int. GUI thread only.
//
//   view->setItemDelegateForColumn(ReportResultsModel::Flag, new FlagDelegate(view));
class FlagDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
};
