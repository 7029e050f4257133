// Residesk's file dialogs never open the files they list, and refuse the database file
// (ui/widgets/filedialogs.h). The cause they avoid is reproduced with Qt's own widget
// dialog: showing the database's folder drops this process's SQLite locks. SQLite only.
#include "models/db/database.h"
#include "models/db/databasefileguard.h"
#include "models/db/sqlstatement.h"
#include "ui/widgets/filedialogs.h"

#include <QApplication>
#include <QFileDialog>
#include <QFileSystemModel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

// True once the dialog's model has listed `names` with their type and icon (the point
// where Qt's own icon provider has read them).
bool listed(QFileDialog *dialog, const QStringList &names)
{
    const auto *model = dialog->findChild<QFileSystemModel *>();
    if (!model)
        return false;
    for (const QString &name : names) {
        const QModelIndex index = model->index(QDir(dialog->directory()).filePath(name));
        if (!index.isValid())
            return false;
        if (model->index(index.row(), 2, index.parent()).data().toString().isEmpty() ||
            index.data(Qt::DecorationRole).isNull())
            return false;
    }
    return true;
}

// As a person types a name into the dialog's file name field.
void typeFileName(QFileDialog *dialog, const QString &name)
{
    auto *edit = dialog->findChild<QLineEdit *>(u"fileNameEdit"_s);
    QVERIFY(edit);
    edit->clear();
    QTest::keyClicks(edit, name);
}

// Runs `step` on the modal widget of the given type as soon as it is shown.
void whenShown(const char *className, std::function<void(QWidget *)> step)
{
    auto *timer = new QTimer(qApp);
    QObject::connect(timer, &QTimer::timeout, qApp, [timer, className, step = std::move(step)] {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal || !modal->inherits(className) || !modal->isVisible())
            return;
        timer->deleteLater();
        timer->stop();
        step(modal);
    });
    timer->start(20);
}

} // namespace

class TestFileDialogs : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    QString m_path;

private Q_SLOTS:
    void init()
    {
        DatabaseFileGuard::clearForTests();
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_path = m_dir->filePath(u"residesk.db"_s);
        m_db = std::make_unique<Database>(DatabaseConfig::parse(u"sqlite://"_s + m_path).value());
        QVERIFY(SqlStatement::run(*m_db, u"CREATE TABLE t (x INTEGER)"_s));
        QVERIFY(SqlStatement::run(*m_db, u"INSERT INTO t (x) VALUES (?)"_s, {1}));
        QVERIFY(QFile::exists(m_path + u"-wal"_s) && QFile::exists(m_path + u"-shm"_s));
        QCOMPARE(DatabaseFileGuard::hold(m_path), DatabaseFileGuard::Hold::Held);
    }

    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    // The cause: Qt's widget dialog guesses the types of the files it lists from their
    // first bytes, and closing those descriptors drops the process's SQLite locks.
    void qtsOwnDialogDropsTheLocks()
    {
        QFileDialog dialog(nullptr, u"Open"_s, m_dir->path());
        dialog.setOption(QFileDialog::DontUseNativeDialog);
        dialog.setViewMode(QFileDialog::Detail);
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(
            listed(&dialog, {u"residesk.db"_s, u"residesk.db-wal"_s, u"residesk.db-shm"_s}), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(DatabaseFileGuard::hold(m_path), DatabaseFileGuard::Hold::LocksLost, 10000);
    }

    void residesksDialogKeepsTheLocks_data()
    {
        QTest::addColumn<FileDialogs::Mode>("mode");
        QTest::newRow("open") << FileDialogs::Mode::Open;
        QTest::newRow("save") << FileDialogs::Mode::Save;
    }

    void residesksDialogKeepsTheLocks()
    {
        QFETCH(FileDialogs::Mode, mode);
        std::unique_ptr<QFileDialog> dialog(FileDialogs::create(nullptr, mode, u"Open"_s, m_dir->path(), {}));
        dialog->setViewMode(QFileDialog::Detail);
        dialog->show();
        QTRY_VERIFY_WITH_TIMEOUT(
            listed(dialog.get(), {u"residesk.db"_s, u"residesk.db-wal"_s, u"residesk.db-shm"_s}), 20000);
        // As long as Qt's own dialog took to drop them, and then some.
        QTest::qWait(1000);
        QCOMPARE(DatabaseFileGuard::hold(m_path), DatabaseFileGuard::Hold::Held);
    }

    // Choosing the database file says why it cannot be used and asks again.
    void choosingTheDatabaseIsRefused()
    {
        QFile other(m_dir->filePath(u"residents.csv"_s));
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.close();
        QString warning;
        whenShown("QFileDialog", [this, &warning](QWidget *first) {
            auto *dialog = qobject_cast<QFileDialog *>(first);
            typeFileName(dialog, u"residesk.db"_s);
            whenShown("QMessageBox", [this, &warning](QWidget *box) {
                warning = qobject_cast<QMessageBox *>(box)->text();
                qobject_cast<QMessageBox *>(box)->accept();
                whenShown("QFileDialog", [](QWidget *again) {
                    auto *dialog = qobject_cast<QFileDialog *>(again);
                    typeFileName(dialog, u"residents.csv"_s);
                    static_cast<QDialog *>(dialog)->accept();
                });
            });
            static_cast<QDialog *>(dialog)->accept();
        });
        const QString chosen =
            FileDialogs::getOpenFileName(nullptr, u"Import"_s, m_dir->path(), u"All files (*)"_s);
        QVERIFY2(warning.contains(u"residesk.db"_s) && warning.contains(u"choose another file"_s),
                 qPrintable(warning));
        QCOMPARE(QFileInfo(chosen).fileName(), u"residents.csv"_s);
        QCOMPARE(DatabaseFileGuard::hold(m_path), DatabaseFileGuard::Hold::Held);
    }
};

QTEST_MAIN(TestFileDialogs)
#include "tst_filedialogs.moc"
