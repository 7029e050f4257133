#pragma once

#include "models/housing/allocation/allocation.h"

#include <QCoroTask>
#include <QPointer>
#include <QUndoCommand>

#include <memory>

class UndoContext;

// One undoable step of the window on one allocation, pushed after its write has
// already succeeded (the first redo() that QUndoStack::push() calls does nothing);
// later undo/redo run asynchronously on the executor's single write thread, in order:
//   reserve:   undo = cancel it,                redo = reserve the same bed again (a new allocation)
//   move:      undo = move back (room, days),   redo = move forward again
//   check in:  undo = back to reserved,         redo = check in again
//   check out: undo = checked in again,         redo = check out again
//   cancel:    undo = reserved again,           redo = cancel again
// (the backward steps are AllocationRepository::undoTransition). Each step expects the
// version that this window's own last write to the allocation produced
// (UndoContext::versions()), so undoing one's own check-in right after it works, and
// undoing the reservation after that too. A refused step — another user changed the
// allocation after this window's change, or the bed was taken meanwhile — is reported
// through UndoContext with a message that says so, and leaves the command's state as
// it was. GUI thread only.
//
//   ctx.undoStack()->push(new AllocationCommand(ctx, AllocationCommand::Kind::Reserve, {}, stored,
//                                               tr("New allocation of %1").arg(stored.roomLabel())));
class AllocationCommand : public QUndoCommand
{
public:
    enum class Kind { Reserve, Move, CheckIn, CheckOut, Cancel };

    // Reserve: `after` is the stored allocation. The others: `before` as loaded, `after`
    // as stored.
    AllocationCommand(UndoContext &context, Kind kind, Allocation before, Allocation after,
                      const QString &text);

    void redo() override;
    void undo() override;

private:
    struct State
    {
        Allocation before;
        Allocation after;
        Allocation current; // as last stored by this command (id and version to use next)
        bool applied = true;
    };

    static QCoro::Task<> run(QPointer<UndoContext> context, std::shared_ptr<State> state, Kind kind,
                             bool forward, QString what);

    QPointer<UndoContext> m_context;
    Kind m_kind;
    std::shared_ptr<State> m_state;
    bool m_firstRedo = true;
};
