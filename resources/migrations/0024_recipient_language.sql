-- The language Residesk writes to each person it tells things in (models/core/
-- recipientlanguage.h, tasks/i18n/messagetranslator.h): residents (maintenance notices),
-- lab clients (finalized reports) and technicians (their jobs). 'en' or 'es'; NULL: the
-- office's default, a setting. Existing rows keep the default.
ALTER TABLE residents ADD COLUMN language VARCHAR(2)
    CONSTRAINT residents_language_known CHECK (language IS NULL OR language IN ('en', 'es'));
ALTER TABLE clients ADD COLUMN language VARCHAR(2)
    CONSTRAINT clients_language_known CHECK (language IS NULL OR language IN ('en', 'es'));
ALTER TABLE maintenance_technicians ADD COLUMN language VARCHAR(2)
    CONSTRAINT maintenance_technicians_language_known CHECK (language IS NULL OR language IN ('en', 'es'));
