#pragma once

#include "models/db/dberror.h"

#include <optional>
#include <utility>

// A value or a DbError. Default-constructible (QFuture and QCoro need that); a
// default-constructed Result holds neither and reports Code::QueryFailed.
template<typename T>
class Result
{
public:
    Result() = default;
    Result(T value) : m_value(std::move(value)) {}
    Result(DbError error) : m_error(std::move(error)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }

    DbError error() const
    {
        if (m_value)
            return {};
        if (m_error.code == DbError::Code::None)
            return DbError(DbError::Code::QueryFailed, DbError::tr("The operation did not complete."));
        return m_error;
    }

private:
    std::optional<T> m_value;
    DbError m_error;
};

template<>
class Result<void>
{
public:
    Result() : m_ok(true) {}
    Result(DbError error) : m_ok(false), m_error(std::move(error)) {}

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    DbError error() const { return m_error; }

private:
    bool m_ok;
    DbError m_error;
};

using VoidResult = Result<void>;
