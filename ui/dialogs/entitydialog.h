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

// The load and save logic shared by the record dialogs, for one repository Repo and
// record type T: validate with Repo::validate(), write on the executor's write thread,
// then close; on a stale version ask Reload / Overwrite / Cancel; on any other failure
// stay open with the values kept. Two ways in:
//  - on an UndoContext with the record in hand (a new one: id 0), as the housing
//    dialogs: the write is Repo::create() or Repo::update() with Repo::OnConflict, and
//    pushes an undo command; the subclass builds the form and then calls showRecord();
//  - by id, with no undo (clients, technicians, work orders): the record is read first
//    (Save waits; loaded() says when it is in), the write is the subclass's Write, and
//    savedRecord() says what it stored; the subclass builds the form and then calls
//    loadRecord().
template<typename Repo, typename T> class EntityDialog : public RecordDialog
{
    // A template cannot have Q_OBJECT; without this, tr() would be RecordDialog::tr and
    // translate in the context "RecordDialog", while lupdate files these strings under
    // "EntityDialog".
    Q_DECLARE_TR_FUNCTIONS(EntityDialog)

public:
    // What Save runs on the write thread: stores `record` (a new one when its id is 0),
    // over the version stored now after the conflict question's Overwrite. A plain
    // function: the dialog may be gone when it runs.
    using Write = Result<T> (*)(Database &db, const Actor &actor, const T &record, bool overwrite);

    EntityDialog(UndoContext &context, const T &record, QWidget *parent)
        : RecordDialog(parent)
        , m_executor(context.executor())
        , m_actor(context.actor())
        , m_write([](Database &db, const Actor &actor, const T &values, bool overwrite) {
            Repo repo(db, actor);
            return values.id == 0 ? repo.create(values)
                                  : repo.update(values, overwrite ? Repo::OnConflict::Overwrite
                                                                  : Repo::OnConflict::Fail);
        })
        , m_context(&context)
        , m_pushUndo([](UndoContext &undo, bool creating, const T &before, const T &after,
                        const QString &text) {
            undo.undoStack()->push(new RecordCommand<Repo, T>(
                undo, creating ? RecordCommandKind::Create : RecordCommandKind::Edit, before, after, text));
        })
        , m_original(record)
        , m_version(record.version)
        , m_loaded(true)
    {
        setAttribute(Qt::WA_DeleteOnClose);
    }

    // `id` 0: a new record, shown empty.
    EntityDialog(DbExecutor &executor, const Actor &actor, qint64 id, Write write, QWidget *parent)
        : RecordDialog(parent)
        , m_executor(executor)
        , m_actor(actor)
        , m_write(write)
    {
        setAttribute(Qt::WA_DeleteOnClose);
        m_original.id = id;
        m_version = m_original.version;
    }

    bool isNew() const { return m_original.id == 0; }
    qint64 recordId() const { return m_original.id; }
    // The record is in the form (at once on an UndoContext or for a new one).
    bool isLoaded() const { return m_loaded; }

protected:
    // What the load and conflict steps say. A dialog opened by id gives its own words
    // (in its own translation context); these are the UndoContext dialogs'.
    struct Texts
    {
        QString loading;    // while the record is read first
        QString loadFailed; // %1: why; empty: a failed Reload says what a failed save says
        QString reloading;  // while Reload reads; empty: nothing
        QString reloaded;   // after Reload
        QString kept;       // after Cancel on the conflict question
    };
    virtual Texts texts() const
    {
        return {{},
                {},
                tr("Loading the stored values…"),
                tr("Showing the values stored now. Review them and save again."),
                tr("Not saved: this record was changed by someone else. Your changes are kept.")};
    }

    // The record as typed; id and version are filled in by the caller.
    virtual T formValues() const = 0;
    virtual void setFormValues(const T &record) = 0;
    // "resident “Ana López”", for the undo texts of a dialog on an UndoContext.
    virtual QString describe(const T &record) const
    {
        Q_UNUSED(record);
        return {};
    }
    virtual QString conflictText() const = 0;
    // A save stored `record`, just before the dialog closes.
    virtual void savedRecord(const T &record) { Q_UNUSED(record); }

    // The record as last read (or as given).
    const T &original() const { return m_original; }

    void showRecord(const T &record)
    {
        setPopulating(true);
        setFormValues(record);
        setPopulating(false);
    }

    // Opened by id: reads the record, or shows an empty one for id 0.
    void loadRecord()
    {
        if (isNew()) {
            showRecord(m_original);
            m_loaded = true;
            return;
        }
        setSaving(true); // says "Saving…": the loading text after it
        setMessage(texts().loading);
        // From the event loop, never from the constructor that calls this: a read that is
        // already done resumes at once, and loaded() would come before anyone could listen.
        QMetaObject::invokeMethod(
            this, [this] { read(false); }, Qt::QueuedConnection);
    }

    // For a Write whose repository has no OnConflict: `record` as it is, or after
    // Overwrite at the version stored now (read in the same write).
    static Result<T> atStoredVersion(Repo &repo, T record, bool overwrite)
    {
        if (overwrite) {
            const Result<T> current = repo.get(record.id);
            if (!current)
                return current.error();
            record.version = current->version;
        }
        return record;
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
            choice, [this] { read(true); }, [this] { save(true); }, texts().kept);
    }

private:
    using PushUndo = void (*)(UndoContext &context, bool creating, const T &before, const T &after,
                              const QString &text);

    // Opened on an UndoContext that is gone.
    bool contextGone() const { return m_pushUndo && !m_context; }

    QCoro::Task<> save(bool overwrite)
    {
        if (!m_loaded)
            co_return;
        const T record = values();
        const QList<FieldError> errors = Repo::validate(record);
        if (!errors.isEmpty()) {
            setFieldErrors(errors, false);
            setMessage(tr("Please correct the marked fields."), true);
            co_return;
        }
        if (contextGone())
            co_return;
        setSaving(true);
        QPointer<RecordDialog> self(this);
        QPointer<UndoContext> context = m_context;
        const PushUndo pushUndo = m_pushUndo;
        const bool creating = isNew();
        const T before = m_original;
        QString text;
        if (pushUndo)
            text = creating ? tr("New %1").arg(describe(record)) : tr("Edit %1").arg(describe(record));

        // Named locals, not temporaries: GCC 12 destroys temporaries of a co_await
        // full-expression twice (GCC bug 100611).
        auto work = [write = m_write, actor = m_actor, record, overwrite](Database &db) {
            return write(db, actor, record, overwrite);
        };
        auto future = m_executor.write(std::move(work));
        const Result<T> result = co_await future;

        // The write happened even if the dialog was closed meanwhile: keep it undoable.
        if (result && (context || !pushUndo)) {
            if (context)
                pushUndo(*context, creating, before, result.value(), text);
            if (creating && self)
                Q_EMIT self->created(result->id); // before the reload notifyChanged starts
            if (context)
                context->notifyChanged(qMetaTypeId<T>());
        }
        if (!self)
            co_return;
        setSaving(false);
        if (result) {
            setMessage({});
            savedRecord(result.value());
            acceptSaved();
            co_return;
        }
        showSaveError(result.error(), conflictText());
    }

    // The first read of a dialog opened by id, or Reload after a conflict.
    QCoro::Task<> read(bool reload)
    {
        if (contextGone())
            co_return;
        QPointer<RecordDialog> self(this);
        const Texts words = texts();
        if (reload && !words.reloading.isEmpty())
            setMessage(words.reloading);
        // Named locals, not temporaries: GCC 12 destroys temporaries of a co_await
        // full-expression twice (GCC bug 100611).
        auto work = [id = m_original.id, actor = m_actor](Database &db) {
            return Repo(db, actor).get(id);
        };
        auto future = m_executor.read(std::move(work));
        const Result<T> result = co_await future;
        if (!self)
            co_return;
        setSaving(false);
        if (!result) {
            if (words.loadFailed.isEmpty())
                showSaveError(result.error(), conflictText());
            else
                setMessage(words.loadFailed.arg(result.error().message), true);
            co_return;
        }
        m_original = result.value();
        m_version = m_original.version;
        showRecord(m_original);
        m_loaded = true;
        revalidate();
        setMessage(reload ? words.reloaded : QString());
        Q_EMIT loaded();
    }

    DbExecutor &m_executor;
    Actor m_actor;
    Write m_write;
    QPointer<UndoContext> m_context; // on an UndoContext only
    PushUndo m_pushUndo = nullptr;   // likewise
    T m_original;
    int m_version = 0;
    bool m_loaded = false;
};
