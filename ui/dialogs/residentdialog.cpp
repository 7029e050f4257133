#include "ui/dialogs/residentdialog.h"

#include "models/core/recipientlanguage.h"

#include <QComboBox>
#include <QLineEdit>

ResidentDialog::ResidentDialog(UndoContext &context, const Resident &resident, QWidget *parent)
    : EntityDialog(context, resident, parent)
    , m_studentId(new QLineEdit(this))
    , m_firstName(new QLineEdit(this))
    , m_lastName(new QLineEdit(this))
    , m_email(new QLineEdit(this))
    , m_phone(new QLineEdit(this))
    , m_status(new QComboBox(this))
    , m_contactBy(new QComboBox(this))
    , m_language(new QComboBox(this))
{
    setObjectName(QStringLiteral("residentDialog"));
    setWindowTitle(isNew() ? tr("New Resident") : tr("Edit Resident"));
    for (const auto status :
         {Resident::Status::Active, Resident::Status::Inactive, Resident::Status::Graduated})
        m_status->addItem(Resident::statusLabel(status), QVariant::fromValue(status));
    for (const auto by : {Resident::ContactBy::Email, Resident::ContactBy::Sms, Resident::ContactBy::Both})
        m_contactBy->addItem(Resident::contactByLabel(by), QVariant::fromValue(by));
    m_contactBy->setObjectName(QStringLiteral("contactBy"));
    // The language of the notices the resident gets; empty: the office's default.
    m_language->addItem(RecipientLanguage::defaultLabel(), QString());
    for (const QString &code : RecipientLanguage::codes())
        m_language->addItem(RecipientLanguage::nativeName(code), code);
    m_email->setPlaceholderText(tr("name@example.edu"));
    m_phone->setPlaceholderText(tr("Optional; +country code, or a number of this region"));

    addField(QStringLiteral("student_id"), tr("&Student ID:"), m_studentId);
    addField(QStringLiteral("first_name"), tr("&First name:"), m_firstName);
    addField(QStringLiteral("last_name"), tr("&Last name:"), m_lastName);
    addField(QStringLiteral("email"), tr("&E-mail:"), m_email);
    addField(QStringLiteral("phone"), tr("&Phone:"), m_phone);
    addField(QStringLiteral("status"), tr("S&tatus:"), m_status);
    addField(QStringLiteral("contact_by"), tr("&Messages by:"), m_contactBy);
    addField(QStringLiteral("language"), tr("Lan&guage:"), m_language);
    showRecord(resident);
}

QString ResidentDialog::displayName(const Resident &resident)
{
    const QString name = QStringList{resident.firstName, resident.lastName}.join(QLatin1Char(' ')).trimmed();
    return name.isEmpty() ? resident.studentId : name;
}

Resident ResidentDialog::formValues() const
{
    Resident r;
    r.studentId = m_studentId->text().trimmed();
    r.firstName = m_firstName->text().trimmed();
    r.lastName = m_lastName->text().trimmed();
    r.email = m_email->text().trimmed();
    r.phone = m_phone->text().trimmed();
    r.status = m_status->currentData().value<Resident::Status>();
    r.contactBy = m_contactBy->currentData().value<Resident::ContactBy>();
    r.language = m_language->currentData().toString();
    return r;
}

void ResidentDialog::setFormValues(const Resident &resident)
{
    m_studentId->setText(resident.studentId);
    m_firstName->setText(resident.firstName);
    m_lastName->setText(resident.lastName);
    m_email->setText(resident.email);
    m_phone->setText(resident.phone);
    m_status->setCurrentIndex(qMax(0, m_status->findData(QVariant::fromValue(resident.status))));
    m_contactBy->setCurrentIndex(qMax(0, m_contactBy->findData(QVariant::fromValue(resident.contactBy))));
    m_language->setCurrentIndex(qMax(0, m_language->findData(resident.language)));
}

QString ResidentDialog::describe(const Resident &resident) const
{
    return tr("resident “%1”").arg(displayName(resident));
}

QString ResidentDialog::conflictText() const
{
    return tr("This resident was changed by someone else since you opened it.");
}
