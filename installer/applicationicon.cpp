#include "installer/applicationicon.h"

#include <QSize>
#include <QString>

QList<int> ApplicationIcon::sizes()
{
    return {16, 22, 24, 32, 48, 64, 128, 256};
}

QIcon ApplicationIcon::icon()
{
    QIcon icon;
    for (const int size : sizes())
        icon.addFile(QStringLiteral(":/icons/hicolor/%1x%1/apps/org.residesk.Residesk.png").arg(size),
                     QSize(size, size));
    return icon;
}
