#include "ui/dialogs/recorddialog.h"
#include "ui/widgets/theme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>

RecordDialog::RecordDialog(QWidget *parent)
    : QDialog(parent)
    , m_form(new QFormLayout)
    , m_message(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setModal(true);
    setStyleSheet(QStringLiteral("QLineEdit[invalid=\"true\"], QComboBox[invalid=\"true\"], "
                                 "QSpinBox[invalid=\"true\"] { border: 1px solid %1; border-radius: 3px; "
                                 "padding: 2px; }")
                      .arg(Theme::error(palette()).name()));
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);

    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    m_message->hide();

    m_saveButton = m_buttons->button(QDialogButtonBox::Save);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_saveButton->setDefault(true);
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RecordDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RecordDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addSpacing(6);
    layout->addWidget(m_message);
    layout->addStretch();
    layout->addWidget(m_buttons);
    setMinimumWidth(440);
}

void RecordDialog::accept()
{
    if (m_saving)
        return;
    startSave();
}

void RecordDialog::addField(const QString &key, const QString &label, QWidget *editor)
{
    editor->setObjectName(QStringLiteral("field_") + key);
    auto *error = new QLabel(this);
    error->setObjectName(QStringLiteral("error_") + key);
    error->setStyleSheet(Theme::errorStyle(palette()));
    error->setWordWrap(true);
    error->hide();

    // Choices as wide as the form, so that a name in them is read whole; the cell grows
    // the way its editor does.
    if (qobject_cast<QComboBox *>(editor))
        editor->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    auto *cell = new QWidget(this);
    cell->setSizePolicy(editor->sizePolicy().horizontalPolicy(), QSizePolicy::Preferred);
    auto *box = new QVBoxLayout(cell);
    box->setContentsMargins(0, 0, 0, 0);
    box->setSpacing(2);
    box->addWidget(editor);
    box->addWidget(error);
    // The label names the editor itself (its buddy, for Alt+letter), not the cell around
    // it; and, the label not being the editor's sibling, so does its accessible name: what
    // a screen reader says for the field.
    auto *caption = new QLabel(label, this);
    caption->setBuddy(editor);
    if (editor->accessibleName().isEmpty()) {
        QString name = label;
        name.remove(QRegularExpression(QStringLiteral("&(?!&)")));
        editor->setAccessibleName(name.trimmed().remove(QRegularExpression(QStringLiteral("[:：]$"))));
    }
    m_form->addRow(caption, cell);
    m_editors.insert(key, editor);
    m_errorLabels.insert(key, error);

    if (auto *edit = qobject_cast<QLineEdit *>(editor))
        connect(edit, &QLineEdit::textEdited, this, [this, key] { fieldEdited(key); });
    else if (auto *spin = qobject_cast<QSpinBox *>(editor))
        connect(spin, &QSpinBox::valueChanged, this, [this, key] { fieldEdited(key); });
    else if (auto *combo = qobject_cast<QComboBox *>(editor))
        connect(combo, &QComboBox::activated, this, [this, key] { fieldEdited(key); });
}

void RecordDialog::fieldEdited(const QString &key)
{
    if (m_populating)
        return;
    m_touched.insert(key);
    revalidate();
}

void RecordDialog::revalidate()
{
    setFieldErrors(validateInput(), true);
}

void RecordDialog::setFieldErrors(const QList<FieldError> &errors, bool touchedOnly)
{
    QHash<QString, QString> messages;
    for (const FieldError &e : errors) {
        if (!touchedOnly || m_touched.contains(e.field))
            messages[e.field] += messages[e.field].isEmpty() ? e.message : QLatin1Char('\n') + e.message;
        if (!touchedOnly)
            m_touched.insert(e.field);
    }
    for (auto it = m_errorLabels.cbegin(); it != m_errorLabels.cend(); ++it) {
        const QString text = messages.value(it.key());
        it.value()->setText(text);
        it.value()->setVisible(!text.isEmpty());
        QWidget *editor = m_editors.value(it.key());
        if (editor->property("invalid").toBool() != !text.isEmpty()) {
            editor->setProperty("invalid", !text.isEmpty());
            editor->style()->unpolish(editor);
            editor->style()->polish(editor);
        }
    }
    if (errors.isEmpty() && m_message->property("error").toBool())
        m_message->hide();
}

void RecordDialog::setMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setProperty("error", error);
    m_message->setStyleSheet(error ? Theme::errorStyle(palette()) : QString());
    m_message->setVisible(!text.isEmpty());
}

void RecordDialog::setSaving(bool saving)
{
    m_saving = saving;
    m_saveButton->setEnabled(!saving);
    if (saving)
        setMessage(tr("Saving…"));
}

void RecordDialog::acceptSaved()
{
    m_saving = false;
    QDialog::accept();
}

void RecordDialog::resolveConflictBy(ConflictChoice choice, const std::function<void()> &reload,
                                     const std::function<void()> &overwrite, const QString &keptMessage)
{
    switch (choice) {
    case ConflictChoice::Reload:
        reload();
        break;
    case ConflictChoice::Overwrite:
        overwrite();
        break;
    case ConflictChoice::Cancel:
        setMessage(keptMessage, true);
        break;
    }
}

void RecordDialog::showSaveError(const DbError &error, const QString &conflictText)
{
    if (error.isConnectionProblem()) {
        setMessage(tr("Not saved: the database cannot be reached. Your changes are kept; try again when the "
                      "connection returns."),
                   true);
        return;
    }
    switch (error.code) {
    case DbError::Code::Conflict:
        setMessage({});
        askConflict(conflictText);
        return;
    case DbError::Code::NotFound:
        setMessage(tr("Not saved: this record was deleted by someone else."), true);
        return;
    default:
        break;
    }
    if (!error.fields.isEmpty())
        setFieldErrors(error.fields, false);
    setMessage(tr("Not saved: %1").arg(error.message), true);
}

void RecordDialog::askConflict(const QString &text)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Changed by someone else"), text,
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("conflictBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(
        tr("Reload shows the stored values (your edits are replaced); Overwrite saves your "
           "values over theirs."));
    QPushButton *reload = box->addButton(tr("Reload"), QMessageBox::ActionRole);
    reload->setObjectName(QStringLiteral("reloadButton"));
    QPushButton *overwrite = box->addButton(tr("Overwrite"), QMessageBox::DestructiveRole);
    overwrite->setObjectName(QStringLiteral("overwriteButton"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    box->setDefaultButton(cancel);
    connect(box, &QMessageBox::finished, this, [this, box, reload, overwrite] {
        QAbstractButton *clicked = box->clickedButton();
        resolveConflict(clicked == reload      ? ConflictChoice::Reload
                        : clicked == overwrite ? ConflictChoice::Overwrite
                                               : ConflictChoice::Cancel);
    });
    box->open();
}
