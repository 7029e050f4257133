#pragma once

#include "ui/pages/recordpage.h"

class QComboBox;
class ResidentsTableModel;

// The residents table: search, a status filter, create / edit / delete through ResidentDialog.
class ResidentsPage : public RecordPage
{
    Q_OBJECT
public:
    explicit ResidentsPage(UndoContext &context, QWidget *parent = nullptr);

    ResidentsTableModel *residentsModel() const { return m_residents; }
    void newRecord() override;

protected:
    void editRecord(int sourceRow) override;
    void deleteRecord(int sourceRow) override;
    QString countText(qint64 count) const override;

private:
    ResidentsTableModel *m_residents;
    QComboBox *m_status;
};
