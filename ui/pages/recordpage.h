#pragma once

#include "models/db/dbexecutor.h"
#include "ui/commands/recordcommand.h"
#include "ui/commands/undocontext.h"

#include <QCoroFuture>
#include <QCoroTask>
#include <QMessageBox>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QUndoStack>
#include <QWidget>

class QAction;
class QDialog;
class FlowLayout;
class QLabel;
class QLineEdit;
class QSettings;
class QTableView;
class QTimer;
class QToolBar;
class QToolButton;
class RecordFilterProxyModel;
class RecordTableModel;

// Base of the table pages (residents, rooms, buildings, and the lab's protocols and
// work orders): a tool bar with New / Edit / Delete (a page may hide New and Delete and
// add actions of its own; what does not fit the width goes into its "»" menu), a search
// box, a line of the page's filters that wraps when narrow, the table (a lazily loaded
// RecordTableModel behind a RecordFilterProxyModel; header clicks sort in the
// database) and a count line. The model is attached only in start(), when the
// database is ready. Header state is restored in start() and saved by saveState().
// GUI thread only.
class RecordPage : public QWidget
{
    Q_OBJECT
public:
    RecordPage(UndoContext &context, const QString &key, QWidget *parent = nullptr);

    // Settings key and object-name stem ("residents"); also the table it lists.
    QString key() const { return m_key; }
    // The tables whose record events reload the page (refreshFromElsewhere): the one it
    // lists and every other table one of its columns shows (a work order's protocol
    // state, an allocation's resident name).
    const QStringList &followedTables() const { return m_followed; }
    bool followsTable(const QString &table) const { return m_followed.contains(table); }
    void start();
    void reload();
    // Another client (or a job) changed the table: reloads now if the page is shown,
    // keeping the current record and the scroll position, else when it is next shown.
    void refreshFromElsewhere();
    void saveState(QSettings &settings) const;

    RecordTableModel *model() const { return m_model; }
    RecordFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QLineEdit *searchEdit() const { return m_search; }
    bool hasCurrent() const { return currentSourceRow() >= 0; }
    // False on pages whose records are not created / deleted here (see setActionsAvailable).
    bool canCreate() const { return m_canCreate; }
    bool canDelete() const { return m_canDelete; }

    void focusSearch();
    // After the next reload, the record with this id is current, selected and scrolled
    // to if its rows are among those loaded (a record just created: RecordDialog::created).
    void selectAfterReload(qint64 id);
    // The text over the empty table (setEmptyText), or empty while rows are shown.
    QString emptyListText() const;
    virtual void newRecord() = 0;
    void editCurrent();
    void deleteCurrent();

Q_SIGNALS:
    void currentChanged();

protected:
    // Called once by the subclass constructor; the page does not own the model.
    void setModel(RecordTableModel *model);
    // The tables besides key() whose columns the page shows (see followedTables()).
    void followTables(const QStringList &tables);
    void addFilter(const QString &label, QWidget *filter);
    // Pages whose records are not created or deleted from them hide those actions: their
    // buttons disappear and the actions (and the window's menu entries) stay disabled.
    void setActionsAvailable(bool create, bool remove);
    // A page action as a button on the toolbar, after the standard ones (a separator
    // action: a vertical line, and null is returned).
    QToolButton *addToolAction(QAction *action);
    virtual void editRecord(int sourceRow) = 0;
    virtual void deleteRecord(int sourceRow) = 0;
    virtual QString countText(qint64 count) const = 0;
    // Rewrites the count line (countText) when something it shows besides the count changed.
    void updateCount();
    // Shown over the table while the list is empty and nothing narrows it: what to do
    // first ("No allocations yet: …"). While a search or a filter (filtersActive())
    // hides every row, the table says that nothing matches instead.
    void setEmptyText(const QString &text);
    // Whether the page's own filters narrow the list (the search box aside).
    virtual bool filtersActive() const { return false; }
    bool eventFilter(QObject *watched, QEvent *event) override;
    virtual void started() {}
    void showEvent(QShowEvent *event) override;

    int currentSourceRow() const;
    UndoContext &context() const { return *m_context; }
    // Opens a record dialog (one at a time per page: a second request raises the first).
    bool raiseOpenDialog();
    void openDialog(QDialog *dialog);

    // Asks "Delete …?" and, on Yes, removes the record through Repo; undoable.
    template<typename Repo, typename T> void confirmDelete(const T &record, const QString &description)
    {
        auto *box = new QMessageBox(QMessageBox::Question, tr("Delete"), tr("Delete %1?").arg(description),
                                    QMessageBox::Yes | QMessageBox::No, this);
        box->setObjectName(QStringLiteral("deleteConfirmBox"));
        box->setInformativeText(tr("You can undo this with Edit ▸ Undo."));
        box->setDefaultButton(QMessageBox::No);
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::finished, this, [this, record, description](int result) {
            if (result == QMessageBox::Yes)
                removeRecord<Repo, T>(record, description);
        });
        box->open();
    }

private:
    void updateEmptyText();
    template<typename Repo, typename T> QCoro::Task<> removeRecord(T record, QString description)
    {
        QPointer<UndoContext> context = m_context;
        QPointer<RecordPage> self(this);
        const Actor actor = context->actor();
        // Named locals, not temporaries: GCC 12 destroys temporaries of a co_await
        // full-expression twice (GCC bug 100611).
        auto work = [record, actor](Database &db) {
            return Repo(db, actor).remove(record.id, record.version);
        };
        auto future = context->executor().write(std::move(work));
        const VoidResult result = co_await future;
        if (!context)
            co_return;
        if (!result) {
            context->reportFailure(tr("Delete %1").arg(description), result.error());
            co_return;
        }
        context->undoStack()->push(new RecordCommand<Repo, T>(*context, RecordCommandKind::Delete, record,
                                                              T{}, tr("Delete %1").arg(description)));
        context->notifyChanged(qMetaTypeId<T>());
    }

    void sortRequested(int section, Qt::SortOrder order);
    // After a refresh: selects again the rows of the records that were selected (on the
    // first page and on later pages as they load), until the user selects otherwise.
    void reselect(bool firstPage);

    QPointer<UndoContext> m_context;
    QString m_key;
    QStringList m_followed;
    RecordTableModel *m_model = nullptr;
    RecordFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLineEdit *m_search;
    QToolBar *m_actionsBar;
    FlowLayout *m_filters;
    QWidget *m_filtersRow = nullptr;
    QLabel *m_count;
    QLabel *m_empty;
    QString m_emptyText;
    QTimer *m_searchTimer;
    bool m_scrollToRestored = false;
    QPointer<QDialog> m_dialog;
    bool m_canCreate = true;
    bool m_canDelete = true;
    bool m_started = false;
    bool m_restoring = false;
    bool m_stale = false;           // changed elsewhere while hidden
    bool m_refreshing = false;      // a refresh waits for its first page
    qint64 m_restoreId = 0;         // after a refresh: the record to make current again (the one
                                    // current when it began, or made current meanwhile)
    int m_restoreScroll = -1;       // … the scroll position
    QSet<qint64> m_restoreSelected; // … and the selected records not found again yet
    bool m_reselecting = false;     // the page, not the user, is selecting

public:
    QAction *const newAction;
    QAction *const editAction;
    QAction *const deleteAction;
};
