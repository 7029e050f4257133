#pragma once

#include "ui/pages/recordpage.h"

class BuildingsTableModel;

// The buildings table: search, create / edit / delete through BuildingDialog.
class BuildingsPage : public RecordPage
{
    Q_OBJECT
public:
    explicit BuildingsPage(UndoContext &context, QWidget *parent = nullptr);

    void newRecord() override;

protected:
    void editRecord(int sourceRow) override;
    void deleteRecord(int sourceRow) override;
    QString countText(qint64 count) const override;

private:
    BuildingsTableModel *m_buildings;
};
