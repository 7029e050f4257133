#include "ui/lab/protocolspage.h"

#include "models/itemmodels/protocolstablemodel.h"
#include "models/itemmodels/recordfilterproxymodel.h"
#include "models/lab/clientrepository.h"
#include "ui/widgets/icons.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>
#include <QTableView>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
// A date edit's "no limit": its minimum, shown as the special value text.
const QDate kAnyDate(2000, 1, 1);

QAction *makeAction(QWidget *parent, const QString &text, const char *name, const QKeySequence &shortcut,
                    Icons::Name icon)
{
    auto *action = new QAction(Icons::get(icon), text, parent);
    action->setObjectName(QString::fromLatin1(name));
    action->setShortcut(shortcut);
    action->setEnabled(false);
    return action;
}

QDateEdit *makeDateEdit(QWidget *parent, const QString &name)
{
    auto *edit = new QDateEdit(parent);
    edit->setObjectName(name);
    edit->setCalendarPopup(true);
    edit->setMinimumDate(kAnyDate);
    edit->setSpecialValueText(ProtocolsPage::tr("any"));
    edit->setDate(kAnyDate);
    edit->setDisplayFormat(u"yyyy-MM-dd"_s);
    return edit;
}
} // namespace

ProtocolsPage::ProtocolsPage(UndoContext &context, QWidget *parent)
    : RecordPage(context, u"protocols"_s, parent)
    , openReportAction(makeAction(this, tr("Open report"), "openReportAction",
                                  QKeySequence(Qt::CTRL | Qt::Key_E), Icons::Edit))
    , workOrderPdfAction(makeAction(this, tr("Work order PDF"), "workOrderPdfAction",
                                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W), Icons::Pdf))
    , receiveAction(makeAction(this, tr("&Receive"), "receiveAction", QKeySequence(Qt::CTRL | Qt::Key_R),
                               Icons::Receive))
    , startAnalysisAction(makeAction(this, tr("Start &analysis"), "startAnalysisAction",
                                     QKeySequence(Qt::CTRL | Qt::Key_T), Icons::StartAnalysis))
    , cancelAction(makeAction(this, tr("&Cancel…"), "cancelProtocolAction",
                              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X), Icons::Cancel))
    , editClientAction(makeAction(this, tr("Edit c&lient…"), "editClientAction",
                                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), Icons::Edit))
    , m_protocols(new ProtocolsTableModel(context.executor(), this))
    , m_state(new QComboBox(this))
    , m_client(new QComboBox(this))
    , m_from(makeDateEdit(this, u"submittedFromFilter"_s))
    , m_to(makeDateEdit(this, u"submittedToFilter"_s))
{
    setActionsAvailable(false, false);
    editAction->setText(tr("Open report"));
    editAction->setToolTip(tr("Open the report of the current protocol (Return)"));
    editAction->setVisible(false); // "Open report" below says the same
    searchEdit()->setPlaceholderText(tr("Search by number, animal ID or client…"));
    openReportAction->setToolTip(
        tr("Open the report of the current protocol in the editor (Ctrl+E, Return)"));
    workOrderPdfAction->setToolTip(tr("Show the work order of the current protocol as PDF (Ctrl+Shift+W)"));
    editClientAction->setToolTip(
        tr("Edit the e-mail address and language of the current protocol's client (Ctrl+Shift+L)"));
    for (QAction *action : {openReportAction, workOrderPdfAction, receiveAction, startAnalysisAction,
                            cancelAction, editClientAction})
        addToolAction(action);

    connect(openReportAction, &QAction::triggered, this, &RecordPage::editCurrent);
    connect(workOrderPdfAction, &QAction::triggered, this, [this] {
        if (const Protocol p = currentProtocol(); p.id > 0)
            Q_EMIT workOrderPdfRequested(p.id);
    });
    connect(editClientAction, &QAction::triggered, this, [this] {
        if (const Protocol p = currentProtocol(); p.clientId > 0)
            Q_EMIT editClientRequested(p.clientId);
    });
    connect(receiveAction, &QAction::triggered, this, [this] { act(Protocol::State::Received); });
    connect(startAnalysisAction, &QAction::triggered, this, [this] { act(Protocol::State::InAnalysis); });
    connect(cancelAction, &QAction::triggered, this, [this] { act(Protocol::State::Cancelled); });

    m_state->setObjectName(u"stateFilter"_s);
    m_state->addItem(tr("All"), QString());
    for (const Protocol::State state : Protocol::allStates())
        m_state->addItem(Protocol::stateLabel(state), Protocol::stateCode(state));
    addFilter(tr("S&tate:"), m_state);
    m_client->setObjectName(u"clientFilter"_s);
    // A client's name may be long: the combo keeps a usual width, its list shows it whole.
    m_client->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_client->setMinimumContentsLength(22);
    m_client->addItem(tr("All clients"), qint64(0));
    addFilter(tr("C&lient:"), m_client);
    addFilter(tr("Submitted &from:"), m_from);
    addFilter(tr("t&o:"), m_to);
    connect(m_state, &QComboBox::currentIndexChanged, this, &ProtocolsPage::applyFilters);
    connect(m_client, &QComboBox::currentIndexChanged, this, &ProtocolsPage::applyFilters);
    connect(m_from, &QDateEdit::dateChanged, this, &ProtocolsPage::applyFilters);
    connect(m_to, &QDateEdit::dateChanged, this, &ProtocolsPage::applyFilters);

    view()->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view(), &QWidget::customContextMenuRequested, this, &ProtocolsPage::showContextMenu);
    connect(this, &RecordPage::currentChanged, this, &ProtocolsPage::updateActions);
    // The model's rows change under the selection on reload: the actions follow.
    connect(m_protocols, &QAbstractItemModel::modelReset, this, &ProtocolsPage::listReloaded);
    connect(this, &ProtocolsPage::selectionChanged, this, &ProtocolsPage::updateActions);
    connect(this, &ProtocolsPage::selectionChanged, this, &ProtocolsPage::updateCount); // "· 2 selected"
    connect(this, &ProtocolsPage::filterChanged, this, &ProtocolsPage::updateActions);
    connect(m_protocols, &QAbstractItemModel::dataChanged, this, &ProtocolsPage::updateActions);
    // The client's name is a column.
    followTables({u"clients"_s});
    setModel(m_protocols);
}

void ProtocolsPage::started()
{
    connect(view()->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ProtocolsPage::selectionChanged);
    applyFilters();
    refreshClients();
}

QCoro::Task<> ProtocolsPage::refreshClients()
{
    QPointer<ProtocolsPage> self(this);
    const Actor actor = context().actor();
    auto work = [actor](Database &db) {
        PageRequest request;
        request.sortColumn = ClientRepository::Name;
        request.limit = 1000; // a lab's clients; beyond that the search box finds them
        return ClientRepository(db, actor).page(request);
    };
    auto future = context().executor().read(std::move(work)); // named: GCC 12 bug 100611
    const Result<QList<Client>> clients = co_await future;
    if (!self || !clients)
        co_return;
    const qint64 selected = m_client->currentData().toLongLong();
    {
        const QSignalBlocker blocker(m_client);
        while (m_client->count() > 1)
            m_client->removeItem(1);
        for (const Client &c : clients.value())
            m_client->addItem(c.name, c.id);
        const int at = m_client->findData(selected);
        m_client->setCurrentIndex(at >= 0 ? at : 0);
    }
    m_clientsLoaded = true;
    if (m_client->currentData().toLongLong() != selected)
        applyFilters();
}

ProtocolFilter ProtocolsPage::currentFilter() const
{
    return m_protocols->shownFilter();
}

bool ProtocolsPage::hasBulkScope() const
{
    return !selectedProtocolIds().isEmpty() || currentFilter() != ProtocolFilter{};
}

void ProtocolsPage::listReloaded()
{
    // The selection is gone with the old rows; the filter may be another one.
    Q_EMIT selectionChanged();
    if (const ProtocolFilter shown = currentFilter(); shown != m_shownFilter) {
        m_shownFilter = shown;
        Q_EMIT filterChanged();
    }
}

Protocol ProtocolsPage::selectedProtocol() const
{
    const QModelIndexList rows =
        view()->selectionModel() ? view()->selectionModel()->selectedRows() : QModelIndexList{};
    return rows.size() == 1 ? m_protocols->protocolAt(proxy()->mapToSource(rows.constFirst()).row())
                            : Protocol{};
}

void ProtocolsPage::setBulkAllowed(bool allowed)
{
    m_bulkAllowed = allowed;
    updateActions();
}

void ProtocolsPage::applyFilters()
{
    ProtocolFilter filter;
    filter.state = Protocol::stateFromCode(m_state->currentData().toString());
    filter.clientId = m_client->currentData().toLongLong();
    if (m_from->date() > kAnyDate)
        filter.submittedFrom = m_from->date();
    if (m_to->date() > kAnyDate)
        filter.submittedTo = m_to->date();
    m_protocols->setProtocolFilter(filter);
}

void ProtocolsPage::setStateFilter(std::optional<Protocol::State> state)
{
    const int at = m_state->findData(state ? Protocol::stateCode(*state) : QString());
    m_state->setCurrentIndex(qMax(0, at));
}

void ProtocolsPage::setClientFilter(qint64 clientId)
{
    const int at = m_client->findData(clientId);
    m_client->setCurrentIndex(qMax(0, at));
}

void ProtocolsPage::setSubmittedRange(const QDate &from, const QDate &to)
{
    m_from->setDate(from.isValid() ? from : kAnyDate);
    m_to->setDate(to.isValid() ? to : kAnyDate);
}

QList<qint64> ProtocolsPage::selectedProtocolIds() const
{
    QList<qint64> ids;
    if (!view()->selectionModel())
        return ids;
    QList<int> rows;
    for (const QModelIndex &index : view()->selectionModel()->selectedRows())
        rows.append(proxy()->mapToSource(index).row());
    std::sort(rows.begin(), rows.end());
    for (int row : rows)
        ids.append(m_protocols->idAt(row));
    return ids;
}

Protocol ProtocolsPage::currentProtocol() const
{
    const int row = currentSourceRow();
    return row >= 0 ? m_protocols->protocolAt(row) : Protocol{};
}

namespace {
// What a verb acts on (see ProtocolsPage::act).
enum class Scope { None, One, Selection, Filter };
} // namespace

void ProtocolsPage::updateActions()
{
    const Protocol current = currentProtocol();
    openReportAction->setEnabled(current.id > 0);
    workOrderPdfAction->setEnabled(current.id > 0);
    editClientAction->setEnabled(current.clientId > 0);

    const qsizetype selected = view()->selectionModel() ? view()->selectionModel()->selectedRows().size() : 0;
    const bool filtered = currentFilter() != ProtocolFilter{};
    Scope scope = Scope::None;
    if (selected == 1 || (selected == 0 && !(m_bulkAllowed && filtered) && current.id > 0))
        scope = Scope::One;
    else if (selected > 1 && m_bulkAllowed)
        scope = Scope::Selection;
    else if (selected == 0 && m_bulkAllowed && filtered)
        scope = Scope::Filter;

    const QLocale locale;
    const struct
    {
        QAction *action;
        Protocol::State to;
        QString one, some, all, shortcut;
    } verbs[] = {
        {receiveAction, Protocol::State::Received, tr("Mark the selected protocol's samples as received"),
         tr("Mark the %1 selected protocols as received (a job; can be undone)"),
         tr("Mark every protocol the filter matches as received (a job; can be undone)"), u"Ctrl+R"_s},
        {startAnalysisAction, Protocol::State::InAnalysis, tr("Start the analysis of the selected protocol"),
         tr("Start the analysis of the %1 selected protocols (a job; can be undone)"),
         tr("Start the analysis of every protocol the filter matches (a job; can be undone)"), u"Ctrl+T"_s},
        {cancelAction, Protocol::State::Cancelled, tr("Cancel the selected protocol"),
         tr("Cancel the %1 selected protocols (a job; can be undone)"),
         tr("Cancel every protocol the filter matches (a job; can be undone)"), u"Ctrl+Shift+X"_s},
    };
    const Protocol one = scope != Scope::One ? Protocol{} : selected == 1 ? selectedProtocol() : current;
    for (const auto &verb : verbs) {
        QString tip;
        bool enabled = false;
        switch (scope) {
        case Scope::None:
            tip = m_bulkAllowed  ? tr("Select protocols, or filter the list, first")
                  : selected > 1 ? tr("Select one protocol: changing several at once is for administrators")
                                 : tr("Select a protocol first");
            break;
        case Scope::One:
            enabled = one.id > 0 && ProtocolRepository::canTransition(one.state, verb.to);
            tip = verb.one;
            break;
        case Scope::Selection:
            enabled = true;
            tip = verb.some.arg(locale.toString(selected));
            break;
        case Scope::Filter:
            enabled = true;
            tip = verb.all;
            break;
        }
        verb.action->setEnabled(enabled);
        verb.action->setToolTip(tr("%1 (%2)").arg(tip, verb.shortcut));
    }
}

void ProtocolsPage::act(Protocol::State to)
{
    const QModelIndexList rows =
        view()->selectionModel() ? view()->selectionModel()->selectedRows() : QModelIndexList{};
    Protocol one = rows.size() == 1 ? selectedProtocol() : Protocol{};
    const bool filtered = currentFilter() != ProtocolFilter{};
    if (rows.size() > 1 || (rows.isEmpty() && filtered && m_bulkAllowed)) {
        if (m_bulkAllowed)
            Q_EMIT bulkRequested(to);
        return;
    }
    if (rows.isEmpty())
        one = currentProtocol();
    if (one.id <= 0 || !ProtocolRepository::canTransition(one.state, to))
        return;
    if (to == Protocol::State::Cancelled)
        cancelOne(one);
    else
        transition(one, to);
}

void ProtocolsPage::cancelOne(const Protocol &p)
{
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Cancel protocol"), tr("Cancel protocol %1?").arg(p.number),
                        QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(u"cancelProtocolBox"_s);
    box->setInformativeText(tr("A cancelled protocol cannot be received, analysed or reported any more."));
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, p](int result) {
        if (result == QMessageBox::Yes)
            transition(p, Protocol::State::Cancelled);
    });
    box->open();
}

void ProtocolsPage::editRecord(int sourceRow)
{
    const Protocol p = m_protocols->protocolAt(sourceRow);
    if (p.id > 0)
        Q_EMIT openReportRequested(p.id);
}

QString ProtocolsPage::countText(qint64 count) const
{
    const int selected = view()->selectionModel() ? int(view()->selectionModel()->selectedRows().size()) : 0;
    const QString rows = count == 1 ? tr("1 protocol") : tr("%L1 protocols").arg(count);
    return selected > 1 ? tr("%1 · %L2 selected").arg(rows).arg(selected) : rows;
}

QCoro::Task<> ProtocolsPage::transition(Protocol protocol, Protocol::State to)
{
    QPointer<ProtocolsPage> self(this);
    QPointer<UndoContext> context = &this->context();
    const Actor actor = context->actor();
    auto work = [id = protocol.id, version = protocol.version, to, actor](Database &db) {
        return ProtocolRepository(db, actor).transition(id, to, version);
    };
    auto future = context->executor().write(std::move(work)); // named: GCC 12 bug 100611
    const Result<Protocol> moved = co_await future;
    if (!self || !context)
        co_return;
    const QString what = tr("%1: %2").arg(protocol.number, Protocol::stateLabel(to));
    if (!moved) {
        if (moved.error().code == DbError::Code::Conflict) {
            auto *box =
                new QMessageBox(QMessageBox::Warning, tr("Changed by someone else"),
                                tr("Protocol %1 was changed by someone else since the list was loaded; "
                                   "it was not changed.")
                                    .arg(protocol.number),
                                QMessageBox::NoButton, this);
            box->setObjectName(u"conflictBox"_s);
            box->setInformativeText(tr("Reload shows it as it is now; then try again."));
            QPushButton *reload = box->addButton(tr("Reload"), QMessageBox::AcceptRole);
            reload->setObjectName(u"reloadButton"_s);
            box->addButton(QMessageBox::Cancel)->setObjectName(u"cancelButton"_s);
            box->setAttribute(Qt::WA_DeleteOnClose);
            connect(box, &QMessageBox::finished, this, [this, box, reload] {
                if (box->clickedButton() == reload)
                    refreshFromElsewhere();
            });
            box->open();
        } else {
            context->reportFailure(what, moved.error());
        }
        co_return;
    }
    Q_EMIT protocolChanged(moved.value());
    refreshFromElsewhere();
}

void ProtocolsPage::showContextMenu(const QPoint &pos)
{
    auto *menu = new QMenu(this);
    menu->setObjectName(u"protocolsContextMenu"_s);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addActions({openReportAction, workOrderPdfAction});
    menu->addSeparator();
    menu->addActions({receiveAction, startAnalysisAction, cancelAction});
    menu->addSeparator();
    menu->addAction(editClientAction);
    menu->popup(view()->viewport()->mapToGlobal(pos));
}
