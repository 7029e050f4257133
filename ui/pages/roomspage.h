#pragma once

#include "ui/pages/recordpage.h"

class QComboBox;
class RoomsTableModel;

// The rooms table: search, filters by building and status, create / edit / delete
// through RoomDialog. The building filter is loaded when the page starts and again
// whenever buildings change (refreshBuildings()).
class RoomsPage : public RecordPage
{
    Q_OBJECT
public:
    explicit RoomsPage(UndoContext &context, QWidget *parent = nullptr);

    void newRecord() override;
    void refreshBuildings();

protected:
    void editRecord(int sourceRow) override;
    void deleteRecord(int sourceRow) override;
    QString countText(qint64 count) const override;
    void started() override { refreshBuildings(); }

private:
    QCoro::Task<> loadBuildings();

    RoomsTableModel *m_rooms;
    QComboBox *m_building;
    QComboBox *m_status;
};
