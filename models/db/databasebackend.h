#pragma once

// The two databases Residesk runs on (kept apart from DatabaseConfig so that
// DbError can name it without including the whole configuration).
enum class DatabaseBackend { SQLite, PostgreSQL };
