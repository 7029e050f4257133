#pragma once

#include "ui/commands/undocontext.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QPointer>
#include <QUndoCommand>

#include <memory>

// The undoable create / edit / delete of one record (Resident, Room, Building) through
// its repository (ResidentRepository, ...). A command is pushed after its write has
// already succeeded (the dialog or the delete action ran it), so the first redo() that
// QUndoStack::push() calls does nothing; later undo/redo run asynchronously on the
// executor's single write thread:
//   create: undo = remove(id, version), redo = restore(record)
//   edit:   undo = update(old values, current version), redo = update(new values, current version)
//   delete: undo = restore(record),     redo = remove(id, version)
// The record state lives in a shared State that only the write thread touches after
// construction. Each step expects the version that this window's own last write to the
// record produced (UndoContext::versions(), kept by every command and step), so two
// edits of one record undo one after the other, and only another user's change in
// between is a conflict. A failure is reported through UndoContext and leaves the state
// as it was (a later undo of a step that never happened does nothing).
//
//   ctx.undoStack()->push(new RecordCommand<ResidentRepository, Resident>(
//       ctx, RecordCommandKind::Edit, before, stored, tr("Edit resident %1").arg(name)));
enum class RecordCommandKind { Create, Edit, Delete };

template<typename Repo, typename T> class RecordCommand : public QUndoCommand
{
public:
    // Create: `after` is the stored new row. Edit: `before` as loaded, `after` as stored.
    // Delete: `before` is the deleted row.
    RecordCommand(UndoContext &context, RecordCommandKind kind, T before, T after, const QString &text)
        : m_context(&context)
        , m_kind(kind)
        , m_state(std::make_shared<State>())
    {
        setText(text);
        m_state->before = std::move(before);
        m_state->after = std::move(after);
        m_state->current = kind == RecordCommandKind::Delete ? m_state->before : m_state->after;
        if (kind != RecordCommandKind::Delete)
            context.versions()->remember(qMetaTypeId<T>(), m_state->after.id, m_state->after.version);
    }

    void redo() override
    {
        if (m_firstRedo) {
            m_firstRedo = false; // the write already happened
            return;
        }
        run(m_context, m_state, m_kind, true,
            QCoreApplication::translate("RecordCommand", "Redo %1").arg(text()));
    }

    void undo() override
    {
        run(m_context, m_state, m_kind, false,
            QCoreApplication::translate("RecordCommand", "Undo %1").arg(text()));
    }

private:
    struct State
    {
        T before;
        T after;
        T current; // the row as last stored by this command (id and version to use next)
        bool applied = true;
    };

    static QCoro::Task<> run(QPointer<UndoContext> context, std::shared_ptr<State> state,
                             RecordCommandKind kind, bool forward, QString what)
    {
        if (!context)
            co_return;
        const Actor actor = context->actor();
        const std::shared_ptr<RecordVersions> versions = context->versions();
        auto work = [=](Database &db) -> VoidResult {
            if (state->applied == forward)
                return {}; // an earlier step failed: nothing to do
            const int type = qMetaTypeId<T>();
            const int expected = versions->expected(type, state->current.id, state->current.version);
            Repo repo(db, actor);
            switch (kind) {
            case RecordCommandKind::Create:
            case RecordCommandKind::Delete: {
                const bool insert = (kind == RecordCommandKind::Create) == forward;
                if (insert) {
                    // The row as last deleted: its restore gets the next version.
                    T values = state->current;
                    values.version = expected;
                    auto r = repo.restore(values);
                    if (!r)
                        return r.error();
                    state->current = r.value();
                } else {
                    const VoidResult r = repo.remove(state->current.id, expected);
                    if (!r)
                        return r.error();
                }
                break;
            }
            case RecordCommandKind::Edit: {
                T values = forward ? state->after : state->before;
                values.version = expected;
                auto r = repo.update(values);
                if (!r)
                    return r.error();
                state->current = r.value();
                break;
            }
            }
            versions->remember(type, state->current.id, state->current.version);
            state->applied = forward;
            return {};
        };
        // A named task, not a temporary: GCC 12 bug 100611.
        QCoro::Task<> step = UndoContext::runStep(context, std::move(work), what, qMetaTypeId<T>());
        co_await step;
    }

    QPointer<UndoContext> m_context;
    RecordCommandKind m_kind;
    std::shared_ptr<State> m_state;
    bool m_firstRedo = true;
};
