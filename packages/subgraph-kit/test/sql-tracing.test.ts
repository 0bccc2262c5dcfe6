import { sanitizeSql } from '../src/sql-tracing';

describe('sanitizeSql', () => {
  it('replaces string and number literals, keeping identifiers and placeholders', () => {
    expect(
      sanitizeSql(
        `select "u0".* from "identity"."user_account" as "u0" where "u0"."id" in ('21f3-dcb7', 'it''s') and "t2" = $1 and n > 42 limit 10`,
      ),
    ).toBe(
      `select "u0".* from "identity"."user_account" as "u0" where "u0"."id" in (?, ?) and "t2" = $1 and n > ? limit ?`,
    );
  });
});
