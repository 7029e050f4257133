#pragma once

#include <QIcon>

// The window's icons: the desktop's icon theme where it has the action (a Print icon
// looks like the other applications' Print), else the project's own line icons bundled
// at :/icons (resources/icons, drawn in one mid-tone colour that reads on light and dark
// palettes). Concepts of Residesk's own (a building, a protocol, a waitlist) always use
// the bundled icon, so that two pages never share one.
//
// GUI thread only (QIcon); icons are made once per process and shared.
//
//   action->setIcon(Icons::get(Icons::Print));
namespace Icons {

enum Name {
    // Pages
    Dashboard,
    Building,
    Room,
    Residents,
    Allocations,
    FreeBeds,
    Waitlist,
    Protocols,
    WorkOrders,
    Maintenance,
    Audit,
    Users,
    // Actions
    Notifications,
    Add,
    Edit,
    Delete,
    Print,
    SaveAs,
    ZoomIn,
    ZoomOut,
    ActualSize,
    FitWidth,
    FitPage,
    PageUp,
    PageDown,
    FirstPage,
    LastPage,
    Receive,
    StartAnalysis,
    Cancel,
    Pdf,
    CheckIn,
    CheckOut,
};

QIcon get(Name name);
// The bundled file's resource path (":/icons/print.svg"), for tests and the guide.
QString resourcePath(Name name);

} // namespace Icons
