#include "ui/allocations/depositdialog.h"

#include "models/housing/allocation/deposit.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

DepositDialog::DepositDialog(Mode mode, const QString &about, QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_amount(new QLineEdit(this))
    , m_date(new QDateEdit(QDate::currentDate(), this))
    , m_reference(new QLineEdit(this))
    , m_error(new QLabel(this))
{
    setObjectName(u"depositDialog"_s);
    setWindowTitle(mode == Mode::Require ? tr("Require a deposit") : tr("Record a deposit payment"));
    m_amount->setObjectName(u"depositAmount"_s);
    m_amount->setPlaceholderText(tr("250.00"));
    m_date->setObjectName(u"depositDate"_s);
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(u"yyyy-MM-dd"_s);
    m_reference->setObjectName(u"depositReference"_s);
    m_reference->setPlaceholderText(tr("Receipt or transfer number"));
    m_reference->setMaxLength(100);
    m_error->setObjectName(u"depositError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: palette(bright-text); background: #b3261e; padding: 4px;"_s);
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Amount:"), m_amount);
    if (mode == Mode::Payment) {
        form->addRow(tr("&Paid on:"), m_date);
        form->addRow(tr("&Reference:"), m_reference);
    } else {
        m_date->hide();
        m_reference->hide();
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &DepositDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &DepositDialog::reject);
    auto *layout = new QVBoxLayout(this);
    auto *text = new QLabel(about, this);
    text->setWordWrap(true);
    layout->addWidget(text);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

qint64 DepositDialog::cents() const
{
    return Deposit::parseAmount(m_amount->text()).value_or(0);
}

QDate DepositDialog::paidOn() const
{
    return m_date->date();
}

QString DepositDialog::reference() const
{
    return m_reference->text().trimmed();
}

void DepositDialog::accept()
{
    QString problem;
    if (cents() <= 0)
        problem = tr("The amount must be above zero, such as 250 or 250.00 (not \"%1\").").arg(m_amount->text());
    else if (m_mode == Mode::Payment && reference().isEmpty())
        problem = tr("The reference (receipt or transfer number) is required.");
    if (!problem.isEmpty()) {
        m_error->setText(problem);
        m_error->show();
        return;
    }
    QDialog::accept();
}
