#include "tasks/pdf/pdfcachekey.h"

#include <QCryptographicHash>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

bool PdfCacheKey::isValidEntity(const QString &entity)
{
    static const QRegularExpression pattern(u"^[a-z][a-z0-9_]{0,49}$"_s);
    return pattern.match(entity).hasMatch();
}

bool PdfCacheKey::isValid() const
{
    return isValidEntity(entity) && entityId >= 0 && contentVersion >= 0 && templateVersion >= 0;
}

QString PdfCacheKey::toString() const
{
    return u"%1/%2/v%3/t%4"_s.arg(entity).arg(entityId).arg(contentVersion).arg(templateVersion);
}

std::optional<PdfCacheKey> PdfCacheKey::parse(const QString &text)
{
    static const QRegularExpression pattern(
        u"^([a-z][a-z0-9_]{0,49})/(\\d{1,18})/v(\\d{1,18})/t(\\d{1,9})$"_s);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    PdfCacheKey key;
    key.entity = match.captured(1);
    key.entityId = match.captured(2).toLongLong();
    key.contentVersion = match.captured(3).toLongLong();
    key.templateVersion = match.captured(4).toInt();
    return key;
}

QString PdfCacheKey::fileBaseName() const
{
    return QString::fromLatin1(
        QCryptographicHash::hash(toString().toUtf8(), QCryptographicHash::Sha256).toHex());
}

bool PdfCacheKey::supersedes(const PdfCacheKey &other) const
{
    if (entity != other.entity || entityId != other.entityId)
        return false;
    if (contentVersion != other.contentVersion)
        return contentVersion > other.contentVersion;
    return templateVersion > other.templateVersion;
}
