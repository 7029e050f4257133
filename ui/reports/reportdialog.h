#pragma once

#include <QDate>
#include <QDialog>

class QComboBox;
class QDateEdit;
class QLabel;

// Asks for a period report: which one (among those allowed), from, to (both included)
// and the format opened from the notification (PDF in the viewer, or CSV to save).
// OK is refused with a message naming the field while the period is not valid.
class ReportDialog : public QDialog
{
    Q_OBJECT
public:
    // `reports`: codes among occupancy, maintenance, turnaround; `initial` selected.
    ReportDialog(const QStringList &reports, const QString &initial, QWidget *parent = nullptr);

    QString report() const;
    QDate from() const;
    QDate to() const;
    QString format() const; // pdf or csv

    void accept() override;

    static QString reportTitle(const QString &report);

private:
    QComboBox *m_report;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QComboBox *m_format;
    QLabel *m_error;
};
