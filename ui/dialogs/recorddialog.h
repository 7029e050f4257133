#pragma once

#include "models/db/dberror.h"

#include <QDialog>
#include <QHash>
#include <QSet>

#include <functional>

class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QMessageBox;
class QPushButton;

// Base of the record dialogs (resident, room, building, client, technician, work order
// through EntityDialog; allocation, waiting list): a form whose fields each
// carry an inline error label, a message line for what happened on Save ("Saving…",
// "Not saved: …"), and OK / Cancel. OK never closes the dialog by itself: the
// subclass saves asynchronously and calls acceptSaved() on success, so whatever the
// user typed stays in the form on any error. Open it with open(), never exec().
// GUI thread only.
class RecordDialog : public QDialog
{
    Q_OBJECT
public:
    explicit RecordDialog(QWidget *parent = nullptr);

    bool isSaving() const { return m_saving; }
    void accept() override;

Q_SIGNALS:
    // A new record was stored with this id (the page shows it selected once reloaded).
    void created(qint64 id);
    // A dialog that reads its record (EntityDialog) shows it now: first read or Reload.
    void loaded();

protected:
    enum class ConflictChoice { Reload, Overwrite, Cancel };

    // Adds a labelled row; the editor's object name becomes "field_<key>" and its
    // error label's "error_<key>". Line edits, spin boxes and combo boxes are watched:
    // editing one validates the form (validateInput()) and shows that field's error.
    void addField(const QString &key, const QString &label, QWidget *editor);
    // Shows these errors; with `touchedOnly` only for fields the user has edited.
    void setFieldErrors(const QList<FieldError> &errors, bool touchedOnly);
    void clearFieldErrors() { setFieldErrors({}, false); }
    void setMessage(const QString &text, bool error = false);
    void setSaving(bool saving);
    void acceptSaved();
    // Opens the conflict question (Reload / Overwrite / Cancel) without blocking.
    void askConflict(const QString &text);
    // What a dialog that reads its record by id does with the answer: Reload reads it
    // again, Overwrite saves over it, Cancel keeps the form with `keptMessage`.
    void resolveConflictBy(ConflictChoice choice, const std::function<void()> &reload,
                           const std::function<void()> &overwrite, const QString &keptMessage);
    // What a failed save shows: the database out of reach (the values are kept), the
    // conflict question with `conflictText` (someone else saved first), the record gone,
    // or the data layer's refusal at its fields and in the message line.
    void showSaveError(const DbError &error, const QString &conflictText);
    // Re-validates after a programmatic change (e.g. a reload into the form).
    void revalidate();
    // While populating, programmatic changes to the editors do not count as user edits.
    void setPopulating(bool populating) { m_populating = populating; }

    virtual QList<FieldError> validateInput() const = 0;
    virtual void startSave() = 0;
    virtual void resolveConflict(ConflictChoice choice) = 0;

private:
    void fieldEdited(const QString &key);

    QFormLayout *m_form;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    QPushButton *m_saveButton;
    QHash<QString, QWidget *> m_editors;
    QHash<QString, QLabel *> m_errorLabels;
    QSet<QString> m_touched;
    bool m_saving = false;
    bool m_populating = false;
};
