-- Trigram indexes make the client list's substring search fast at 100,000 files.
-- pg_trgm is a trusted extension: the database owner may create it without superuser rights.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
