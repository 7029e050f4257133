#include "ui/allocations/buildingcombobox.h"

#include "models/db/dbexecutor.h"
#include "models/housing/buildingrepository.h"

#include <QCoroFuture>
#include <QPointer>

namespace {
constexpr int kCodeRole = Qt::UserRole + 1;
}

BuildingComboBox::BuildingComboBox(DbExecutor &executor, const QString &noneText, QWidget *parent)
    : QComboBox(parent)
    , m_executor(executor)
{
    // As wide as a usual building name, whatever the longest one: a long name does not
    // widen the page (the list that opens shows it whole).
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(18);
    addItem(noneText, qint64(0));
    connect(this, &QComboBox::currentIndexChanged, this, [this] { Q_EMIT buildingChanged(buildingId()); });
}

void BuildingComboBox::reload()
{
    load();
}

qint64 BuildingComboBox::buildingId() const
{
    return currentData().toLongLong();
}

QString BuildingComboBox::buildingCode() const
{
    return currentData(kCodeRole).toString();
}

void BuildingComboBox::setBuildingId(qint64 id)
{
    const int index = findData(id);
    if (index >= 0) {
        m_wanted = -1;
        setCurrentIndex(index);
    } else {
        m_wanted = id;
    }
}

QCoro::Task<> BuildingComboBox::load()
{
    QPointer<BuildingComboBox> self(this);
    // Named locals, not temporaries: GCC 12 destroys temporaries of a co_await
    // full-expression twice (GCC bug 100611).
    auto work = [](Database &db) {
        return BuildingRepository(db, Actor::systemUser()).all();
    };
    auto future = m_executor.read(std::move(work));
    const Result<QList<Building>> result = co_await future;
    if (!self || !result)
        co_return;
    const qint64 before = buildingId();
    const qint64 selected = m_wanted >= 0 ? m_wanted : before;
    m_wanted = -1;
    {
        const QSignalBlocker blocker(this);
        while (count() > 1)
            removeItem(1);
        for (const Building &b : result.value()) {
            addItem(tr("%1 — %2").arg(b.code, b.name), b.id);
            setItemData(count() - 1, b.code, kCodeRole);
        }
        setCurrentIndex(qMax(0, findData(selected)));
    }
    // The choice changed: a building chosen before the list arrived, or one that is gone.
    if (buildingId() != before)
        Q_EMIT buildingChanged(buildingId());
    Q_EMIT loaded();
}
