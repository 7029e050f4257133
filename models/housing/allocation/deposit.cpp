#include "models/housing/allocation/deposit.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

QString Deposit::stateCode(State state)
{
    switch (state) {
    case State::Required:
        return u"required"_s;
    case State::Paid:
        return u"paid"_s;
    case State::Waived:
        return u"waived"_s;
    }
    return u"required"_s;
}

std::optional<Deposit::State> Deposit::stateFromCode(const QString &code)
{
    for (const State s : {State::Required, State::Paid, State::Waived}) {
        if (stateCode(s) == code)
            return s;
    }
    return std::nullopt;
}

QString Deposit::stateLabel(State state)
{
    switch (state) {
    case State::Required:
        return tr("Required");
    case State::Paid:
        return tr("Paid");
    case State::Waived:
        return tr("Waived");
    }
    return {};
}

QString Deposit::amountText(qint64 cents)
{
    return u"%1.%2"_s.arg(cents / 100).arg(cents % 100, 2, 10, QLatin1Char('0'));
}

std::optional<qint64> Deposit::parseAmount(const QString &text)
{
    static const QRegularExpression amount(u"^(\\d{1,9})(?:\\.(\\d{1,2}))?$"_s);
    const QRegularExpressionMatch m = amount.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    qint64 cents = m.captured(1).toLongLong() * 100;
    const QString fraction = m.captured(2);
    if (!fraction.isEmpty())
        cents += fraction.size() == 1 ? fraction.toInt() * 10 : fraction.toInt();
    return cents;
}

QString Deposit::summary() const
{
    switch (state) {
    case State::Required:
        return tr("required: %1").arg(amountText(requiredCents));
    case State::Paid:
        return tr("paid: %1 on %2 (ref. %3)")
            .arg(amountText(paidCents), paidOn.toString(Qt::ISODate), reference);
    case State::Waived:
        return tr("waived (%1 was required)").arg(amountText(requiredCents));
    }
    return {};
}
