/**
 * How deeply a DuckDB type nests: 0 for a scalar ("BIGINT"), 1 for "BIGINT[]" or
 * "STRUCT(a BIGINT)", 2 for "STRUCT(a BIGINT[])" and so on. Parameterised scalars such as
 * DECIMAL(18,3) count one level too, which only errs on the safe side. Quoted names are skipped.
 */
export function typeDepth(type: string): number {
  let i = 0;
  const skipQuoted = (quote: string) => {
    for (i++; i < type.length; i++) {
      if (type[i] !== quote) continue;
      if (type[i + 1] === quote) i++;
      else break;
    }
    i++;
  };
  // One type: words up to "(", "[", "," or ")", then its parenthesised members, then its list suffixes.
  const parse = (): number => {
    let depth = 0;
    while (i < type.length && !"([,)".includes(type[i]!)) {
      if (type[i] === '"' || type[i] === "'") skipQuoted(type[i]!);
      else i++;
    }
    if (type[i] === "(") {
      i++;
      let inner = 0;
      while (i < type.length) {
        inner = Math.max(inner, parse());
        if (type[i] === ",") i++;
        else break;
      }
      i++; // ")"
      depth = inner + 1;
    }
    while (type[i] === "[") {
      const close = type.indexOf("]", i);
      i = close === -1 ? type.length : close + 1;
      depth++;
    }
    // Words after a nested type ("... ) NOT NULL") belong to it; skip to the separator.
    while (i < type.length && !",)".includes(type[i]!)) {
      if (type[i] === "(" || type[i] === "[") depth = Math.max(depth, parse());
      else if (type[i] === '"' || type[i] === "'") skipQuoted(type[i]!);
      else i++;
    }
    return depth;
  };
  return parse();
}
