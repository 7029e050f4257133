#include "ui/mail/outboxtablemodel.h"
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

OutboxTableModel::OutboxTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int OutboxTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_emails.size());
}

int OutboxTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OutboxTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_emails.size())
        return {};
    const OutboxEmail &e = m_emails.at(index.row());
    switch (role) {
    case IdRole:
        return e.id;
    case StateRole:
        return int(e.state);
    case VersionRole:
        return e.version;
    case Qt::ToolTipRole:
        if (index.column() == ErrorColumn || index.column() == StateColumn) {
            QString tip = e.lastError;
            if (!e.resolution.isEmpty())
                tip += (tip.isEmpty() ? QString() : u"\n"_s) +
                       (e.resolution == u"marked_sent"_s ? tr("Marked as sent by %1").arg(e.resolvedBy)
                                                         : tr("Sent again by %1").arg(e.resolvedBy));
            return tip.isEmpty() ? QVariant() : QVariant(tip);
        }
        if (index.column() == ToColumn)
            return e.toName.isEmpty() ? e.toAddress : u"%1 <%2>"_s.arg(e.toName, e.toAddress);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == StateColumn &&
            (e.state == OutboxState::Failed || e.state == OutboxState::Uncertain))
            return QBrush(Theme::error(QGuiApplication::palette()));
        return {};
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case IdColumn:
            return e.id;
        case ToColumn:
            return e.toAddress;
        case SubjectColumn:
            return e.subject;
        case StateColumn:
            return OutboxStates::label(e.state);
        case AttemptsColumn:
            return tr("%1 of %2").arg(e.attempts).arg(e.maxAttempts);
        case ErrorColumn:
            return e.lastError.simplified();
        case CreatedColumn:
            return shortTime(e.createdAt);
        case SentColumn:
            return shortTime(e.sentAt);
        case ColumnCount:
            break;
        }
        return {};
    default:
        return {};
    }
}

QVariant OutboxTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case IdColumn:
        return tr("ID");
    case ToColumn:
        return tr("To");
    case SubjectColumn:
        return tr("Subject");
    case StateColumn:
        return tr("State");
    case AttemptsColumn:
        return tr("Attempts");
    case ErrorColumn:
        return tr("Server's answer");
    case CreatedColumn:
        return tr("Queued");
    case SentColumn:
        return tr("Sent");
    case ColumnCount:
        break;
    }
    return {};
}

void OutboxTableModel::setEmails(QList<OutboxEmail> emails)
{
    bool sameRows = emails.size() == m_emails.size();
    for (qsizetype i = 0; sameRows && i < emails.size(); ++i)
        sameRows = emails.at(i).id == m_emails.at(i).id;
    if (!sameRows) {
        beginResetModel();
        m_emails = std::move(emails);
        endResetModel();
        return;
    }
    for (qsizetype i = 0; i < emails.size(); ++i) {
        if (emails.at(i).version == m_emails.at(i).version &&
            emails.at(i).updatedAt == m_emails.at(i).updatedAt)
            continue;
        m_emails[i] = emails.at(i);
        Q_EMIT dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1));
    }
}

int OutboxTableModel::rowOf(qint64 id) const
{
    for (qsizetype i = 0; i < m_emails.size(); ++i) {
        if (m_emails.at(i).id == id)
            return int(i);
    }
    return -1;
}
