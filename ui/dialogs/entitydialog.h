#pragma once

#include "models/db/dbexecutor.h"
#include "ui/commands/recordcommand.h"
#include "ui/commands/undocontext.h"
#include "ui/dialogs/recorddialog.h"

#include <QCoreApplication>
#include <QCoroFuture>
#include <QCoroTask>
#include <QPointer>
#include <QUndoStack>

// The save logic shared by the record dialogs, for one repository Repo and record
// type T: validate with Repo::validate(), write with create() or update() on the
// executor's write thread, then push the undo command and close; on a stale version
// ask Reload / Overwrite / Cancel; on any other failure stay open with the values kept.
// A subclass builds the form in its constructor and then calls showRecord().
template<typename Repo, typename T> class EntityDialog : public RecordDialog
{
    // A template cannot have Q_OBJECT; without this, tr() would be RecordDialog::tr and
    // translate in the context "RecordDialog", while lupdate files these strings under
    // "EntityDialog".
    Q_DECLARE_TR_FUNCTIONS(EntityDialog)

public:
    EntityDialog(UndoContext &context, const T &record, QWidget *parent)
        : RecordDialog(parent)
        , m_context(&context)
        , m_original(record)
        , m_version(record.version)
    {
        setAttribute(Qt::WA_DeleteOnClose);
    }

    bool isNew() const { return m_original.id == 0; }
    qint64 recordId() const { return m_original.id; }

protected:
    // The record as typed; id and version are filled in by the caller.
    virtual T formValues() const = 0;
    virtual void setFormValues(const T &record) = 0;
    // "resident “Ana López”", for undo texts.
    virtual QString describe(const T &record) const = 0;
    virtual QString conflictText() const = 0;

    void showRecord(const T &record)
    {
        setPopulating(true);
        setFormValues(record);
        setPopulating(false);
    }

    T values() const
    {
        T record = formValues();
        record.id = m_original.id;
        record.version = m_version;
        return record;
    }

    QList<FieldError> validateInput() const override { return Repo::validate(values()); }
    void startSave() override { save(false); }

    void resolveConflict(ConflictChoice choice) override
    {
        resolveConflictBy(
            choice, [this] { reloadRecord(); }, [this] { save(true); },
            tr("Not saved: this record was changed by someone else. Your changes are kept."));
    }

private:
    QCoro::Task<> save(bool overwrite)
    {
        const T record = values();
        const QList<FieldError> errors = Repo::validate(record);
        if (!errors.isEmpty()) {
            setFieldErrors(errors, false);
            setMessage(tr("Please correct the marked fields."), true);
            co_return;
        }
        if (!m_context)
            co_return;
        setSaving(true);
        QPointer<RecordDialog> self(this);
        QPointer<UndoContext> context = m_context;
        const Actor actor = context->actor();
        const bool creating = isNew();
        const T before = m_original;
        const auto onConflict = overwrite ? Repo::OnConflict::Overwrite : Repo::OnConflict::Fail;
        const QString text =
            creating ? tr("New %1").arg(describe(record)) : tr("Edit %1").arg(describe(record));

        // Named locals, not temporaries: GCC 12 destroys temporaries of a co_await
        // full-expression twice (GCC bug 100611).
        auto work = [record, actor, creating, onConflict](Database &db) {
            Repo repo(db, actor);
            return creating ? repo.create(record) : repo.update(record, onConflict);
        };
        auto future = context->executor().write(std::move(work));
        const Result<T> result = co_await future;

        // The write happened even if the dialog was closed meanwhile: keep it undoable.
        if (result && context) {
            context->undoStack()->push(new RecordCommand<Repo, T>(
                *context, creating ? RecordCommandKind::Create : RecordCommandKind::Edit, before,
                result.value(), text));
            if (creating && self)
                Q_EMIT self->created(result->id); // before the reload notifyChanged starts
            context->notifyChanged(qMetaTypeId<T>());
        }
        if (!self)
            co_return;
        setSaving(false);
        if (result) {
            setMessage({});
            acceptSaved();
            co_return;
        }
        showSaveError(result.error(), conflictText());
    }

    QCoro::Task<> reloadRecord()
    {
        if (!m_context)
            co_return;
        QPointer<RecordDialog> self(this);
        const Actor actor = m_context->actor();
        const qint64 id = m_original.id;
        setMessage(tr("Loading the stored values…"));
        // Named locals, not temporaries: GCC 12 destroys temporaries of a co_await
        // full-expression twice (GCC bug 100611).
        auto work = [id, actor](Database &db) {
            return Repo(db, actor).get(id);
        };
        auto future = m_context->executor().read(std::move(work));
        const Result<T> result = co_await future;
        if (!self)
            co_return;
        if (!result) {
            showSaveError(result.error(), conflictText());
            co_return;
        }
        m_original = result.value();
        m_version = m_original.version;
        showRecord(m_original);
        revalidate();
        setMessage(tr("Showing the values stored now. Review them and save again."));
    }

    QPointer<UndoContext> m_context;
    T m_original;
    int m_version;
};
