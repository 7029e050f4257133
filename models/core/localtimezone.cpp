#include "models/core/localtimezone.h"

#include <QFileInfo>
#include <QtGlobal>

void useCachedLocalTimeZone()
{
    if (!qEnvironmentVariableIsEmpty("TZ"))
        return;
    if (QFileInfo::exists(QStringLiteral("/etc/localtime")))
        qputenv("TZ", QByteArrayLiteral(":/etc/localtime"));
}
