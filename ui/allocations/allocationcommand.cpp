#include "ui/allocations/allocationcommand.h"

#include "models/housing/allocation/allocationrepository.h"
#include "ui/commands/undocontext.h"

AllocationCommand::AllocationCommand(UndoContext &context, Kind kind, Allocation before, Allocation after,
                                     const QString &text)
    : m_context(&context)
    , m_kind(kind)
    , m_state(std::make_shared<State>())
{
    setText(text);
    m_state->before = std::move(before);
    m_state->after = std::move(after);
    m_state->current = m_state->after;
}

void AllocationCommand::redo()
{
    if (m_firstRedo) {
        m_firstRedo = false; // the write already happened
        return;
    }
    run(m_context, m_state, m_kind, true,
        QCoreApplication::translate("RecordCommand", "Redo %1").arg(text()));
}

void AllocationCommand::undo()
{
    run(m_context, m_state, m_kind, false,
        QCoreApplication::translate("RecordCommand", "Undo %1").arg(text()));
}

QCoro::Task<> AllocationCommand::run(QPointer<UndoContext> context, std::shared_ptr<State> state, Kind kind,
                                     bool forward, QString what)
{
    if (!context)
        co_return;
    const Actor actor = context->actor();
    auto work = [=](Database &db) -> VoidResult {
        if (state->applied == forward)
            return {}; // an earlier step failed: nothing to do
        AllocationRepository repo(db, actor);
        Result<Allocation> r;
        if (kind == Kind::Reserve) {
            r = forward ? repo.reserve(state->after) : repo.cancel(state->current.id, state->current.version);
        } else {
            Allocation values = forward ? state->after : state->before;
            values.id = state->current.id;
            values.version = state->current.version;
            r = repo.move(values);
        }
        if (!r)
            return r.error();
        state->current = r.value();
        state->applied = forward;
        return {};
    };
    // A named task, not a temporary: GCC 12 bug 100611.
    QCoro::Task<> step = UndoContext::runStep(context, std::move(work), what, qMetaTypeId<Allocation>());
    co_await step;
}
