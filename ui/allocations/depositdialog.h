#pragma once

#include <QDate>
#include <QDialog>

#include <optional>

class QDateEdit;
class QLabel;
class QLineEdit;

// Asks for a deposit's amount (Require deposit…) or for a payment's amount, day and
// reference (Record deposit payment…). It only collects and checks the values (an
// amount such as 250 or 250.00; a reference for a payment); the page writes them. GUI
// thread only.
//
//   auto *dialog = new DepositDialog(DepositDialog::Mode::Payment, tr("…"), this);
//   connect(dialog, &QDialog::accepted, this, [dialog] { use(dialog->cents(), …); });
//   dialog->open();
class DepositDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { Require, Payment };

    DepositDialog(Mode mode, const QString &about, QWidget *parent = nullptr);

    qint64 cents() const;
    QDate paidOn() const;
    QString reference() const;

    void accept() override;

private:
    Mode m_mode;
    QLineEdit *m_amount;
    QDateEdit *m_date;
    QLineEdit *m_reference;
    QLabel *m_error;
};
