#include "models/lab/report.h"

QString Report::stateCode(State state)
{
    return state == State::Finalized ? QStringLiteral("finalized") : QStringLiteral("draft");
}

std::optional<Report::State> Report::stateFromCode(const QString &code)
{
    for (State s : allStates()) {
        if (stateCode(s) == code)
            return s;
    }
    return std::nullopt;
}

QString Report::stateLabel(State state)
{
    switch (state) {
    case State::Draft:
        return tr("Draft");
    case State::Finalized:
        return tr("Finalized");
    }
    return {};
}

QList<Report::State> Report::allStates()
{
    return {State::Draft, State::Finalized};
}

QStringList Report::allStateCodes()
{
    return {stateCode(State::Draft), stateCode(State::Finalized)};
}

QString Report::flagCode(Flag flag)
{
    switch (flag) {
    case Flag::None:
        return QStringLiteral("");
    case Flag::Low:
        return QStringLiteral("L");
    case Flag::High:
        return QStringLiteral("H");
    case Flag::Abnormal:
        return QStringLiteral("A");
    }
    return QStringLiteral("");
}

std::optional<Report::Flag> Report::flagFromCode(const QString &code)
{
    for (Flag f : {Flag::None, Flag::Low, Flag::High, Flag::Abnormal}) {
        if (flagCode(f) == code)
            return f;
    }
    return std::nullopt;
}

QString Report::flagLabel(Flag flag)
{
    switch (flag) {
    case Flag::None:
        return QString();
    case Flag::Low:
        return tr("Low");
    case Flag::High:
        return tr("High");
    case Flag::Abnormal:
        return tr("Abnormal");
    }
    return {};
}
