#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QMetaType>
#include <QString>

#include <optional>

// The deposit a reservation requires before check-in: required → paid (amount, day,
// reference) or waived (by an administrator). Amounts are in cents. A value type,
// kept by DepositRepository; an allocation without a row requires no deposit.
struct Deposit
{
    Q_GADGET
    Q_DECLARE_TR_FUNCTIONS(Deposit)
public:
    enum class State { Required, Paid, Waived };
    Q_ENUM(State)

    qint64 id = 0;
    qint64 allocationId = 0;
    State state = State::Required;
    qint64 requiredCents = 0;
    qint64 paidCents = 0; // 0 unless paid
    QDate paidOn;
    QString reference;
    int version = 0;
    QString updatedBy;

    // Paid or waived: check-in may go ahead.
    bool isSettled() const { return state != State::Required; }

    static QString stateCode(State state);
    static std::optional<State> stateFromCode(const QString &code);
    static QString stateLabel(State state); // translated
    // "250.00" for 25000.
    static QString amountText(qint64 cents);
    // "250", "250.5", "250.00" → cents; nullopt for anything else (negative, more than
    // two decimals, not a number, over a billion).
    static std::optional<qint64> parseAmount(const QString &text);
    // "required: 250.00", "paid: 250.00 on 2026-09-01 (ref. TX-1)", "waived" (translated).
    QString summary() const;
};
Q_DECLARE_METATYPE(Deposit)
