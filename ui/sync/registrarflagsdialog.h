#pragma once

#include "models/housing/registrarflagrepository.h"
#include "ui/windowservices.h"

#include <QCoroTask>
#include <QDialog>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableWidget;

// The residents the registrar's last applied export did not list, for staff to review:
// student ID, name, e-mail, status, since when and by which sync. "Clear flag" marks the
// selected ones as reviewed (the residents themselves stay as they are); "Show reviewed"
// lists those too. Reloads when a sync or another desktop changes the flags.
//
// GUI thread only: reads and writes go through the DbExecutor and are co_awaited.
class RegistrarFlagsDialog : public QDialog
{
    Q_OBJECT
public:
    RegistrarFlagsDialog(const WindowServices &services, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QPushButton *clearButton() const { return m_clear; }
    // Reloads; the returned task ends when the table shows the result.
    QCoro::Task<> reload();
    QCoro::Task<> clearSelected();

Q_SIGNALS:
    void loaded(int rows);

private:
    void showFlags(const QList<RegistrarFlag> &flags);

    WindowServices m_services;
    QTableWidget *m_table;
    QCheckBox *m_showReviewed;
    QPushButton *m_clear;
    QLabel *m_status;
};
