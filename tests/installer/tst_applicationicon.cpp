// The window icon as the executable gets it from residesk_appicon: every hicolor PNG size
// rendered at build time from installer/org.residesk.Residesk.svg is embedded and
// loads at its own size, the drawing is there (an opaque centre on a transparent
// corner), and the SVG itself is embedded too.
#include "installer/applicationicon.h"

#include <QFile>
#include <QGuiApplication>
#include <QIcon>
#include <QImage>
#include <QTest>

using namespace Qt::StringLiterals;

class TestApplicationIcon : public QObject
{
    Q_OBJECT

private slots:
    void everySizeIsEmbedded()
    {
        const QIcon icon = ApplicationIcon::icon();
        QVERIFY(!icon.isNull());
        const QList<int> sizes = ApplicationIcon::sizes();
        QCOMPARE(sizes, (QList<int>{16, 22, 24, 32, 48, 64, 128, 256}));
        QList<QSize> expected;
        for (const int size : sizes)
            expected.append(QSize(size, size));
        QCOMPARE(icon.availableSizes(), expected);
    }

    void eachSizeLoads_data()
    {
        QTest::addColumn<int>("size");
        for (const int size : ApplicationIcon::sizes())
            QTest::addRow("%dx%d", size, size) << size;
    }

    void eachSizeLoads()
    {
        QFETCH(int, size);
        const QString path = u":/icons/hicolor/%1x%1/apps/org.residesk.Residesk.png"_s.arg(size);
        QImage image(path);
        QVERIFY2(!image.isNull(), qPrintable(path));
        QCOMPARE(image.size(), QSize(size, size));
        QVERIFY(image.hasAlphaChannel());
        // The rounded tile leaves the corner transparent and covers the centre.
        QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
        QCOMPARE(qAlpha(image.pixel(size / 2, size / 2)), 255);

        const QPixmap pixmap = ApplicationIcon::icon().pixmap(QSize(size, size));
        QCOMPARE(pixmap.size(), QSize(size, size));
    }

    void svgIsEmbedded()
    {
        QFile file(u":/icons/org.residesk.Residesk.svg"_s);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray svg = file.readAll();
        QVERIFY(svg.contains("<svg"));
        QVERIFY(svg.contains("viewBox=\"0 0 128 128\""));
    }
};

QTEST_MAIN(TestApplicationIcon)
#include "tst_applicationicon.moc"
