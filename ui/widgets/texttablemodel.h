#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

// A read-only table of texts, replaced whole: for a view that shows figures computed off
// the GUI thread. setRows() is one model reset, whatever the number of rows (a
// QTableWidget builds an item per cell on the GUI thread: thousands of rooms took tens of
// milliseconds); the view asks only for the rows it paints. Columns from
// `firstNumberColumn` on are right-aligned (figures).
//
//   auto *model = new TextTableModel({tr("Room"), tr("Free")}, 1, view);
//   view->setModel(model);
//   model->setRows({{u"NH-101"_s, u"2"_s}});
class TextTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    TextTableModel(QStringList headers, int firstNumberColumn, QObject *parent = nullptr);

    void setRows(QList<QStringList> rows);
    QString text(int row, int column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList m_headers;
    int m_firstNumberColumn;
    QList<QStringList> m_rows;
};
