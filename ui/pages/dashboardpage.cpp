#include "ui/pages/dashboardpage.h"

#include "models/db/dbexecutor.h"
#include "models/housing/buildingrepository.h"
#include "models/housing/residentrepository.h"
#include "models/housing/roomrepository.h"

#include <QCoroFuture>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace {
struct Counts
{
    qint64 buildings = 0;
    qint64 rooms = 0;
    qint64 residents = 0;
};
} // namespace

DashboardPage::DashboardPage(UndoContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(&context)
    , m_cards(new QWidget(this))
{
    setObjectName(QStringLiteral("dashboardPage"));
    auto *title = new QLabel(tr("Dashboard"), this);
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    font.setBold(true);
    title->setFont(font);

    auto *cards = new QHBoxLayout(m_cards);
    cards->setContentsMargins(0, 0, 0, 0);
    cards->setSpacing(16);
    m_buildings = addCard(QStringLiteral("buildings"), tr("Buildings"));
    m_rooms = addCard(QStringLiteral("rooms"), tr("Rooms"));
    m_residents = addCard(QStringLiteral("residents"), tr("Residents"));
    cards->addStretch();

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(16);
    layout->addWidget(title);
    layout->addWidget(m_cards);
    layout->addWidget(m_message);
    layout->addStretch();
}

QLabel *DashboardPage::addCard(const QString &key, const QString &title)
{
    auto *card = new QFrame(m_cards);
    card->setObjectName(QStringLiteral("card"));
    card->setStyleSheet(QStringLiteral("QFrame#card { background: palette(base); border: 1px solid palette(mid); "
                                       "border-radius: 6px; }"));
    card->setMinimumWidth(180);
    auto *caption = new QLabel(title, card);
    caption->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    auto *value = new QLabel(QStringLiteral("–"), card);
    value->setObjectName(key + QStringLiteral("Count"));
    QFont font = value->font();
    font.setPointSizeF(font.pointSizeF() * 2.2);
    font.setBold(true);
    value->setFont(font);
    auto *box = new QVBoxLayout(card);
    box->setContentsMargins(16, 12, 16, 12);
    box->addWidget(caption);
    box->addWidget(value);
    m_cards->layout()->addWidget(card);
    return value;
}

void DashboardPage::refresh()
{
    load();
}

QCoro::Task<> DashboardPage::load()
{
    if (!m_context)
        co_return;
    QPointer<DashboardPage> self(this);
    const Actor actor = m_context->actor();
    // Named locals, not temporaries: GCC 12 destroys temporaries of a co_await
    // full-expression twice (GCC bug 100611).
    auto work = [actor](Database &db) -> Result<Counts> {
        Counts counts;
        const auto buildings = BuildingRepository(db, actor).count({});
        if (!buildings)
            return buildings.error();
        const auto rooms = RoomRepository(db, actor).count({});
        if (!rooms)
            return rooms.error();
        const auto residents = ResidentRepository(db, actor).count({});
        if (!residents)
            return residents.error();
        counts.buildings = buildings.value();
        counts.rooms = rooms.value();
        counts.residents = residents.value();
        return counts;
    };
    auto future = m_context->executor().read(std::move(work));
    const Result<Counts> result = co_await future;
    if (!self)
        co_return;
    if (!result) {
        m_message->setText(tr("The counts could not be loaded: %1").arg(result.error().message));
        co_return;
    }
    const QLocale locale;
    m_buildings->setText(locale.toString(result->buildings));
    m_rooms->setText(locale.toString(result->rooms));
    m_residents->setText(locale.toString(result->residents));
    m_message->setText(tr("Occupancy and maintenance overviews will appear here."));
}
