// Types for schema-variants.mjs (kept as plain JS so bare Node can run it at postinstall).
export declare const SQLITE_SCHEMA: string;
export declare const POSTGRES_SCHEMA: string;
export declare function postgresSchemaFrom(text: string): string;
