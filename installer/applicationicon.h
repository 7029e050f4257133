#pragma once

#include <QIcon>

// Residesk's application icon, for the window (QGuiApplication::setWindowIcon):
// installer/org.residesk.Residesk.svg, rendered at build time into the PNG sizes of the
// hicolor theme (16 to 256 pixels) and embedded under :/icons/hicolor/<n>x<n>/apps/.
// PNGs need no SVG plugin at run time; the SVG itself is embedded too, as
// :/icons/org.residesk.Residesk.svg. Link the static library residesk_appicon.
class ApplicationIcon
{
public:
    static QIcon icon();
    // The sizes embedded, smallest first.
    static QList<int> sizes();
};
