#include "ui/maintenance/techniciandialog.h"

#include "models/core/recipientlanguage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace {

// The hours offered: every half hour of the day, 00:00 to 24:00.
constexpr int kHourStep = 30;

QComboBox *hoursBox(QWidget *parent, const QString &name)
{
    auto *box = new QComboBox(parent);
    box->setObjectName(name);
    for (int minutes = 0; minutes <= 24 * 60; minutes += kHourStep)
        box->addItem(Technician::hoursText(minutes), minutes);
    return box;
}

// Chooses `minutes`, adding it in order when it is not on the half-hour grid.
void chooseMinutes(QComboBox *box, int minutes)
{
    int at = box->findData(minutes);
    if (at < 0) {
        at = 0;
        while (at < box->count() && box->itemData(at).toInt() < minutes)
            ++at;
        box->insertItem(at, Technician::hoursText(minutes), minutes);
    }
    box->setCurrentIndex(at);
}

} // namespace

TechnicianDialog::TechnicianDialog(DbExecutor &executor, const Actor &actor, qint64 technicianId,
                                   QWidget *parent)
    : EntityDialog(executor, actor, technicianId, &TechnicianDialog::write, parent)
    , m_name(new QLineEdit(this))
    , m_email(new QLineEdit(this))
    , m_starts(hoursBox(this, u"technicianStarts"_s))
    , m_ends(hoursBox(this, u"technicianEnds"_s))
    , m_language(new QComboBox(this))
    , m_active(new QCheckBox(tr("A&ctive: gets new requests"), this))
{
    setObjectName(u"technicianDialog"_s);
    setWindowTitle(technicianId > 0 ? tr("Technician") : tr("New technician"));
    setMinimumWidth(480);
    m_email->setPlaceholderText(tr("name@example.edu"));

    auto *skills = new QWidget(this);
    auto *skillGrid = new QGridLayout(skills);
    skillGrid->setContentsMargins(0, 0, 0, 0);
    const QList<Maintenance::Category> categories = Maintenance::categories();
    for (qsizetype i = 0; i < categories.size(); ++i) {
        auto *box = new QCheckBox(Maintenance::categoryLabel(categories.at(i)), skills);
        box->setObjectName(u"technicianSkill_"_s + Maintenance::categoryCode(categories.at(i)));
        skillGrid->addWidget(box, int(i / 3), int(i % 3));
        m_skills.insert(int(categories.at(i)), box);
        connect(box, &QCheckBox::toggled, this, [this] { revalidate(); });
    }

    auto *days = new QWidget(this);
    auto *dayRow = new QHBoxLayout(days);
    dayRow->setContentsMargins(0, 0, 0, 0);
    const QLocale locale;
    for (int day = 1; day <= 7; ++day) {
        auto *box = new QCheckBox(locale.standaloneDayName(day, QLocale::ShortFormat), days);
        box->setObjectName(u"technicianDay%1"_s.arg(day));
        box->setAccessibleName(locale.standaloneDayName(day, QLocale::LongFormat));
        dayRow->addWidget(box);
        m_days.insert(day, box);
        connect(box, &QCheckBox::toggled, this, [this] { revalidate(); });
    }
    dayRow->addStretch();

    auto *hours = new QWidget(this);
    auto *hourRow = new QHBoxLayout(hours);
    hourRow->setContentsMargins(0, 0, 0, 0);
    m_starts->setAccessibleName(tr("Working hours from"));
    m_ends->setAccessibleName(tr("Working hours until"));
    auto *until = new QLabel(tr("&until"), hours);
    until->setBuddy(m_ends);
    hourRow->addWidget(m_starts);
    hourRow->addWidget(until);
    hourRow->addWidget(m_ends);
    hourRow->addStretch();
    for (QComboBox *box : {m_starts, m_ends})
        connect(box, &QComboBox::currentIndexChanged, this, [this] { revalidate(); });

    // The language of their job e-mails; empty: the office's default.
    m_language->addItem(RecipientLanguage::defaultLabel(), QString());
    for (const QString &code : RecipientLanguage::codes())
        m_language->addItem(RecipientLanguage::nativeName(code), code);

    addField(u"name"_s, tr("&Name:"), m_name);
    addField(u"email"_s, tr("&E-mail:"), m_email);
    addField(u"skills"_s, tr("Skills:"), skills);
    addField(u"working_days"_s, tr("Working days:"), days);
    addField(u"hours"_s, tr("Working &hours:"), hours);
    addField(u"language"_s, tr("Lan&guage:"), m_language);
    addField(u"active"_s, QString(), m_active);
    // A row's label (Alt+letter) takes the focus to its first box.
    skills->setFocusProxy(m_skills.value(int(categories.first())));
    days->setFocusProxy(m_days.value(1));
    hours->setFocusProxy(m_starts);
    loadRecord();
}

TechnicianDialog::Texts TechnicianDialog::texts() const
{
    return {tr("Loading…"),
            tr("The technician cannot be loaded: %1"),
            {},
            tr("Showing the values stored now. Review them and save again."),
            tr("Not saved: this technician was changed by someone else. Your changes are kept.")};
}

void TechnicianDialog::setHours(int starts, int ends)
{
    chooseMinutes(m_starts, starts);
    chooseMinutes(m_ends, ends);
}

Technician TechnicianDialog::formValues() const
{
    Technician t = original();
    t.name = m_name->text().trimmed();
    t.email = m_email->text().trimmed();
    t.skills.clear();
    for (const Maintenance::Category c : Maintenance::categories()) {
        if (m_skills.value(int(c))->isChecked())
            t.skills.append(c);
    }
    t.workingDays.clear();
    for (int day = 1; day <= 7; ++day) {
        if (m_days.value(day)->isChecked())
            t.workingDays.append(day);
    }
    t.dayStarts = m_starts->currentData().toInt();
    t.dayEnds = m_ends->currentData().toInt();
    t.language = m_language->currentData().toString();
    t.active = m_active->isChecked();
    return t;
}

void TechnicianDialog::setFormValues(const Technician &t)
{
    if (t.id > 0)
        setWindowTitle(tr("Technician %1").arg(t.name));
    m_name->setText(t.name);
    m_email->setText(t.email);
    for (const Maintenance::Category c : Maintenance::categories())
        m_skills.value(int(c))->setChecked(t.hasSkill(c));
    for (int day = 1; day <= 7; ++day)
        m_days.value(day)->setChecked(t.workingDays.contains(day));
    setHours(t.dayStarts, t.dayEnds);
    m_language->setCurrentIndex(qMax(0, m_language->findData(t.language)));
    m_active->setChecked(t.active);
}

QString TechnicianDialog::conflictText() const
{
    return tr("Someone else saved technician %1 since you opened it.").arg(original().name);
}

Result<Technician> TechnicianDialog::write(Database &db, const Actor &actor, const Technician &technician,
                                           bool overwrite)
{
    TechnicianRepository technicians(db, actor);
    if (technician.id <= 0)
        return technicians.add(technician);
    const Result<Technician> toSave = atStoredVersion(technicians, technician, overwrite);
    return toSave ? technicians.update(toSave.value()) : toSave;
}
