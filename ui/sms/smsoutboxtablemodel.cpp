#include "ui/sms/smsoutboxtablemodel.h"

#include "ui/widgets/theme.h"

#include <QBrush>
#include <QDateTime>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace {
QString shortTime(qint64 ms)
{
    if (ms <= 0)
        return {};
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
}
} // namespace

SmsOutboxTableModel::SmsOutboxTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int SmsOutboxTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size());
}

int SmsOutboxTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SmsOutboxTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_messages.size())
        return {};
    const SmsRecord &m = m_messages.at(index.row());
    switch (role) {
    case IdRole:
        return m.id;
    case StateRole:
        return int(m.state);
    case VersionRole:
        return m.version;
    case SortRole:
        switch (Column(index.column())) {
        case IdColumn:
            return m.id;
        case AttemptsColumn:
            return m.attempts;
        case CreatedColumn:
            return m.createdAt;
        case SentColumn:
            return m.sentAt;
        case StateColumn:
            return OutboxStates::label(m.state);
        default:
            return data(index, Qt::DisplayRole).toString().toLower();
        }
    case Qt::ToolTipRole:
        if (index.column() == ErrorColumn || index.column() == StateColumn) {
            QString tip = m.state == OutboxState::Sent ? m.gatewayReply : m.lastError;
            if (!m.resolution.isEmpty())
                tip += (tip.isEmpty() ? QString() : u"\n"_s) +
                       (m.resolution == u"marked_sent"_s ? tr("Marked as sent by %1").arg(m.resolvedBy)
                                                         : tr("Sent again by %1").arg(m.resolvedBy));
            return tip.isEmpty() ? QVariant() : QVariant(tip);
        }
        if (index.column() == TextColumn)
            return m.text.isEmpty() ? QVariant() : QVariant(m.text);
        if (index.column() == ResidentColumn && m.relatedEntity == u"resident"_s && m.relatedId > 0)
            return tr("Resident %1").arg(m.relatedId);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == StateColumn &&
            (m.state == OutboxState::Failed || m.state == OutboxState::Uncertain))
            return QBrush(Theme::error(QGuiApplication::palette()));
        return {};
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case IdColumn:
            return m.id;
        case ToColumn:
            return m.toNumber;
        case ResidentColumn:
            return m.toName;
        case TextColumn:
            return m.text.simplified();
        case StateColumn:
            return OutboxStates::label(m.state);
        case AttemptsColumn:
            return tr("%1 of %2").arg(m.attempts).arg(m.maxAttempts);
        case ErrorColumn:
            return m.lastError.simplified();
        case CreatedColumn:
            return shortTime(m.createdAt);
        case SentColumn:
            return shortTime(m.sentAt);
        case ColumnCount:
            break;
        }
        return {};
    default:
        return {};
    }
}

QVariant SmsOutboxTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case IdColumn:
        return tr("ID");
    case ToColumn:
        return tr("Number");
    case ResidentColumn:
        return tr("Resident");
    case TextColumn:
        return tr("Text");
    case StateColumn:
        return tr("State");
    case AttemptsColumn:
        return tr("Attempts");
    case ErrorColumn:
        return tr("Last error");
    case CreatedColumn:
        return tr("Queued");
    case SentColumn:
        return tr("Sent");
    case ColumnCount:
        break;
    }
    return {};
}

void SmsOutboxTableModel::setMessages(QList<SmsRecord> messages)
{
    bool sameRows = messages.size() == m_messages.size();
    for (qsizetype i = 0; sameRows && i < messages.size(); ++i)
        sameRows = messages.at(i).id == m_messages.at(i).id;
    if (!sameRows) {
        beginResetModel();
        m_messages = std::move(messages);
        endResetModel();
        return;
    }
    for (qsizetype i = 0; i < messages.size(); ++i) {
        if (messages.at(i).version == m_messages.at(i).version &&
            messages.at(i).updatedAt == m_messages.at(i).updatedAt)
            continue;
        m_messages[i] = messages.at(i);
        Q_EMIT dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1));
    }
}

int SmsOutboxTableModel::rowOf(qint64 id) const
{
    for (qsizetype i = 0; i < m_messages.size(); ++i) {
        if (m_messages.at(i).id == id)
            return int(i);
    }
    return -1;
}
