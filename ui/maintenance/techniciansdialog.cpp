#include "ui/maintenance/techniciansdialog.h"

#include "models/core/recipientlanguage.h"
#include "models/db/dbexecutor.h"
#include "models/maintenance/technicianrepository.h"
#include "ui/maintenance/techniciandialog.h"
#include "ui/widgets/theme.h"

#include <QCoroFuture>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

enum Column { NameColumn, EmailColumn, SkillsColumn, DaysColumn, HoursColumn, LanguageColumn, ActiveColumn };

QString skillsText(const Technician &t)
{
    QStringList labels;
    for (const Maintenance::Category c : t.skills)
        labels.append(Maintenance::categoryLabel(c));
    return labels.join(u", "_s);
}

QString daysText(const Technician &t)
{
    const QLocale locale;
    QStringList names;
    for (const int day : t.workingDays)
        names.append(locale.standaloneDayName(day, QLocale::ShortFormat));
    return names.join(u' ');
}

} // namespace

TechniciansDialog::TechniciansDialog(DbExecutor &executor, const Actor &actor, QWidget *parent)
    : QDialog(parent)
    , m_executor(executor)
    , m_actor(actor)
    , m_table(new QTableWidget(0, 7, this))
    , m_message(new QLabel(this))
    , m_add(new QPushButton(tr("&Add…"), this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
{
    setObjectName(u"techniciansDialog"_s);
    setWindowTitle(tr("Technicians"));
    setAttribute(Qt::WA_DeleteOnClose);
    resize(820, 420);

    m_table->setObjectName(u"techniciansTable"_s);
    m_table->setAccessibleName(tr("Technicians"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("E-mail"), tr("Skills"), tr("Working days"),
                                        tr("Hours"), tr("Language"), tr("Active")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setTabKeyNavigation(false); // Tab leaves the table for the buttons
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_message->setObjectName(u"techniciansMessage"_s);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(Theme::errorStyle(palette()));
    m_message->hide();
    m_add->setObjectName(u"addTechnicianButton"_s);
    m_edit->setObjectName(u"editTechnicianButton"_s);
    m_edit->setEnabled(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_add);
    actions->addWidget(m_edit);
    actions->addStretch();
    actions->addWidget(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_message);
    layout->addLayout(actions);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_add, &QPushButton::clicked, this, [this] { addTechnician(); });
    connect(m_edit, &QPushButton::clicked, this, [this] { editTechnician(m_table->currentRow()); });
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row) {
        if (m_writable)
            editTechnician(row);
    });
    connect(m_table, &QTableWidget::currentCellChanged, this, &TechniciansDialog::updateButtons);
    reload();
}

void TechniciansDialog::setWritable(bool writable)
{
    m_writable = writable;
    m_add->setVisible(writable);
    m_edit->setVisible(writable);
    updateButtons();
}

void TechniciansDialog::updateButtons()
{
    m_edit->setEnabled(m_writable && m_table->currentRow() >= 0);
}

QCoro::Task<> TechniciansDialog::reload()
{
    QPointer<TechniciansDialog> self(this);
    const quint64 generation = ++m_generation;
    if (const int row = m_table->currentRow(); m_keepId == 0 && row >= 0 && row < m_technicians.size())
        m_keepId = m_technicians.at(row).id;
    auto work = [actor = m_actor](Database &db) {
        return TechnicianRepository(db, actor).list(false);
    };
    auto future = m_executor.read(std::move(work)); // named: GCC 12 bug 100611
    const Result<QList<Technician>> list = co_await future;
    if (!self || generation != m_generation)
        co_return;
    if (!list) {
        m_message->setText(tr("The technicians cannot be read: %1").arg(list.error().message));
        m_message->show();
        Q_EMIT loaded();
        co_return;
    }
    m_message->hide();
    m_technicians = list.value();
    m_table->setRowCount(0);
    m_table->setRowCount(int(m_technicians.size()));
    int keep = -1;
    for (int row = 0; row < m_technicians.size(); ++row) {
        const Technician &t = m_technicians.at(row);
        const QStringList cells{
            t.name,
            t.email,
            skillsText(t),
            daysText(t),
            tr("%1–%2").arg(Technician::hoursText(t.dayStarts), Technician::hoursText(t.dayEnds)),
            t.language.isEmpty() ? RecipientLanguage::defaultLabel()
                                 : RecipientLanguage::nativeName(t.language),
            t.active ? tr("Yes") : tr("No")};
        for (int column = 0; column < cells.size(); ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
        if (t.id == m_keepId)
            keep = row;
    }
    // Every column as wide as its contents (the last one too, before it stretches again),
    // and the dialog wide enough to read them all as far as the screen allows: it grows,
    // never shrinks what the person chose.
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->resizeColumnsToContents();
    int columns = 0;
    for (int column = 0; column < m_table->columnCount(); ++column)
        columns += m_table->columnWidth(column);
    m_table->horizontalHeader()->setStretchLastSection(true);
    const QMargins margins = layout() ? layout()->contentsMargins() : QMargins();
    const int around = margins.left() + margins.right() + 2 * m_table->frameWidth() +
                       m_table->verticalScrollBar()->sizeHint().width();
    const int available = screen() ? screen()->availableGeometry().width() - 48 : width();
    if (columns + around > width())
        resize(qMin(columns + around, qMax(available, width())), height());
    m_keepId = 0;
    if (keep >= 0)
        m_table->selectRow(keep);
    updateButtons();
    Q_EMIT loaded();
}

TechnicianDialog *TechniciansDialog::addTechnician()
{
    return m_writable ? openEditor(0) : nullptr;
}

TechnicianDialog *TechniciansDialog::editTechnician(int row)
{
    if (!m_writable || row < 0 || row >= m_technicians.size())
        return nullptr;
    return openEditor(m_technicians.at(row).id);
}

TechnicianDialog *TechniciansDialog::openEditor(qint64 id)
{
    auto *dialog = new TechnicianDialog(m_executor, m_actor, id, this);
    connect(dialog, &TechnicianDialog::saved, this, [this](const Technician &t) {
        m_keepId = t.id;
        reload();
        Q_EMIT saved(t);
    });
    dialog->open();
    return dialog;
}
