#include "ui/lab/flagdelegate.h"

#include "models/lab/report.h"

#include <QComboBox>

QWidget *FlagDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(QStringLiteral("flagEditor"));
    for (const Report::Flag flag :
         {Report::Flag::None, Report::Flag::Low, Report::Flag::High, Report::Flag::Abnormal})
        combo->addItem(flag == Report::Flag::None ? tr("(none)") : Report::flagLabel(flag), int(flag));
    // A choice is the whole edit: commit it at once.
    connect(combo, &QComboBox::activated, this, [this, combo] {
        auto *self = const_cast<FlagDelegate *>(this);
        Q_EMIT self->commitData(combo);
        Q_EMIT self->closeEditor(combo);
    });
    return combo;
}

void FlagDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    combo->setCurrentIndex(qMax(0, combo->findData(index.data(Qt::EditRole).toInt())));
}

void FlagDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    model->setData(index, combo->currentData(), Qt::EditRole);
}
