#pragma once

#include <QLayout>
#include <QList>

// Lays its items out left to right and wraps to a new line when the width runs out,
// like words in a paragraph: a page's filters fit a narrow window by taking two lines
// instead of widening it. Its minimum width is that of its widest item; its height
// follows its width (heightForWidth), so the parent layout gives it the lines it needs.
//
//   auto *filters = new FlowLayout(6, 4);   // 6 px between items, 4 px between lines
//   filters->addWidget(stateFilter);
//   filters->addWidget(clientFilter);
class FlowLayout : public QLayout
{
public:
    explicit FlowLayout(int horizontalSpacing = 6, int verticalSpacing = 4, QWidget *parent = nullptr);
    ~FlowLayout() override;

    void addItem(QLayoutItem *item) override;
    int count() const override;
    QLayoutItem *itemAt(int index) const override;
    QLayoutItem *takeAt(int index) override;
    // Puts `widget` at `index` (as QBoxLayout::insertWidget).
    void insertWidget(int index, QWidget *widget);

    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect &rect) override;

private:
    // Places the items within `rect` (or only measures, when `apply` is false) and
    // returns the height used.
    int arrange(const QRect &rect, bool apply) const;

    QList<QLayoutItem *> m_items;
    int m_hSpacing;
    int m_vSpacing;
};
