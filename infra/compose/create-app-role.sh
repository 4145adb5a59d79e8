#!/bin/sh
# Runs once, when the compose stack's PostgreSQL volume is first created: the API's login
# role, which owns nothing and cannot bypass row-level security. The migrate service grants
# it the API's privileges (APP_DB_ROLE).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v password="$APP_DB_PASSWORD" <<'SQL'
CREATE ROLE motesplats_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD :'password';
SQL
