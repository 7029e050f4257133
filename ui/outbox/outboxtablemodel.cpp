#include "ui/outbox/outboxtablemodel.h"

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

OutboxTableModel::OutboxTableModel(const OutboxChannel::Texts &texts, QObject *parent)
    : QAbstractTableModel(parent)
    , m_texts(texts)
{}

int OutboxTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OutboxTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OutboxTableModel::display(const OutboxRow &r, int column) const
{
    switch (Column(column)) {
    case IdColumn:
        return r.id;
    case ToColumn:
        return r.to;
    case NameColumn:
        return r.name;
    case ContentColumn:
        return r.content;
    case StateColumn:
        return OutboxStates::label(r.state);
    case AttemptsColumn:
        return tr("%1 of %2").arg(r.attempts).arg(r.maxAttempts);
    case ErrorColumn:
        return r.lastError.simplified();
    case CreatedColumn:
        return shortTime(r.createdAt);
    case SentColumn:
        return shortTime(r.sentAt);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant OutboxTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const OutboxRow &r = m_rows.at(index.row());
    const auto tip = [](const QString &text) {
        return text.isEmpty() ? QVariant() : QVariant(text);
    };
    switch (role) {
    case IdRole:
        return r.id;
    case StateRole:
        return int(r.state);
    case VersionRole:
        return r.version;
    case SortRole:
        switch (Column(index.column())) {
        case IdColumn:
            return r.id;
        case AttemptsColumn:
            return r.attempts;
        case CreatedColumn:
            return r.createdAt;
        case SentColumn:
            return r.sentAt;
        case StateColumn:
            return OutboxStates::label(r.state);
        default:
            return display(r, index.column()).toString().toLower();
        }
    case Qt::ToolTipRole:
        switch (Column(index.column())) {
        case ErrorColumn:
        case StateColumn: {
            QString text = r.answer;
            if (!r.resolution.isEmpty())
                text += (text.isEmpty() ? QString() : u"\n"_s) +
                        (r.resolution == u"marked_sent"_s ? tr("Marked as sent by %1").arg(r.resolvedBy)
                                                          : tr("Sent again by %1").arg(r.resolvedBy));
            return tip(text);
        }
        case ToColumn:
            return tip(r.toTip);
        case NameColumn:
            return tip(r.nameTip);
        case ContentColumn:
            return tip(r.contentTip);
        default:
            return {};
        }
    case Qt::ForegroundRole:
        if (index.column() == StateColumn &&
            (r.state == OutboxState::Failed || r.state == OutboxState::Uncertain))
            return QBrush(Theme::error(QGuiApplication::palette()));
        return {};
    case Qt::DisplayRole:
        return display(r, index.column());
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
        return m_texts.toHeader;
    case NameColumn:
        return m_texts.nameHeader;
    case ContentColumn:
        return m_texts.contentHeader;
    case StateColumn:
        return tr("State");
    case AttemptsColumn:
        return tr("Attempts");
    case ErrorColumn:
        return m_texts.errorHeader;
    case CreatedColumn:
        return tr("Queued");
    case SentColumn:
        return tr("Sent");
    case ColumnCount:
        break;
    }
    return {};
}

void OutboxTableModel::setRows(QList<OutboxRow> rows)
{
    bool sameRows = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameRows && i < rows.size(); ++i)
        sameRows = rows.at(i).id == m_rows.at(i).id;
    if (!sameRows) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
        return;
    }
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (rows.at(i).version == m_rows.at(i).version && rows.at(i).updatedAt == m_rows.at(i).updatedAt)
            continue;
        m_rows[i] = rows.at(i);
        Q_EMIT dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1));
    }
}

int OutboxTableModel::rowOf(qint64 id) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return int(i);
    }
    return -1;
}
