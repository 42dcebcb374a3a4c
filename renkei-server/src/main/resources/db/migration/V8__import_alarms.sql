-- Alarms raised by an import (unknown report type, unknown column): kept with the run so the
-- feeds and imports pages can show them.
alter table import_run add column alarms jsonb not null default '[]';
