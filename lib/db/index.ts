export { getDb, createDb, setDb, type Db, type Tx } from "./client";
export { databaseUrl, providerOfUrl } from "./config";
export { jsonObject, type JsonInput, type JsonObjectInput, type JsonValue } from "./json";
export type {
  FileEntryKind,
  GranteeType,
  IngestMode,
  LinkMode,
  MemberRole,
  OutboxStatus,
  ResourceType,
  ShareRole,
  UploadKind,
  VersionKind,
  Visibility,
} from "./generated/sqlite/enums";
