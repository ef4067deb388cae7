-- Extensions every module may use: unaccent + pg_trgm for Vietnamese search.
-- On an external server the migrating user needs the right to create them (or create them beforehand).
create extension if not exists unaccent schema public;
create extension if not exists pg_trgm schema public;

create schema if not exists shared;

-- unaccent() is not immutable; this wrapper is, so it can back indexes and generated columns.
-- Folding matches vn.trithuc.shared.VietnameseText.fold: no marks, đ -> d, lower case.
create or replace function shared.fold(text) returns text
  language sql immutable parallel safe strict
  as $$ select lower(public.unaccent('public.unaccent'::regdictionary, replace(replace($1, 'đ', 'd'), 'Đ', 'D'))) $$;

-- Written once when the demo data are loaded; its presence means "this database holds demo data".
create table shared.demo_data_marker (
  id            int primary key check (id = 1),
  loaded_at     timestamptz not null,
  contributors  text not null
);
