export { getDb, createDb, setDb, type Db, type Tx } from "./client";
export { databaseUrl, providerOfUrl } from "./config";
