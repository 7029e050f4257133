#include "ui/pages/auditpage.h"

#include "models/itemmodels/audittablemodel.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHeaderView>
#include <QLineEdit>
#include <QMessageBox>
#include <QTableView>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

// A day filter that starts empty ("any day"): its minimum date stands for none.
QDateEdit *dayEdit(const QString &objectName, QWidget *parent)
{
    auto *edit = new QDateEdit(parent);
    edit->setObjectName(objectName);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(u"yyyy-MM-dd"_s);
    edit->setMinimumDate(QDate(2000, 1, 1));
    edit->setSpecialValueText(AuditPage::tr("any day"));
    edit->setDate(edit->minimumDate());
    return edit;
}

qint64 dayStartMs(const QDateEdit *edit, int addDays)
{
    if (edit->date() == edit->minimumDate())
        return 0;
    return edit->date().addDays(addDays).startOfDay().toMSecsSinceEpoch();
}

} // namespace

AuditPage::AuditPage(UndoContext &context, QWidget *parent)
    : RecordPage(context, QStringLiteral("audit"), parent)
    , m_audit(new AuditTableModel(context.executor(), this))
    , m_person(new QLineEdit(this))
    , m_table(new QComboBox(this))
    , m_record(new QLineEdit(this))
    , m_from(dayEdit(u"auditFrom"_s, this))
    , m_to(dayEdit(u"auditTo"_s, this))
{
    setActionsAvailable(false, false);
    editAction->setText(tr("Show &changes…"));
    editAction->setToolTip(tr("Show the selected entry's record before and after"));
    // The filters below say what to show; the search box has nothing to search.
    searchEdit()->hide();

    m_person->setObjectName(u"auditPerson"_s);
    m_person->setPlaceholderText(tr("login"));
    m_person->setClearButtonEnabled(true);
    m_table->setObjectName(u"auditTable"_s);
    m_table->addItem(tr("All tables"), QString());
    for (const QString &entity : AuditLog::entities())
        m_table->addItem(entity, entity);
    m_record->setObjectName(u"auditRecord"_s);
    m_record->setPlaceholderText(tr("id"));
    m_record->setClearButtonEnabled(true);
    addFilter(tr("Person:"), m_person);
    addFilter(tr("Table:"), m_table);
    addFilter(tr("Record:"), m_record);
    addFilter(tr("From:"), m_from);
    addFilter(tr("To:"), m_to);

    // Typing waits for a pause; the rest applies at once.
    auto *typing = new QTimer(this);
    typing->setSingleShot(true);
    typing->setInterval(300);
    connect(typing, &QTimer::timeout, this, &AuditPage::applyFilter);
    connect(m_person, &QLineEdit::textChanged, typing, qOverload<>(&QTimer::start));
    connect(m_record, &QLineEdit::textChanged, typing, qOverload<>(&QTimer::start));
    connect(m_table, &QComboBox::currentIndexChanged, this, &AuditPage::applyFilter);
    connect(m_from, &QDateEdit::dateChanged, this, &AuditPage::applyFilter);
    connect(m_to, &QDateEdit::dateChanged, this, &AuditPage::applyFilter);

    followTables({u"buildings"_s, u"rooms"_s, u"residents"_s, u"allocations"_s, u"clients"_s, u"protocols"_s,
                  u"work_orders"_s, u"reports"_s, u"people"_s});
    setModel(m_audit);
    // Newest first, unless the person sorted otherwise before (restored in start()).
    view()->horizontalHeader()->setSortIndicator(AuditLog::Time, Qt::DescendingOrder);
}

void AuditPage::applyFilter()
{
    AuditFilter filter;
    filter.username = m_person->text().trimmed();
    filter.entity = m_table->currentData().toString();
    filter.record = m_record->text().trimmed();
    filter.fromMs = dayStartMs(m_from, 0);
    filter.toMs = dayStartMs(m_to, 1); // through the end of that day
    if (filter == m_audit->auditFilter())
        return;
    m_audit->setAuditFilter(filter);
}

void AuditPage::editRecord(int sourceRow)
{
    const AuditEntry e = m_audit->entryAt(sourceRow);
    if (e.id == 0)
        return;
    auto *box = new QMessageBox(QMessageBox::Information, tr("Audit entry %1").arg(e.id),
                                tr("%1 (signed in as %2): %3, %4 %5.")
                                    .arg(e.username, e.sessionLogin, e.action, e.entity, e.recordText()),
                                QMessageBox::Close, this);
    box->setObjectName(u"auditEntryBox"_s);
    box->setInformativeText(AuditTableModel::changeSummary(e).replace(u"; "_s, u"\n"_s));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

QString AuditPage::countText(qint64 count) const
{
    return tr("%n audit entries", nullptr, int(qMin<qint64>(count, INT_MAX)));
}
