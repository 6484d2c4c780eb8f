import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Another subgraph's entity as this one knows it: its id, the key the gateway joins on. */
export interface EntityStub {
  id: string;
}

export interface EntityStubClass {
  new (): EntityStub;
  /** The stub of the entity with this id, for a field that points at it. */
  of(id: string): EntityStub;
}

/**
 * The federation stub of another subgraph's entity type `typeName` (`@key(fields: "id")`, the id only), to which
 * this subgraph may add fields. Each call makes a class of its own: field resolvers attach to the class, so two
 * subgraphs built in one process (as `pnpm schema` and the tests do) never see each other's fields.
 * List it in the subgraph's `orphanedTypes`: type-graphql emits only types reachable from a root field.
 */
export function entityStub(typeName: string): EntityStubClass {
  @ObjectType(typeName)
  @Directive('@key(fields: "id")')
  class Stub implements EntityStub {
    @Field(() => ID)
    id!: string;

    static of(id: string): Stub {
      return Object.assign(new Stub(), { id });
    }
  }
  Object.defineProperty(Stub, 'name', { value: `${typeName}Stub` });
  return Stub;
}
