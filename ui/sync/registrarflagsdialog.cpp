#include "ui/sync/registrarflagsdialog.h"

#include "models/db/dbexecutor.h"
#include "models/db/events.h"
#include "tasks/jobclock.h"

#include <QCheckBox>
#include <QCoroFuture>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

RegistrarFlagsDialog::RegistrarFlagsDialog(const WindowServices &services, QWidget *parent)
    : QDialog(parent)
    , m_services(services)
    , m_table(new QTableWidget(this))
    , m_showReviewed(new QCheckBox(tr("Show &reviewed"), this))
    , m_clear(new QPushButton(tr("&Clear flag"), this))
    , m_status(new QLabel(this))
{
    setObjectName(u"registrarFlagsDialog"_s);
    setWindowTitle(tr("Residents not in the registrar export"));
    resize(820, 420);
    auto *intro = new QLabel(tr("The registrar's last export did not list these residents. Nothing about them "
                                "was changed: review each one (graduated? moved out?), change the resident if "
                                "needed, then clear the flag."),
                             this);
    intro->setWordWrap(true);
    m_table->setObjectName(u"registrarFlagsTable"_s);
    m_table->setAccessibleName(windowTitle());
    m_table->setColumnCount(7);
    m_table->setHorizontalHeaderLabels({tr("Student ID"), tr("First name"), tr("Last name"), tr("E-mail"),
                                        tr("Status"), tr("Not listed since"), tr("Reviewed")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_showReviewed->setObjectName(u"showReviewed"_s);
    m_clear->setObjectName(u"clearFlag"_s);
    m_clear->setToolTip(tr("Mark the selected residents as reviewed"));
    m_clear->setEnabled(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_clear, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_clear, &QPushButton::clicked, this, [this] { clearSelected(); });
    connect(m_showReviewed, &QCheckBox::toggled, this, [this] { reload(); });
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
            [this] { m_clear->setEnabled(!m_table->selectionModel()->selectedRows().isEmpty()); });
    connect(&m_services.events, &EventBus::recordsChanged, this, [this](const QString &table) {
        if (table == u"registrar_flags"_s || table == u"residents"_s)
            reload();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table);
    layout->addWidget(m_showReviewed);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    reload();
}

QCoro::Task<> RegistrarFlagsDialog::reload()
{
    QPointer<RegistrarFlagsDialog> self(this);
    const bool reviewed = m_showReviewed->isChecked();
    auto future = m_services.executor.read([actor = m_services.actor, reviewed](Database &db) {
        return RegistrarFlagRepository(db, actor).list(reviewed);
    });
    const Result<QList<RegistrarFlag>> flags = co_await future;
    if (!self)
        co_return;
    if (!flags) {
        m_status->setText(tr("The flagged residents cannot be read: %1").arg(flags.error().message));
        Q_EMIT loaded(-1);
        co_return;
    }
    showFlags(flags.value());
    Q_EMIT loaded(int(flags->size()));
}

void RegistrarFlagsDialog::showFlags(const QList<RegistrarFlag> &flags)
{
    m_table->setRowCount(0);
    m_table->setRowCount(int(flags.size()));
    for (int row = 0; row < flags.size(); ++row) {
        const RegistrarFlag &f = flags.at(row);
        const QStringList cells{f.resident.studentId,
                                f.resident.firstName,
                                f.resident.lastName,
                                f.resident.email,
                                Resident::statusLabel(f.resident.status),
                                QLocale().toString(QDateTime::fromMSecsSinceEpoch(f.flaggedAt), QLocale::ShortFormat),
                                f.reviewedAt > 0 ? tr("%1, %2")
                                                       .arg(f.reviewedBy,
                                                            QLocale().toString(QDateTime::fromMSecsSinceEpoch(
                                                                                   f.reviewedAt),
                                                                               QLocale::ShortFormat))
                                                 : QString()};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setData(Qt::UserRole, f.id);
            m_table->setItem(row, column, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_status->setText(flags.isEmpty() ? tr("No resident is flagged.")
                                      : tr("%n resident(s) flagged.", nullptr, int(flags.size())));
    m_clear->setEnabled(false);
}

QCoro::Task<> RegistrarFlagsDialog::clearSelected()
{
    QPointer<RegistrarFlagsDialog> self(this);
    QList<qint64> ids;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        ids.append(m_table->item(index.row(), 0)->data(Qt::UserRole).toLongLong());
    if (ids.isEmpty())
        co_return;
    m_clear->setEnabled(false);
    auto future = m_services.executor.write([actor = m_services.actor, ids](Database &db) -> Result<int> {
        const Result<int> marked = RegistrarFlagRepository(db, actor).markReviewed(ids, JobClock::system().nowMs());
        if (marked && marked.value() > 0)
            Events::publishRecordsChanged(db, u"registrar_flags"_s);
        return marked;
    });
    const Result<int> marked = co_await future;
    if (!self)
        co_return;
    if (!marked) {
        m_status->setText(tr("The flags were not cleared: %1").arg(marked.error().message));
        co_return;
    }
    auto reloading = reload();
    co_await reloading;
}
