#pragma once

#include "models/housing/room.h"
#include "models/housing/roomrepository.h"
#include "ui/dialogs/entitydialog.h"

class QComboBox;
class QLineEdit;
class QSpinBox;

// Creates (an empty Room, optionally with a building preselected) or edits a room.
// The building list loads asynchronously when the dialog opens. Deletes itself when closed.
class RoomDialog : public EntityDialog<RoomRepository, Room>
{
    Q_OBJECT
public:
    RoomDialog(UndoContext &context, const Room &room, QWidget *parent = nullptr);

    static QString displayName(const Room &room);

protected:
    Room formValues() const override;
    void setFormValues(const Room &room) override;
    QString describe(const Room &room) const override;
    QString conflictText() const override;

private:
    QCoro::Task<> loadBuildings(QPointer<UndoContext> context, qint64 selectId);

    QComboBox *m_building;
    QLineEdit *m_number;
    QSpinBox *m_floor;
    QComboBox *m_type;
    QSpinBox *m_capacity;
    QComboBox *m_status;
};
