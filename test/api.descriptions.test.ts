/**
 * The schema documents itself: every type, field, argument, input field and enum value a client can see has a
 * description (what GraphiQL, Apollo Sandbox and codegen show). This lists whatever has none.
 */
import { apiSchema } from './api.harness';
import { undescribed } from './support/undescribed';

describe('the schema’s documentation', () => {
  it('when a client reads the schema, then every type, field, argument, input field and enum value says what it is', async () => {
    expect(undescribed(await apiSchema())).toEqual([]);
  });

  it('when something has no description, then the walk names it (a schema built without them fails)', async () => {
    const { buildSchema } = await import('graphql');
    const bare = buildSchema('"A root." type Query { "An answer." a(x: Int): E b: Int } enum E { "one" ONE TWO }');
    expect(undescribed(bare)).toEqual(['Query.a(x)', 'Query.b', 'E', 'E.TWO']);
  });
});
