#include <QTest>
class Placeholder : public QObject { Q_OBJECT private Q_SLOTS: void pending() { QFAIL("not written yet"); } };
QTEST_GUILESS_MAIN(Placeholder)
#include "tst_cronschedule.moc"
