#include "ui/widgets/tablecolumns.h"

#include <QEvent>
#include <QHeaderView>
#include <QPointer>
#include <QTableView>
#include <QTimer>

#include <algorithm>

namespace {

// Rows measured per column: about a screenful, what a person reads first. Qt's default
// (up to 1,000 rows: the whole of a hidden table's 200-row page) made each table's first
// page cost the GUI thread several milliseconds of text layout, and the window's pages
// get their first pages together at start.
constexpr int kRowsMeasured = 40;

const char kPendingProperty[] = "residesk_fitPending";

void fitNow(QTableView *view)
{
    QHeaderView *header = view->horizontalHeader();
    header->setResizeContentsPrecision(kRowsMeasured);
    const int maxWidth = std::max(200, view->viewport()->width() / 3);
    for (int column = 0; column + 1 < header->count(); ++column) {
        if (header->isSectionHidden(column))
            continue;
        view->resizeColumnToContents(column);
        header->resizeSection(column, std::clamp(header->sectionSize(column) + 8, 60, maxWidth));
    }
}

// Fits a hidden table once it is shown (and laid out), then goes.
class FitWhenShown : public QObject
{
public:
    explicit FitWhenShown(QTableView *view)
        : QObject(view)
    {
        view->installEventFilter(this);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Show) {
            auto *view = static_cast<QTableView *>(watched);
            view->removeEventFilter(this);
            // After the show: the viewport has its width by then.
            QTimer::singleShot(0, view, [view = QPointer<QTableView>(view)] {
                if (view && view->property(kPendingProperty).toBool()) {
                    view->setProperty(kPendingProperty, false);
                    fitNow(view);
                }
            });
            deleteLater();
        }
        return false;
    }
};

} // namespace

void TableColumns::fitToContents(QTableView *view)
{
    if (view->isVisible()) {
        view->setProperty(kPendingProperty, false);
        fitNow(view);
        return;
    }
    // A page nobody looks at yet (the window loads all of them at start): its columns
    // are fitted when it is shown, not while the window is busy filling the others.
    if (view->property(kPendingProperty).toBool())
        return;
    view->setProperty(kPendingProperty, true);
    new FitWhenShown(view);
}
