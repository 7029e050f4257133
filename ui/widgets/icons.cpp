#include "ui/widgets/icons.h"

#include <QHash>

namespace {

struct Entry
{
    const char *file;  // resources/icons/<file>.svg
    const char *theme; // the freedesktop.org name, or null: always the bundled one
};

Entry entry(Icons::Name name)
{
    using namespace Icons;
    switch (name) {
    case Dashboard:
        return {"dashboard", nullptr};
    case Building:
        return {"building", nullptr};
    case Room:
        return {"room", nullptr};
    case Residents:
        return {"residents", nullptr};
    case Allocations:
        return {"key", nullptr};
    case FreeBeds:
        return {"free-beds", nullptr};
    case Waitlist:
        return {"waitlist", nullptr};
    case Protocols:
        return {"protocols", nullptr};
    case WorkOrders:
        return {"workorders", nullptr};
    case Maintenance:
        return {"maintenance", nullptr};
    case Audit:
        return {"audit", nullptr};
    case Users:
        return {"users", nullptr};
    case Notifications:
        return {"bell", nullptr};
    case Add:
        return {"add", "list-add"};
    case Edit:
        return {"edit", "document-edit"};
    case Delete:
        return {"delete", "edit-delete"};
    case Print:
        return {"print", "document-print"};
    case SaveAs:
        return {"save", "document-save-as"};
    case ZoomIn:
        return {"zoom-in", "zoom-in"};
    case ZoomOut:
        return {"zoom-out", "zoom-out"};
    case ActualSize:
        return {"zoom-original", "zoom-original"};
    case FitWidth:
        return {"fit-width", nullptr};
    case FitPage:
        return {"fit-page", "zoom-fit-best"};
    case PageUp:
        return {"page-up", "go-up"};
    case PageDown:
        return {"page-down", "go-down"};
    case FirstPage:
        return {"page-first", "go-first"};
    case LastPage:
        return {"page-last", "go-last"};
    case Receive:
        return {"receive", nullptr};
    case StartAnalysis:
        return {"start-analysis", nullptr};
    case Cancel:
        return {"cancel", nullptr};
    case Pdf:
        return {"pdf", nullptr};
    case CheckIn:
        return {"check-in", nullptr};
    case CheckOut:
        return {"check-out", nullptr};
    }
    return {"add", nullptr};
}

} // namespace

QString Icons::resourcePath(Name name)
{
    return QStringLiteral(":/icons/%1.svg").arg(QLatin1String(entry(name).file));
}

QIcon Icons::get(Name name)
{
    static QHash<int, QIcon> made;
    if (const auto it = made.constFind(int(name)); it != made.cend())
        return *it;
    const Entry e = entry(name);
    const QIcon bundled(resourcePath(name));
    const QIcon icon = e.theme ? QIcon::fromTheme(QLatin1String(e.theme), bundled) : bundled;
    made.insert(int(name), icon);
    return icon;
}
