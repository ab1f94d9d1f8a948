export { describeScope } from "./describe-scope";
export { assertScopeFits, columnsUsedBy, missingColumns, visibleColumns } from "./scope-columns";
export {
  isRestrictive,
  parseStoredScope,
  scopeSchema,
  serializeScope,
  type Scope,
  type ScopeInput,
} from "./scope-schema";
export { scopeKey, scopedSelectSql } from "./scope-sql";
