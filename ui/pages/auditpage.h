#pragma once

#include "ui/pages/recordpage.h"

class AuditTableModel;
class QComboBox;
class QDateEdit;

// The audit trail for administrators: who changed which record when, for which job,
// and what changed (the database writes it: resources/migrations/0012_audit*.sql).
// Filters by person, table, record and days; sorts by any column in the database and
// loads page by page off the GUI thread, like every record page. Read-only: nothing
// here creates, edits or deletes. GUI thread only.
class AuditPage : public RecordPage
{
    Q_OBJECT
public:
    explicit AuditPage(UndoContext &context, QWidget *parent = nullptr);

    void newRecord() override {}
    AuditTableModel *auditModel() const { return m_audit; }

protected:
    void editRecord(int sourceRow) override;
    void deleteRecord(int) override {}
    QString countText(qint64 count) const override;

private:
    void applyFilter();

    AuditTableModel *m_audit;
    QLineEdit *m_person;
    QComboBox *m_table;
    QLineEdit *m_record;
    QDateEdit *m_from;
    QDateEdit *m_to;
};
