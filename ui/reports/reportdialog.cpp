#include "ui/reports/reportdialog.h"

#include "models/reports/usagereportrepository.h"
#include "ui/widgets/theme.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

QString ReportDialog::reportTitle(const QString &report)
{
    if (report == u"occupancy")
        return tr("Occupancy");
    if (report == u"maintenance")
        return tr("Maintenance");
    return tr("Lab turnaround");
}

ReportDialog::ReportDialog(const QStringList &reports, const QString &initial, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"reportDialog"_s);
    setWindowTitle(tr("Make a report"));
    m_report = new QComboBox(this);
    m_report->setObjectName(u"reportKind"_s);
    for (const QString &r : reports)
        m_report->addItem(reportTitle(r), r);
    m_report->setCurrentIndex(std::max(0, m_report->findData(initial)));
    const QDate today = QDate::currentDate();
    m_from = new QDateEdit(QDate(today.year(), 1, 1), this);
    m_from->setObjectName(u"reportFrom"_s);
    m_to = new QDateEdit(today, this);
    m_to->setObjectName(u"reportTo"_s);
    for (QDateEdit *e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(u"yyyy-MM-dd"_s);
    }
    m_format = new QComboBox(this);
    m_format->setObjectName(u"reportFormat"_s);
    m_format->addItem(tr("PDF (opens in the viewer)"), u"pdf"_s);
    m_format->addItem(tr("CSV (saved to a file)"), u"csv"_s);
    m_error = new QLabel(this);
    m_error->setObjectName(u"reportError"_s);
    m_error->setStyleSheet(Theme::errorStyle(palette()));
    m_error->setWordWrap(true);
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Report:"), m_report);
    form->addRow(tr("&From:"), m_from);
    form->addRow(tr("&To (included):"), m_to);
    form->addRow(tr("F&ormat:"), m_format);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Start"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ReportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ReportDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

QString ReportDialog::report() const
{
    return m_report->currentData().toString();
}

QDate ReportDialog::from() const
{
    return m_from->date();
}

QDate ReportDialog::to() const
{
    return m_to->date();
}

QString ReportDialog::format() const
{
    return m_format->currentData().toString();
}

void ReportDialog::accept()
{
    if (auto ok = UsageReportRepository::checkPeriod(from(), to()); !ok) {
        m_error->setText(ok.error().message);
        m_error->show();
        return;
    }
    QDialog::accept();
}
