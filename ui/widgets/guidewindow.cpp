#include "ui/widgets/guidewindow.h"

#include <QDialogButtonBox>
#include <QImage>
#include <QScrollBar>
#include <QSettings>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// Pictures of the window are 1,366 px wide: shown at most as wide as the text.
class GuideBrowser : public QTextBrowser
{
public:
    using QTextBrowser::QTextBrowser;

    QVariant loadResource(int type, const QUrl &name) override
    {
        const QVariant resource = QTextBrowser::loadResource(type, name);
        if (type != QTextDocument::ImageResource)
            return resource;
        QImage image;
        if (resource.canConvert<QByteArray>())
            image.loadFromData(resource.toByteArray());
        else
            image = resource.value<QImage>();
        const int width = std::max(320, viewport()->width() - 24);
        if (image.isNull())
            return resource;
        return image.width() <= width ? image : image.scaledToWidth(width, Qt::SmoothTransformation);
    }
};

} // namespace

QString GuideWindow::fileName()
{
    //: The user guide's file for this language: guide.md (English) or guide.<language>.md
    //: as in resources/guide.
    return tr("guide.md");
}

GuideWindow::GuideWindow(QWidget *parent)
    : QDialog(parent)
    , m_browser(new GuideBrowser(this))
{
    setObjectName(QStringLiteral("guideWindow"));
    setWindowTitle(tr("Residesk user guide"));
    m_browser->setObjectName(QStringLiteral("guideBrowser"));
    m_browser->setAccessibleName(tr("User guide"));
    m_browser->setOpenExternalLinks(true);
    m_browser->setSearchPaths({QStringLiteral(":/guide")});
    m_browser->setSource(QUrl(QStringLiteral("qrc:/guide/") + fileName()), QTextDocument::MarkdownResource);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_browser);
    layout->addWidget(buttons);
    resize(900, 680);
}
