#include "ui/pages/recordpage.h"

#include "models/itemmodels/recordfilterproxymodel.h"
#include "models/itemmodels/recordtablemodel.h"

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
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

namespace {
QIcon themeIcon(const QWidget *widget, const char *name, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(QString::fromLatin1(name), widget->style()->standardIcon(fallback));
}
} // namespace

RecordPage::RecordPage(UndoContext &context, const QString &key, QWidget *parent)
    : QWidget(parent)
    , m_context(&context)
    , m_key(key)
    , m_followed{key}
    , m_proxy(new RecordFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_search(new QLineEdit(this))
    , m_toolbar(new QHBoxLayout)
    , m_count(new QLabel(this))
    , m_searchTimer(new QTimer(this))
    , newAction(new QAction(themeIcon(this, "document-new", QStyle::SP_FileIcon), tr("New"), this))
    , editAction(
          new QAction(themeIcon(this, "document-edit", QStyle::SP_FileDialogDetailedView), tr("Edit"), this))
    , deleteAction(new QAction(themeIcon(this, "edit-delete", QStyle::SP_TrashIcon), tr("Delete"), this))
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

    for (QAction *action : {newAction, editAction, deleteAction}) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setAutoRaise(true);
        m_toolbar->addWidget(button);
        if (action == newAction)
            m_newButton = button;
        else if (action == deleteAction)
            m_deleteButton = button;
    }
    m_toolbar->addSpacing(12);
    m_search->setPlaceholderText(tr("Search…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(240);
    m_toolbar->addWidget(m_search);
    m_toolbar->addStretch();
    m_toolbar->setSpacing(6);

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

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(6);
    layout->addLayout(m_toolbar);
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
    const int at = m_toolbar->count() - 1; // before the stretch
    auto *caption = new QLabel(label, this);
    caption->setBuddy(filter);
    m_toolbar->insertSpacing(at, 8);
    m_toolbar->insertWidget(at + 1, caption);
    m_toolbar->insertWidget(at + 2, filter);
}

void RecordPage::setActionsAvailable(bool create, bool remove)
{
    m_canCreate = create;
    m_canDelete = remove;
    m_newButton->setVisible(create);
    m_deleteButton->setVisible(remove);
    newAction->setEnabled(create);
    if (!remove)
        deleteAction->setEnabled(false);
}

QToolButton *RecordPage::addToolAction(QAction *action)
{
    if (action->isSeparator()) {
        auto *line = new QFrame(this);
        line->setFrameShape(QFrame::VLine);
        line->setFrameShadow(QFrame::Sunken);
        m_toolbar->insertWidget(3 + m_toolActions++, line);
        return nullptr;
    }
    auto *button = new QToolButton(this);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setAutoRaise(true);
    // After New / Edit / Delete and the buttons added before it.
    m_toolbar->insertWidget(3 + m_toolActions++, button);
    addAction(action); // its shortcut works anywhere on the page
    return button;
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
        if (const int row = id > 0 ? m_model->rowOfId(id) : -1; row >= 0) {
            // Current again without selecting it: the selection comes back below, as it was.
            const QScopedValueRollback guard(m_reselecting, true);
            m_view->selectionModel()->setCurrentIndex(m_proxy->mapFromSource(m_model->index(row, 0)),
                                                      QItemSelectionModel::NoUpdate);
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
    dialog->open();
}
