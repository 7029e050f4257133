#include "ui/widgets/tablecolumns.h"

#include <QHeaderView>
#include <QTableView>

#include <algorithm>

void TableColumns::fitToContents(QTableView *view)
{
    QHeaderView *header = view->horizontalHeader();
    const int maxWidth = std::max(200, view->viewport()->width() / 3);
    for (int column = 0; column + 1 < header->count(); ++column) {
        if (header->isSectionHidden(column))
            continue;
        view->resizeColumnToContents(column);
        header->resizeSection(column, std::clamp(header->sectionSize(column) + 8, 60, maxWidth));
    }
}
