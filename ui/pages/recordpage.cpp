#include "ui/pages/recordpage.h"

#include "models/itemmodels/recordfilterproxymodel.h"
#include "models/itemmodels/recordtablemodel.h"
#include "ui/dialogs/recorddialog.h"
#include "ui/widgets/flowlayout.h"
#include "ui/widgets/icons.h"
#include "ui/widgets/tablecolumns.h"

#include <QAction>
#include <QDialog>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QSettings>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <memory>
#include <utility>

RecordPage::RecordPage(UndoContext &context, const QString &key, QWidget *parent)
    : QWidget(parent)
    , m_context(&context)
    , m_key(key)
    , m_followed{key}
    , m_proxy(new RecordFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_search(new QLineEdit(this))
    , m_actionsBar(new QToolBar(this))
    , m_filters(new FlowLayout(6, 4))
    , m_count(new QLabel(this))
    , m_empty(new QLabel(m_view->viewport()))
    , m_searchTimer(new QTimer(this))
    , newAction(new QAction(Icons::get(Icons::Add), tr("New"), this))
    , editAction(new QAction(Icons::get(Icons::Edit), tr("Edit"), this))
    , deleteAction(new QAction(Icons::get(Icons::Delete), tr("Delete"), this))
{
    setObjectName(key + QStringLiteral("Page"));
    m_view->setObjectName(QStringLiteral("tableView"));
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_count->setObjectName(QStringLiteral("countLabel"));
    newAction->setObjectName(QStringLiteral("pageNewAction"));
    editAction->setObjectName(QStringLiteral("pageEditAction"));
    deleteAction->setObjectName(QStringLiteral("pageDeleteAction"));
    editAction->setEnabled(false);
    deleteAction->setEnabled(false);

    connect(newAction, &QAction::triggered, this, [this] { newRecord(); });
    connect(editAction, &QAction::triggered, this, &RecordPage::editCurrent);
    connect(deleteAction, &QAction::triggered, this, &RecordPage::deleteCurrent);

    // The page's actions on a tool bar: what does not fit a narrow window moves into its
    // "»" menu instead of widening the window.
    m_actionsBar->setObjectName(QStringLiteral("pageToolBar"));
    m_actionsBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_actionsBar->setIconSize(QSize(16, 16));
    m_actionsBar->setMovable(false);
    m_actionsBar->setFloatable(false);
    m_actionsBar->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_actionsBar->setStyleSheet(QStringLiteral("QToolBar#pageToolBar { border: none; padding: 0; }"));
    m_actionsBar->addActions({newAction, editAction, deleteAction});
    m_search->setPlaceholderText(tr("Search…"));
    m_search->setAccessibleName(tr("Search"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(160);
    m_search->setMaximumWidth(340);
    m_search->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_filtersRow = new QWidget(this);
    m_filtersRow->setObjectName(QStringLiteral("pageFilters"));
    m_filtersRow->setLayout(m_filters);
    m_filtersRow->hide(); // until a page adds a filter

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, [this] {
        if (m_started)
            m_proxy->setSearchText(m_search->text().trimmed());
    });

    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setShowGrid(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionsClickable(true);
    header->setSortIndicatorShown(true);
    header->setSortIndicator(0, Qt::AscendingOrder);
    header->setStretchLastSection(true);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setHighlightSections(false);
    header->setDefaultSectionSize(150);
    connect(header, &QHeaderView::sortIndicatorChanged, this, &RecordPage::sortRequested);
    connect(m_view, &QAbstractItemView::activated, this, &RecordPage::editCurrent);
    connect(m_view, &QAbstractItemView::doubleClicked, this, &RecordPage::editCurrent);

    m_count->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    // Over an empty table: what to do first, or that nothing matches.
    m_empty->setObjectName(QStringLiteral("emptyListText"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setTextFormat(Qt::PlainText);
    m_empty->setStyleSheet(QStringLiteral("color: palette(placeholder-text); padding: 24px;"));
    m_empty->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_empty->hide();
    m_view->viewport()->installEventFilter(this);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &RecordPage::updateEmptyText);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &RecordPage::updateEmptyText);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &RecordPage::updateEmptyText);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &RecordPage::updateEmptyText);

    auto *top = new QHBoxLayout;
    top->setSpacing(12);
    // The search box takes a share of the room the actions leave, up to its maximum, so
    // that its placeholder is read whole on a laptop.
    top->addWidget(m_actionsBar, 3);
    top->addWidget(m_search, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(6);
    layout->addLayout(top);
    layout->addWidget(m_filtersRow);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_count);
}

void RecordPage::setModel(RecordTableModel *model)
{
    m_model = model;
    connect(model, &RecordTableModel::totalCountChanged, this, &RecordPage::updateCount);
    connect(model, &RecordTableModel::loadingChanged, this, &RecordPage::updateCount);
    connect(model, &RecordTableModel::loadFailed, this, [this](const DbError &error) {
        m_count->setText(tr("The list could not be loaded: %1").arg(error.message));
    });
    connect(model, &QAbstractItemModel::modelReset, this, &RecordPage::currentChanged);
    connect(model, &RecordTableModel::pageLoaded, this, &RecordPage::reselect);
    updateCount();
}

void RecordPage::followTables(const QStringList &tables)
{
    for (const QString &table : tables)
        if (!m_followed.contains(table))
            m_followed.append(table);
}

void RecordPage::addFilter(const QString &label, QWidget *filter)
{
    // A caption and its field stay together on one line of the flow.
    auto *pair = new QWidget(m_filtersRow);
    auto *row = new QHBoxLayout(pair);
    row->setContentsMargins(0, 0, 8, 0);
    row->setSpacing(4);
    if (!label.isEmpty()) {
        auto *caption = new QLabel(label, pair);
        caption->setBuddy(filter);
        row->addWidget(caption);
    }
    row->addWidget(filter);
    m_filters->addWidget(pair);
    m_filtersRow->show();
}

void RecordPage::setActionsAvailable(bool create, bool remove)
{
    m_canCreate = create;
    m_canDelete = remove;
    newAction->setVisible(create);
    deleteAction->setVisible(remove);
    newAction->setEnabled(create);
    if (!remove)
        deleteAction->setEnabled(false);
}

QToolButton *RecordPage::addToolAction(QAction *action)
{
    // After New / Edit / Delete and the actions added before it.
    m_actionsBar->addAction(action);
    if (action->isSeparator())
        return nullptr;
    addAction(action); // its shortcut works anywhere on the page
    return qobject_cast<QToolButton *>(m_actionsBar->widgetForAction(action));
}

void RecordPage::start()
{
    if (m_started || !m_model)
        return;
    m_started = true;
    m_proxy->setSourceModel(m_model);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RecordPage::currentChanged);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (!m_reselecting)
            m_restoreSelected.clear(); // the user chose another selection
    });
    // A row made current while a refresh waits for its rows is the one to restore (the
    // reset clears the current row; that change is no choice of the user's).
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (m_refreshing && !m_reselecting && current.isValid())
                    m_restoreId = m_model->idAt(m_proxy->mapToSource(current).row());
            });
    connect(this, &RecordPage::currentChanged, this, [this] {
        editAction->setEnabled(hasCurrent());
        deleteAction->setEnabled(m_canDelete && hasCurrent());
    });

    QHeaderView *header = m_view->horizontalHeader();
    const QByteArray state = QSettings(QStringLiteral("Residesk"), QStringLiteral("Residesk"))
                                 .value(QStringLiteral("pages/%1/header").arg(m_key))
                                 .toByteArray();
    if (!state.isEmpty()) {
        m_restoring = true;
        header->restoreState(state);
        m_restoring = false;
    } else {
        // First use: the columns as wide as the first rows need (an e-mail address whole),
        // within reason; after that, as the person left them.
        auto fit = std::make_shared<QMetaObject::Connection>();
        *fit = connect(m_model, &RecordTableModel::pageLoaded, this, [this, fit](bool first) {
            if (!first)
                return;
            disconnect(*fit);
            TableColumns::fitToContents(m_view);
        });
    }
    const int column = header->sortIndicatorSection() >= 0 ? header->sortIndicatorSection() : 0;
    const Qt::SortOrder order = header->sortIndicatorOrder();
    if (m_search->text().trimmed().size() > 0)
        m_proxy->setSearchText(m_search->text().trimmed());
    if (column != m_model->sortColumn() || order != m_model->sortOrder())
        m_proxy->sort(column, order);
    else
        m_model->reload();
    started();
}

void RecordPage::selectAfterReload(qint64 id)
{
    m_restoreId = id;
    m_restoreScroll = -1;
    m_restoreSelected = {id};
    m_scrollToRestored = true;
}

void RecordPage::reload()
{
    if (m_started)
        m_model->reload();
}

void RecordPage::refreshFromElsewhere()
{
    if (!m_started)
        return;
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    m_refreshing = true;
    const int row = currentSourceRow();
    m_restoreId = row >= 0 ? m_model->idAt(row) : 0;
    m_restoreScroll = m_view->verticalScrollBar()->value();
    // A reload resets the model, which clears the selection: remember it by record.
    // (While an earlier refresh still waits for its rows, its remembered ones stay.)
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows()) {
        if (const qint64 id = m_model->idAt(m_proxy->mapToSource(index).row()); id > 0)
            m_restoreSelected.insert(id);
    }
    m_model->reload();
}

void RecordPage::reselect(bool firstPage)
{
    if (firstPage)
        m_refreshing = false;
    if (firstPage && (m_restoreId > 0 || m_restoreScroll >= 0)) {
        const qint64 id = std::exchange(m_restoreId, 0);
        const int scroll = std::exchange(m_restoreScroll, -1);
        const bool scrollTo = std::exchange(m_scrollToRestored, false);
        if (const int row = id > 0 ? m_model->rowOfId(id) : -1; row >= 0) {
            // Current again without selecting it: the selection comes back below, as it was.
            const QScopedValueRollback guard(m_reselecting, true);
            const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
            m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
            if (scrollTo) // a record just created: shown where the sort puts it
                m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
        }
        if (scroll >= 0)
            m_view->verticalScrollBar()->setValue(scroll);
    }
    if (m_restoreSelected.isEmpty())
        return;
    QItemSelection rows;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const qint64 id = m_model->idAt(row);
        if (!m_restoreSelected.contains(id))
            continue;
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
        if (index.isValid())
            rows.select(index, index);
        m_restoreSelected.remove(id);
    }
    if (!rows.isEmpty()) {
        const QScopedValueRollback guard(m_reselecting, true);
        m_view->selectionModel()->select(rows, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
}

void RecordPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refreshFromElsewhere();
}

void RecordPage::saveState(QSettings &settings) const
{
    settings.setValue(QStringLiteral("pages/%1/header").arg(m_key), m_view->horizontalHeader()->saveState());
}

void RecordPage::sortRequested(int section, Qt::SortOrder order)
{
    if (m_restoring || !m_started)
        return;
    if (!m_model->canSort(section)) {
        // Not a column the list can be ordered by: the indicator goes back.
        const QScopedValueRollback guard(m_restoring, true);
        m_view->horizontalHeader()->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
        return;
    }
    m_proxy->sort(section, order);
}

void RecordPage::updateCount()
{
    if (!m_model)
        return;
    const qint64 count = m_model->totalCount();
    if (count < 0)
        m_count->setText(m_model->isLoading() ? tr("Loading…") : QString());
    else
        m_count->setText(countText(count));
    updateEmptyText();
}

void RecordPage::setEmptyText(const QString &text)
{
    m_emptyText = text;
    updateEmptyText();
}

QString RecordPage::emptyListText() const
{
    return m_empty->isVisible() ? m_empty->text() : QString();
}

void RecordPage::updateEmptyText()
{
    const bool loaded = m_started && m_model && m_model->totalCount() >= 0 && !m_model->isLoading();
    QString text;
    if (loaded && m_proxy->rowCount() == 0) {
        const bool narrowed = !m_search->text().trimmed().isEmpty() || filtersActive();
        text = narrowed || m_model->totalCount() > 0 ? tr("Nothing matches the search or the filters.")
                                                     : m_emptyText;
    }
    m_empty->setText(text);
    m_empty->setVisible(!text.isEmpty());
    if (!text.isEmpty())
        m_empty->setGeometry(m_view->viewport()->rect());
}

bool RecordPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        m_empty->setGeometry(m_view->viewport()->rect());
    return QWidget::eventFilter(watched, event);
}

void RecordPage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

int RecordPage::currentSourceRow() const
{
    if (!m_started)
        return -1;
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid())
        return -1;
    return m_proxy->mapToSource(index).row();
}

void RecordPage::editCurrent()
{
    if (raiseOpenDialog())
        return;
    const int row = currentSourceRow();
    if (row >= 0)
        editRecord(row);
}

void RecordPage::deleteCurrent()
{
    const int row = currentSourceRow();
    if (row >= 0)
        deleteRecord(row);
}

bool RecordPage::raiseOpenDialog()
{
    if (!m_dialog)
        return false;
    m_dialog->raise();
    m_dialog->activateWindow();
    return true;
}

void RecordPage::openDialog(QDialog *dialog)
{
    m_dialog = dialog;
    if (auto *record = qobject_cast<RecordDialog *>(dialog))
        connect(record, &RecordDialog::created, this, &RecordPage::selectAfterReload);
    dialog->open();
}
