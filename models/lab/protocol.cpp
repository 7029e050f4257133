#include "models/lab/protocol.h"

QString Protocol::stateCode(State state)
{
    switch (state) {
    case State::Submitted:
        return QStringLiteral("submitted");
    case State::Received:
        return QStringLiteral("received");
    case State::InAnalysis:
        return QStringLiteral("in_analysis");
    case State::Finalized:
        return QStringLiteral("finalized");
    case State::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("submitted");
}

std::optional<Protocol::State> Protocol::stateFromCode(const QString &code)
{
    for (State s : allStates()) {
        if (stateCode(s) == code)
            return s;
    }
    return std::nullopt;
}

QString Protocol::stateLabel(State state)
{
    switch (state) {
    case State::Submitted:
        return tr("Submitted");
    case State::Received:
        return tr("Received");
    case State::InAnalysis:
        return tr("In analysis");
    case State::Finalized:
        return tr("Finalized");
    case State::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QList<Protocol::State> Protocol::allStates()
{
    return {State::Submitted, State::Received, State::InAnalysis, State::Finalized, State::Cancelled};
}

QStringList Protocol::allStateCodes()
{
    QStringList codes;
    for (State s : allStates())
        codes << stateCode(s);
    return codes;
}
