#pragma once

#include "models/housing/allocation/allocation.h"

#include <QCoroTask>
#include <QPointer>
#include <QUndoCommand>

#include <memory>

class UndoContext;

// The undoable reservation or change (move) of one allocation, pushed after its write
// has already succeeded (the first redo() that QUndoStack::push() calls does nothing);
// later undo/redo run asynchronously on the executor's single write thread, in order:
//   reserve: undo = cancel it,                redo = reserve the same bed again (a new allocation)
//   move:    undo = move back (room, days),   redo = move forward again
// Check-in, check-out and cancel are events in the building, not edits: they are
// audited and not undone. A refused step (the bed was taken meanwhile, the resident has
// checked in) is reported through UndoContext with the repository's message and
// leaves the command's state as it was. GUI thread only.
//
//   ctx.undoStack()->push(new AllocationCommand(ctx, AllocationCommand::Kind::Reserve, {}, stored,
//                                               tr("New allocation of %1").arg(stored.roomLabel())));
class AllocationCommand : public QUndoCommand
{
public:
    enum class Kind { Reserve, Move };

    // Reserve: `after` is the stored allocation. Move: `before` as loaded, `after` as stored.
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
