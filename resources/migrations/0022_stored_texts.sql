-- Texts kept for later display as messages: the translation context, the English source
-- text and its arguments as compact JSON (tasks/storedtext.h), translated when shown, in
-- the language of whoever reads them. The text columns beside them stay filled with the
-- writer's words (English for workers and the command line), for psql, the command line
-- and rows written before this migration or by a writer that had only words (a
-- database driver's error). NULL: no message, show the text.
--
-- On PostgreSQL the roles' privileges on jobs and notifications are table-wide (0011),
-- so they cover these columns too; row-level security is per row.
ALTER TABLE notifications ADD COLUMN title_msg TEXT;
ALTER TABLE notifications ADD COLUMN body_msg TEXT;
ALTER TABLE jobs ADD COLUMN progress_msg TEXT;
ALTER TABLE jobs ADD COLUMN error_msg TEXT;
