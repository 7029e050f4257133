#include "tasks/taskregistry.h"

#include <algorithm>

void TaskRegistry::add(TaskKind kind)
{
    const QString name = kind.name;
    m_kinds.insert(name, std::move(kind));
}

const TaskKind *TaskRegistry::find(const QString &name) const
{
    const auto it = m_kinds.constFind(name);
    return it == m_kinds.constEnd() ? nullptr : &it.value();
}

QStringList TaskRegistry::names() const
{
    QStringList names = m_kinds.keys();
    std::sort(names.begin(), names.end());
    return names;
}

QString TaskRegistry::title(const QString &name) const
{
    return titleText(name).toString();
}

StoredText TaskRegistry::titleText(const QString &name) const
{
    const TaskKind *kind = find(name);
    return kind && !kind->title.isEmpty() ? kind->title : StoredText(name);
}
