/** The API role's data source (RLS applies). Migrations use a separate owner connection. */
export const APP_DATA_SOURCE = Symbol('APP_DATA_SOURCE');
