#include "ui/allocations/allocationcommand.h"

#include "models/housing/allocation/allocationrepository.h"
#include "tasks/waitlist/waitlistservice.h"
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
    context.versions()->remember(qMetaTypeId<Allocation>(), m_state->after.id, m_state->after.version);
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
    const std::shared_ptr<RecordVersions> versions = context->versions();
    auto work = [=](Database &db) -> VoidResult {
        if (state->applied == forward)
            return {}; // an earlier step failed: nothing to do
        const int type = qMetaTypeId<Allocation>();
        const qint64 id = state->current.id;
        const int expected = versions->expected(type, id, state->current.version);
        AllocationRepository repo(db, actor);
        Result<Allocation> r;
        switch (kind) {
        case Kind::Reserve:
            r = forward ? repo.reserve(state->after) : WaitlistService(db, actor).cancel(id, expected);
            break;
        case Kind::Move: {
            Allocation values = forward ? state->after : state->before;
            values.id = id;
            values.version = expected;
            r = repo.move(values);
            break;
        }
        case Kind::CheckIn:
            r = forward ? repo.checkIn(id, expected)
                        : repo.undoTransition(id, Allocation::State::CheckedIn, expected);
            break;
        case Kind::CheckOut:
            // A check-out (and a cancel) frees a bed: WaitlistService offers it.
            r = forward ? WaitlistService(db, actor).checkOut(id, expected)
                        : repo.undoTransition(id, Allocation::State::CheckedOut, expected);
            break;
        case Kind::Cancel:
            r = forward ? WaitlistService(db, actor).cancel(id, expected)
                        : repo.undoTransition(id, Allocation::State::Cancelled, expected);
            break;
        }
        if (!r) {
            // The version this window's last write left is gone: someone else wrote since.
            if (r.error().code == DbError::Code::Conflict)
                return DbError(
                    DbError::Code::Conflict,
                    QCoreApplication::translate("AllocationCommand",
                                                "Another user changed the allocation of room %1 to %2 "
                                                "after your change; it was left as they made it. "
                                                "Reload to see their changes.")
                        .arg(state->current.roomLabel(), state->current.residentLabel()));
            return r.error();
        }
        state->current = r.value();
        versions->remember(type, state->current.id, state->current.version);
        state->applied = forward;
        return {};
    };
    // A named task, not a temporary: GCC 12 bug 100611.
    QCoro::Task<> step = UndoContext::runStep(context, std::move(work), what, qMetaTypeId<Allocation>());
    co_await step;
}
